// One fixture for every end-to-end test: its own empty workspace folder and its own
// browser host process, started from the built app exactly as `npm run serve` does, and
// signed in the way a user is: by opening the one-time login address it printed.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { WorkbenchPage } from './workbench-page';

export const ROOT = join(import.meta.dirname, '../..');

export interface Host {
  /** The one-time login address the running host printed (spent by its first visit). */
  url: string;
  origin: string;
  /** Everything the host printed, to check that no session secret is ever among it. */
  output(): string;
  workspace: string;
  restart(): Promise<void>;
}

interface Server {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts a browser host on `workspace`, as `npm run serve` does. */
export async function startServer(workspace: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'out/server/index.js'), '--workspace', workspace],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      // The recent-workspaces list lives in the user-data folder: each test gets its own.
      env: { ...process.env, XDG_CONFIG_HOME: `${workspace}-config` },
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 15_000);
    const onData = (): void => {
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    const collect = (chunk: Buffer): void => void (output += chunk.toString());
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, url, output: () => output };
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export const test = base.extend<{ host: Host; workbench: WorkbenchPage }>({
  // Playwright requires a destructuring pattern even when no fixture is used.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const workspace = await mkdtemp(join(tmpdir(), 'rw-e2e-'));
    let server = await startServer(workspace);
    const host: Host = {
      workspace,
      get url() {
        return server.url;
      },
      get origin() {
        return new URL(server.url).origin;
      },
      output: () => server.output(),
      async restart() {
        await stop(server.child);
        server = await startServer(workspace);
      },
    };
    await use(host);
    await stop(server.child);
    await rm(workspace, { recursive: true, force: true });
    await rm(`${workspace}-config`, { recursive: true, force: true });
  },
  workbench: async ({ page, host }, use) => {
    const workbench = new WorkbenchPage(page);
    await page.goto(host.url);
    await use(workbench);
  },
});

export { expect } from '@playwright/test';
