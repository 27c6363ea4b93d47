// Writes expected.json for every anchoring baseline case, with the engine as it is now.
// Run it only to accept a change on purpose, and read the diff of expected.json before
// committing it:
//   UPDATE_ANCHORING_BASELINES=1 node tests/unit/anchoring-baselines/generate.mjs
// Without the variable it writes nothing, so a baseline cannot be overwritten by accident.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

if (process.env.UPDATE_ANCHORING_BASELINES !== '1') {
  console.error(
    'Not written: set UPDATE_ANCHORING_BASELINES=1 to rewrite the expected results of every case.',
  );
  process.exit(1);
}
// Vite's module runner loads the TypeScript engine as the tests do.
const { module } = await runnerImport(fileURLToPath(new URL('./baselines.ts', import.meta.url)), {
  configFile: false,
  logLevel: 'error',
});
for (const line of module.writeAll()) console.log(line);
