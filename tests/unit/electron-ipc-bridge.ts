// Both sides of the desktop app's IPC over the electron mock (electron-mock.ts), for tests
// that cross it into a real workspace: the preload bridge as the window calls it, and the
// main process's handlers, bound before each test to a new workspace in a temp folder.
// The test file mocks `electron` (vi.mock) and imports the preload before using these.
import { afterEach, beforeEach } from 'vitest';
import type { Envelope } from '../../src/shared/api';
import type { Workbench } from '../../src/core/workbench';
import { reopen, tempDir } from '../integration/helpers';
import { electron, registered } from './electron-mock';

export type Handler = (event: unknown, payload: unknown) => Promise<Envelope<unknown>>;
export type BridgeCall = (input: unknown) => Promise<Envelope<unknown>>;

/** The app's own page in the top frame (src/main/protocol.ts's origin): what IPC lets through. */
export const mainFrame = { parent: null, url: 'app://workbench/index.html' };

/** The functions the preload exposed as `window.workbench`, by method name. */
export function exposedBridge(): Record<string, BridgeCall> {
  const exposed = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as
    [string, Record<string, BridgeCall>] | undefined;
  if (!exposed) throw new Error('the preload has exposed nothing yet: import it first');
  return exposed[1];
}

/** The main process's handler of one IPC channel. */
export const handlerOf = (channel: string): Handler =>
  registered<Handler>(electron.ipcMain.handle, channel);

/**
 * Before each test of the calling block, a new empty workspace with the main process's IPC
 * bound to it (the handlers registered afresh); after it, the folder removed. Read `wb`
 * inside a test: it is a different workbench each time.
 */
export function bindIpcToNewWorkspace(): { readonly wb: Workbench } {
  let cleanup: (() => Promise<void>) | undefined;
  let current: Workbench | undefined;
  const workspace = {
    get wb(): Workbench {
      if (!current) throw new Error('the workspace is opened before each test, not before');
      return current;
    },
  };
  beforeEach(async () => {
    const { bindIpc } = await import('../../src/main/ipc');
    let dir: string;
    ({ dir, cleanup } = await tempDir());
    current = await reopen(dir);
    electron.ipcMain.handle.mockClear();
    bindIpc(() => workspace.wb);
  });
  afterEach(async () => {
    await cleanup?.();
    current = undefined;
  });
  return workspace;
}
