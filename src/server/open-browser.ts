// Opens the browser host in an installed Chromium as an app window (no tabs, no address
// bar), or failing that in the default browser. Returns false when nothing could open it,
// so the caller prints the address instead.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const CHROMIUMS = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

function detached(command: string, args: string[]): boolean {
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}

export function openInBrowser(url: string, profileDir: string): boolean {
  const chromium = CHROMIUMS.find((path) => path && existsSync(path));
  if (chromium) {
    // The address carries only a one-time login code: readable in `ps` and kept in the
    // profile's history, but spent the moment this window signs in (sessions.ts).
    const args = [
      `--app=${url}`,
      `--user-data-dir=${join(profileDir, 'browser-profile')}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ];
    // Chromium refuses to start as root with its sandbox on (containers, CI machines).
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    return detached(chromium, args);
  }
  if (process.platform === 'darwin') return detached('open', [url]);
  if (process.platform === 'win32') return detached('cmd', ['/c', 'start', '', url]);
  return existsSync('/usr/bin/xdg-open') && detached('xdg-open', [url]);
}
