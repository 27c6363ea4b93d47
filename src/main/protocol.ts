// The app:// protocol that serves the built renderer (Electron checklist item 18: no
// file://, whose pages may read any file the user can). It is registered privileged,
// standard and secure before the app is ready, so pages get a real origin, fetch and a
// secure context; a request is answered only for a file inside the renderer folder.
import { normalize, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Must run before `app.whenReady()`: Electron reads scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}

/**
 * The file a request asks for, or null: another host, a path that decodes outside the
 * root (`..`, encoded slashes or backslashes), or a NUL byte.
 */
export function resolveRendererPath(root: string, requestUrl: string): string | null {
  let url: URL;
  let decoded: string;
  try {
    url = new URL(requestUrl);
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = normalize(root);
  const file = join(base, normalize(decoded === '/' ? '/index.html' : decoded));
  return file.startsWith(base + sep) ? file : null;
}

export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = resolveRendererPath(root, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}
