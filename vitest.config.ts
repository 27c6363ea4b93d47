import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { licencesPlugin } from './scripts/licences.mjs';

// The window's stylesheets as text, for the tests that check them (tests/renderer/
// stylesheets.test.ts): CSS imported under vitest, even with `?raw`, is an empty string.
const styles = join(import.meta.dirname, 'src/renderer/src/styles');
const styleSheets = readdirSync(styles)
  .filter((name) => name.endsWith('.css'))
  .map((name) => ({ name, css: readFileSync(join(styles, name), 'utf8') }));

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
    provide: { styleSheets },
  },
});
