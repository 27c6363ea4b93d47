// Entry point of `npm run cli`. Files are parsed in the import worker built beside this
// bundle (vite.server.config.ts), under the same limits as in the app.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './run';

const importWorker = join(dirname(fileURLToPath(import.meta.url)), 'import-worker.js');

runCli(
  process.argv.slice(2),
  { out: (l) => console.log(l), err: (l) => console.error(l) },
  { importWorker },
).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Research Workbench: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
