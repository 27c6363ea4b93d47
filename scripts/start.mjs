// `npm start`: builds the workbench, then opens it in Electron when its runtime is
// available, or says so in one line and opens the same workbench through the browser
// host (in an installed Chromium app window, or at the printed address).
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { electronRuntime } from './electron-runtime.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const build = spawnSync(npm, ['run', '--silent', 'build'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (build.status !== 0) {
  console.error('Research Workbench could not be built; see the errors above.');
  process.exit(build.status ?? 1);
}

const runtime = electronRuntime();
const run = (command, commandArgs) => {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
};

if ('path' in runtime) {
  // Chromium refuses to run as root with its sandbox; containers and CI machines do that.
  const rootUser = process.platform === 'linux' && process.getuid?.() === 0;
  run(runtime.path, [...(rootUser ? ['--no-sandbox'] : []), '.', ...args]);
} else {
  console.log(`Opening Research Workbench in the browser instead: ${runtime.reason}.`);
  run(process.execPath, ['out/server/index.js', '--open', ...args]);
}
