// The hardened BrowserWindow: sandboxed, isolated renderer with no Node, which may not
// navigate, open windows, or be granted any permission. Content comes only from the
// built renderer on disk (or electron-vite's dev server during development).
import { join } from 'node:path';
import { BrowserWindow, session, shell } from 'electron';
import { SAFE_HREF } from '../shared/text';

export const HARDENED_PREFERENCES = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: true,
} as const;

export function rendererUrl(): string {
  const dev = process.env.ELECTRON_RENDERER_URL;
  if (dev && /^http:\/\/(localhost|127\.0\.0\.1):\d+\/?$/.test(dev)) return dev;
  return `file://${join(import.meta.dirname, '../renderer/index.html')}`;
}

/** True for frames showing our own renderer: the only ones allowed to call the API. */
export function isTrustedUrl(url: string): boolean {
  const expected = new URL(rendererUrl());
  try {
    const actual = new URL(url);
    return (
      actual.protocol === expected.protocol &&
      actual.host === expected.host &&
      actual.pathname === expected.pathname
    );
  } catch {
    return false;
  }
}

export function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Research Workbench',
    webPreferences: {
      ...HARDENED_PREFERENCES,
      preload: join(import.meta.dirname, '../preload/index.cjs'),
    },
  });
  // A link in an article or note opens in the user's browser, never inside the app.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (SAFE_HREF.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(rendererUrl());
  return win;
}
