// The Electron window's guards, run against a mocked `electron`: which addresses count as
// our renderer, which links may leave the app, which navigations are stopped, that every
// permission is denied, and that the window is created with the hardened preferences
// written literally where scanners look for them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeBrowserWindow } from './electron-mock';
import { electron, FakeWebContents } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electron);

const { createMainWindow, denyPermissions, guardWebContents, isTrustedUrl, rendererUrl } =
  await import('../../src/main/window');
type Contents = Parameters<typeof guardWebContents>[0];

const APP_URL = 'app://workbench/index.html';

beforeEach(() => vi.clearAllMocks());
afterEach(() => vi.unstubAllEnvs());

describe('rendererUrl', () => {
  it('is the app:// renderer, never file://', () => {
    expect(rendererUrl()).toBe(APP_URL);
  });

  it('takes a dev server address only on this machine over plain http', () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
    expect(rendererUrl()).toBe('http://localhost:5173/');
    for (const dev of [
      'http://evil.example:5173/',
      'http://localhost.evil.example:5173/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/../x',
      'http://127.0.0.1:5173@evil.example/',
      'file:///tmp/index.html',
      ' http://localhost:5173/',
    ]) {
      vi.stubEnv('ELECTRON_RENDERER_URL', dev);
      expect(rendererUrl(), dev).toBe(APP_URL);
    }
  });
});

describe('isTrustedUrl', () => {
  it.each([APP_URL, `${APP_URL}#/entities`, `${APP_URL}?x=1`])('trusts %s', (url) => {
    expect(isTrustedUrl(url)).toBe(true);
  });
  it.each([
    'app://evil/index.html',
    'app://workbench/other.html',
    'file:///app/out/renderer/index.html',
    'http://127.0.0.1/index.html',
    'https://workbench/index.html',
    'javascript:alert(1)//app://workbench/index.html',
    'not a url',
    '',
  ])('does not trust %s', (url) => {
    expect(isTrustedUrl(url)).toBe(false);
  });
});

describe('guardWebContents', () => {
  const guarded = (): FakeWebContents => {
    const contents = new FakeWebContents();
    guardWebContents(contents as unknown as Contents);
    return contents;
  };

  it('opens no window, and hands only http(s) and mailto links to the browser', () => {
    const contents = guarded();
    const open = (url: string): unknown => contents.windowOpenHandler?.({ url });
    for (const url of ['https://example.org/a', 'http://example.org', 'mailto:a@b.example']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(electron.shell.openExternal.mock.calls.map((args: unknown[]) => args[0])).toEqual([
      'https://example.org/a',
      'http://example.org',
      'mailto:a@b.example',
    ]);
    electron.shell.openExternal.mockClear();
    for (const url of [
      'javascript:alert(1)',
      'xjavascript:alert(1)//https://x',
      'file:///etc/passwd',
      'smb://host/share',
      'data:text/html,<script>alert(1)</script>',
      ' javascript:https://x',
      'vbscript:msgbox',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it.each(['will-navigate', 'will-redirect'])('stops %s away from the renderer', (event) => {
    const contents = guarded();
    expect(contents.emitPreventable(event, 'https://evil.example/')).toBe(true);
    expect(contents.emitPreventable(event, 'file:///etc/passwd')).toBe(true);
    expect(contents.emitPreventable(event, 'app://workbench/other.html')).toBe(true);
    expect(contents.emitPreventable(event, APP_URL)).toBe(false);
  });

  it('refuses every webview', () => {
    expect(guarded().emitPreventable('will-attach-webview', {}, {})).toBe(true);
  });
});

describe('denyPermissions', () => {
  it('denies every permission request and check', () => {
    denyPermissions();
    const { setPermissionRequestHandler, setPermissionCheckHandler } =
      electron.session.defaultSession;
    const request = setPermissionRequestHandler.mock.calls[0]?.[0] as (
      wc: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    expect(check({}, 'media', 'app://workbench', {})).toBe(false);
  });
});

describe('createMainWindow', () => {
  it('creates the window sandboxed, isolated, without Node or auxclick, on app://', () => {
    const win = createMainWindow() as unknown as FakeBrowserWindow;
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(
      /preload[/\\]index\.cjs$/,
    );
    expect(win.loadURL).toHaveBeenCalledWith(APP_URL);
  });

  it('writes the hardened preferences literally, where scanners can read them', () => {
    const source = readFileSync(join(import.meta.dirname, '../../src/main/window.ts'), 'utf8');
    const literal = /webPreferences: \{([^}]*)\}/.exec(source)?.[1] ?? '';
    expect(literal).not.toContain('...');
    for (const line of [
      'sandbox: true',
      'contextIsolation: true',
      'nodeIntegration: false',
      "disableBlinkFeatures: 'Auxclick'",
    ]) {
      expect(literal).toContain(line);
    }
  });
});
