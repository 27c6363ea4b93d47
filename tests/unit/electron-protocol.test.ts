// The app:// protocol against a mocked `electron`: registered privileged and standard
// before the app is ready, serving files from the renderer folder and refusing every
// path that would leave it, however it is encoded.
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, registered } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electron);

const { registerAppScheme, resolveRendererPath, serveRenderer } =
  await import('../../src/main/protocol');

const ROOT = join('/opt', 'rw', 'out', 'renderer');

beforeEach(() => vi.clearAllMocks());

describe('the app:// scheme', () => {
  it('is registered standard and secure, with fetch', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          supportFetchAPI: true,
        }) as unknown,
      },
    ]);
  });

  it.each([
    ['app://workbench/', 'index.html'],
    ['app://workbench/index.html', 'index.html'],
    ['app://workbench/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://workbench/assets/a%20b.css?v=1', 'assets/a b.css'],
  ])('serves %s from the renderer folder', (url, file) => {
    expect(resolveRendererPath(ROOT, url)).toBe(join(ROOT, file));
  });

  it.each([
    'app://workbench/../secret.txt',
    'app://workbench/%2e%2e/secret.txt',
    'app://workbench/..%2fsecret.txt',
    'app://workbench/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt',
  ])('keeps %s inside the renderer folder', (url) => {
    const file = resolveRendererPath(ROOT, url);
    expect(file === null || file.startsWith(ROOT + sep)).toBe(true);
  });

  it.each([
    'app://workbench/..%5csecret.txt',
    'app://workbench/index.html%00.png',
    'app://workbench/%E0%A4%A',
    'app://evil/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveRendererPath(ROOT, url)).toBeNull();
  });

  it('answers a refused path 404 without touching the disk', async () => {
    serveRenderer(ROOT);
    const handle = registered<(request: Request) => Promise<Response> | Response>(
      electron.protocol.handle,
      'app',
    );
    const refused = await handle(new Request('app://workbench/..%5c..%5csecret.txt'));
    expect(refused.status).toBe(404);
    expect(electron.net.fetch).not.toHaveBeenCalled();
    await handle(new Request('app://workbench/index.html'));
    expect(electron.net.fetch).toHaveBeenCalledWith(
      pathToFileURL(join(ROOT, 'index.html')).toString(),
    );
  });
});
