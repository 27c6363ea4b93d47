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

// Files that replace modules (`vi.mock` of electron) or the environment (`vi.stubEnv`) run
// each in a fresh module graph; every other file shares its worker's modules with the files
// before it. Importing the core again for each of 180 files was half of the run (about
// 140 s of 290 s on two cores). Each opens its own workspace in its own folder; they pass
// in any order (`npx vitest run --sequence.shuffle.files`), which is what sharing needs.
const ISOLATED = ['tests/unit/electron-*.test.ts', 'tests/integration/team-sync.test.ts'];

export default defineConfig({
  // The licences screen's list (virtual:licences), as the renderer's build makes it.
  plugins: [licencesPlugin(import.meta.dirname)],
  test: {
    environment: 'node',
    testTimeout: 20_000,
    // Both cores: vitest's default is one fewer worker than cores, one file at a time here.
    maxWorkers: 2,
    provide: { styleSheets },
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: [
            'tests/unit/**/*.test.ts',
            'tests/core/**/*.test.ts',
            'tests/integration/**/*.test.ts',
            'tests/renderer/**/*.test.ts',
          ],
          exclude: ISOLATED,
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
