import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/core/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/renderer/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
    // Both cores: vitest's default is one fewer worker than cores, one file at a time here.
    maxWorkers: 2,
  },
});
