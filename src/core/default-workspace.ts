// Where a workspace lives when none is named: the same folder Electron's userData gives
// for "Research Workbench", so the desktop app and the browser host open the same data.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_NAME = 'Research Workbench';

export function userDataDir(env: NodeJS.ProcessEnv = process.env): string {
  switch (process.platform) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', APP_NAME);
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
  }
}

/** `--workspace DIR` or `--workspace=DIR` from a command line, resolved; else undefined. */
export function workspaceArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--workspace' && argv[i + 1]) return resolve(argv[i + 1]!);
    if (arg.startsWith('--workspace=')) return resolve(arg.slice('--workspace='.length));
  }
  return undefined;
}

export function defaultWorkspaceDir(userData: string = userDataDir()): string {
  return join(userData, 'workspace');
}
