// Finds the Electron runtime without letting the electron package's first-use download
// flood the terminal: asks in a child process, with its output captured, and reports
// either the executable's path or one line saying why there is none.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** @returns {{ path: string } | { reason: string }} */
export function electronRuntime() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  const path = probe.stdout?.trim();
  if (probe.status === 0 && path && existsSync(path)) return { path };
  const output = `${probe.stderr ?? ''}${probe.error?.message ?? ''}`;
  const cause =
    /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|fetch failed|getaddrinfo/i.exec(output)?.[0] ??
    (probe.status === 0 ? 'the download left no executable' : 'the download failed');
  return { reason: `the Electron runtime is not installed and could not be downloaded (${cause})` };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const runtime = electronRuntime();
  if ('path' in runtime) console.log(runtime.path);
  else {
    console.error(runtime.reason);
    process.exit(1);
  }
}
