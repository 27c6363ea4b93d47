// Entry point of `npm run cli`.
import { runCli } from './run';

runCli(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Research Workbench: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
