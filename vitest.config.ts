import { defineConfig } from 'vitest/config';
import { licencesPlugin } from './scripts/licences.mjs';

export default defineConfig({
  // The licences screen's list (virtual:licences), as the renderer's build makes it.
  plugins: [licencesPlugin(import.meta.dirname)],
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
