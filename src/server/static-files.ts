// Serves the built renderer and nothing else: a path that decodes to somewhere outside
// the renderer folder, or holds a NUL, is simply not found.
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { send } from './responses';
import { SECURITY_HEADERS } from './security';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker, a file of its own in the build (lib/pdf-pages.ts).
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export async function serveStatic(
  res: ServerResponse,
  root: string,
  pathname: string,
): Promise<void> {
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname));
  } catch {
    return send(res, 400, 'Bad path');
  }
  const file = join(root, relative);
  if (!file.startsWith(root + sep) || relative.includes('\0')) return send(res, 404, 'Not found');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return send(res, 404, 'Not found');
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': extname(file) === '.html' ? 'no-store' : 'max-age=3600',
  });
  res.end(body);
}
