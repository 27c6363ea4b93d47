// Runs npm scripts side by side and fails if any fails: `npm test` checks lint and types and
// builds at once, on the machine's two cores (the three together take less than one after
// another). Each script's output is printed whole when it ends, so they never interleave.
import { spawn } from 'node:child_process';

const runs = process.argv.slice(2).map(
  (name) =>
    new Promise((resolve) => {
      const child = spawn('npm', ['run', name], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('close', (code) => {
        process.stdout.write(`${out}\n`);
        resolve(code ?? 1);
      });
    }),
);
const codes = await Promise.all(runs);
process.exit(codes.every((code) => code === 0) ? 0 : 1);
