// A stand-in for the `electron` module, so the Electron shell's guards run under vitest on
// machines with no Electron binary. It records what the shell registers (IPC handlers,
// permission handlers, protocol handlers, window options, app events) for tests to call.
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents {
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: Listener | undefined;
  setWindowOpenHandler(handler: Listener): void {
    this.windowOpenHandler = handler;
  }
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  send = vi.fn();
  reload = vi.fn();
  /** Emits like Electron does: returns whether some listener called preventDefault. */
  emitPreventable(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    const evt = { preventDefault: () => (prevented = true) };
    for (const listener of this.listeners.get(event) ?? []) listener(evt, ...args);
    return prevented;
  }
}

export class FakeBrowserWindow {
  static created: FakeBrowserWindow[] = [];
  static getAllWindows = (): FakeBrowserWindow[] => FakeBrowserWindow.created;
  readonly webContents = new FakeWebContents();
  loadURL = vi.fn(() => Promise.resolve());
  once = vi.fn();
  on = vi.fn();
  show = vi.fn();
  constructor(readonly options: Record<string, unknown>) {
    FakeBrowserWindow.created.push(this);
  }
}

const appListeners = new Map<string, Listener>();

export const electron = {
  app: {
    isPackaged: false,
    setName: vi.fn(),
    enableSandbox: vi.fn(),
    // Never ready: tests of the shell's wiring must not open a real workspace.
    whenReady: vi.fn(() => new Promise<void>(() => undefined)),
    getPath: vi.fn(() => '/nonexistent'),
    on: vi.fn((event: string, listener: Listener) => appListeners.set(event, listener)),
    quit: vi.fn(),
    exit: vi.fn(),
  },
  appListeners,
  ipcMain: { handle: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
  contextBridge: { exposeInMainWorld: vi.fn() },
  session: {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
    },
  },
  shell: { openExternal: vi.fn(() => Promise.resolve()), openPath: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  net: { fetch: vi.fn(() => Promise.resolve(new Response('file'))) },
  dialog: {
    showOpenDialog: vi.fn(),
    showErrorBox: vi.fn(),
    showSaveDialog: vi.fn(),
    showMessageBox: vi.fn(() => Promise.resolve({ response: 0, checkboxChecked: false })),
  },
  Menu: { buildFromTemplate: vi.fn(), setApplicationMenu: vi.fn() },
  BrowserWindow: FakeBrowserWindow,
};

/** The handler a call like `ipcMain.handle(channel, handler)` registered. */
export function registered<T>(mock: { mock: { calls: unknown[][] } }, key: unknown): T {
  const call = mock.mock.calls.find((args) => args[0] === key);
  if (!call) throw new Error(`nothing registered for ${String(key)}`);
  return call[1] as T;
}
