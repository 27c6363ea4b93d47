// `npm start`: builds the workbench, then opens it in Electron when its runtime is
// available, or says so in one line and opens the same workbench through the browser
// host (in an installed Chromium app window, or at the printed address). Where no window
// can open at all (no display), it says so and serves the workbench at the printed
// address (on this machine, or through a forwarded port).
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { noDisplayReason } from './display.mjs';
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

const run = (command, commandArgs) => {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
};

const noDisplay = noDisplayReason(process.platform, process.env);
// Electron is not looked for (nor downloaded) where it could not show a window anyway.
const runtime = noDisplay ? undefined : electronRuntime();
if (noDisplay || !runtime) {
  // Nothing could open a browser either: the address the server prints is the way in.
  console.log(`No window can open: ${noDisplay}. Point a browser at the address below.`);
  run(process.execPath, ['out/server/index.js', ...args]);
} else if ('path' in runtime) {
  // Chromium refuses to run as root with its sandbox; containers and CI machines do that.
  const rootUser = process.platform === 'linux' && process.getuid?.() === 0;
  run(runtime.path, [...(rootUser ? ['--no-sandbox'] : []), '.', ...args]);
} else {
  console.log(`Opening Research Workbench in the browser instead: ${runtime.reason}.`);
  run(process.execPath, ['out/server/index.js', '--open', ...args]);
}
