// The hardened BrowserWindow: sandboxed, isolated renderer with no Node, which may not
// navigate, open windows, or be granted any permission. Content comes only from the
// built renderer over app:// (or electron-vite's dev server during development).
// The web preferences are written out literally, not spread from a constant, so that
// reviewers and scanners such as Electronegativity see every one of them.
import { join } from 'node:path';
import { BrowserWindow, session, shell, type WebContents } from 'electron';
import { SAFE_HREF } from '../shared/text';
import { APP_ORIGIN } from './protocol';

const DEV_SERVER = /^http:\/\/(localhost|127\.0\.0\.1):\d+\/?$/;

export function rendererUrl(): string {
  const dev = process.env.ELECTRON_RENDERER_URL;
  if (dev && DEV_SERVER.test(dev)) return dev;
  return `${APP_ORIGIN}/index.html`;
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

/**
 * For every web contents the app creates: no new windows (a safe link opens in the
 * user's browser instead), no navigation or redirect away from the renderer, no webviews.
 */
export function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (SAFE_HREF.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
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
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      // A middle click on a link would otherwise open it in a new window (auxclick).
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      // Reviewed (Electronegativity PRELOAD_JS_CHECK): the preload exposes only
      // `workbench`, one function per API method on its own channel and an event
      // subscription that passes the payload alone; tests/unit/electron-preload.test.ts
      // pins that surface, so a change to it fails a test.
      preload: join(import.meta.dirname, '../preload/index.cjs'), // eng-disable PRELOAD_JS_CHECK
    },
  });
  // Its web contents are guarded by index.ts's app-wide hook, like every other one.
  win.once('ready-to-show', () => win.show());
  void win.loadURL(rendererUrl());
  return win;
}
