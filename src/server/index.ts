// `npm run serve`: the browser host's entry point. Opens a workspace (default or
// --workspace DIR), starts the HTTP host on 127.0.0.1 and prints a one-time login
// address (sessions.ts says why that is safe to print). --open also opens it in a
// browser window.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  defaultWorkspaceDir,
  openWorkbench,
  userDataDir,
  workspaceArg,
  WorkspaceSwitcher,
} from '../core/index';
import { startHttpHost } from './http-host';
import { openInBrowser } from './open-browser';

const here = dirname(fileURLToPath(import.meta.url));

function portArg(argv: readonly string[]): number {
  const at = argv.indexOf('--port');
  const value = at >= 0 ? Number(argv[at + 1]) : 0;
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`--port must be a number from 0 to 65535, not "${argv[at + 1]}"`);
  }
  return value;
}

async function main(argv: readonly string[]): Promise<void> {
  const dir = workspaceArg(argv) ?? defaultWorkspaceDir();
  // Set once the HTTP host runs: a switch ends the pages' event streams (they reconnect).
  const events = { end: (): void => undefined };
  // The page names a workspace by a path the user typed; the switcher checks it
  // (src/core/workspaces/folder-check.ts) and keeps the recent list beside the default
  // workspace, in the user-data folder the desktop app uses too.
  const switcher = new WorkspaceSwitcher({
    settingsDir: userDataDir(),
    open: (folder, workspaces, first) =>
      openWorkbench(folder, {
        // A workspace made later starts empty: the sample is for the first run.
        ...(first ? { sampleArticle: join(here, '../../resources/sample-article.txt') } : {}),
        host: 'browser host',
        liveSync: true,
        // Built next to this file by vite.server.config.ts.
        importWorker: join(here, 'import-worker.js'),
        searchWorker: join(here, 'search-worker.js'),
        workspaces,
      }),
    choose: 'path',
    onSwitch: (next) => {
      console.log(`Workspace: ${next.dir}`);
      events.end();
    },
  });
  const workbench = await switcher.start(dir);
  const host = await startHttpHost({
    workbench,
    current: () => switcher.current,
    staticDir: join(here, '../renderer'),
    port: portArg(argv),
    onLoginUrl: (url) => console.log(`New one-time login address: ${url}`),
  });
  events.end = () => host.endEventStreams();
  const url = host.loginUrl();
  console.log(`Research Workbench is running at ${url}`);
  console.log('That address signs one browser in, once, within two minutes.');
  console.log(`Workspace: ${dir}`);
  if (workbench.readOnly) {
    const info = await workbench.call('workspace.info', {});
    if (info.ok) console.log(`Read-only: ${info.value.readOnlyReason ?? ''}`);
  }
  if (argv.includes('--open') && !openInBrowser(url, userDataDir())) {
    console.log(
      'No browser could be opened: open the address above in Chromium, Chrome or Firefox.',
    );
  }
  const stop = (): void => {
    void host
      .close()
      .then(() => switcher.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(
    `Research Workbench could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
