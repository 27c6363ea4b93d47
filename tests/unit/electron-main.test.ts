// The Electron entry point's wiring, against a mocked `electron` whose app never becomes
// ready: the sandbox is on for every renderer, app:// is registered before start-up,
// and every web contents the app ever creates gets the navigation and window guards.
import { describe, expect, it, vi } from 'vitest';
import { electron, FakeWebContents } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electron);

await import('../../src/main/index');

describe('the Electron entry point', () => {
  it('turns the sandbox on and registers app:// before the app is ready', () => {
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
  });

  it('guards every web contents it creates', () => {
    const created = electron.appListeners.get('web-contents-created');
    const contents = new FakeWebContents();
    created?.({}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org' })).toEqual({
      action: 'deny',
    });
    expect(contents.emitPreventable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emitPreventable('will-attach-webview', {}, {})).toBe(true);
  });
});
