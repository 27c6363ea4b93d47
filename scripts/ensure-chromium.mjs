// Runs before `npm test`: the end-to-end tests drive a system Chromium (Playwright's own
// browser download does not work offline). Finds one, or installs Debian's package when
// running as root on a Debian-like system, or says exactly what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean);
const found = () => candidates.find((path) => existsSync(path));

if (!found()) {
  const canApt =
    process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canApt) {
    console.error(
      'The end-to-end tests need Chromium at /usr/bin/chromium (or set CHROMIUM_PATH to a Chromium or Chrome executable).',
    );
    process.exit(1);
  }
  console.log('Installing Debian’s chromium package for the end-to-end tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium'],
  ]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (result.status !== 0) {
      console.error(
        `apt-get ${args.join(' ')} failed (exit ${result.status}); install chromium and run the tests again.`,
      );
      process.exit(1);
    }
  }
  if (!found()) {
    console.error('chromium was installed but /usr/bin/chromium is missing; set CHROMIUM_PATH.');
    process.exit(1);
  }
}
