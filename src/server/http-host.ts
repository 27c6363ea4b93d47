// The browser host: serves the built renderer and the same API as the Electron host,
// POST /api/<method> with JSON envelopes and GET /api/events as server-sent events, on
// 127.0.0.1 only. Used where no Electron runtime exists, and by the end-to-end tests.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Envelope, ErrorCode } from '../shared/api';
import type { Workbench } from '../core/workbench';
import { hostAllowed, originAllowed, SECURITY_HEADERS, tokenValid, type Gate } from './security';

const MAX_BODY_BYTES = 1024 * 1024;
/** Imports carry whole files (base64): they may be larger than other calls. */
const LARGE_BODIES: Record<string, number> = {
  '/api/documents.import': 32 * 1024 * 1024,
  '/api/documents.paste': 16 * 1024 * 1024,
};
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  READ_ONLY: 409,
  IN_USE: 409,
  CONFLICT: 409,
  INTERNAL: 500,
};

export interface HttpHost {
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function sendEnvelope(res: ServerResponse, status: number, envelope: Envelope<unknown>): void {
  send(res, status, JSON.stringify(envelope), 'application/json; charset=utf-8');
}

const refuse = (res: ServerResponse, status: number, message: string): void =>
  sendEnvelope(res, status, { ok: false, error: { code: 'FORBIDDEN', message } });

async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  // An oversized body is read to its end and dropped, so the client gets the 413
  // instead of a reset connection.
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? null : Buffer.concat(chunks).toString('utf8');
}

async function serveStatic(res: ServerResponse, root: string, pathname: string): Promise<void> {
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname));
  } catch {
    return send(res, 400, 'Bad path');
  }
  const file = join(root, relative);
  if (!file.startsWith(root + sep) || relative.includes('\0')) return send(res, 404, 'Not found');
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': extname(file) === '.html' ? 'no-store' : 'max-age=3600',
    });
    res.end(body);
  } catch {
    send(res, 404, 'Not found');
  }
}

export async function startHttpHost(options: {
  workbench: Workbench;
  staticDir: string;
  port?: number;
}): Promise<HttpHost> {
  const { workbench } = options;
  const staticDir = normalize(options.staticDir);
  const gate: Gate = { token: randomBytes(24).toString('base64url'), port: 0 };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, `Internal error: ${String(error)}`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, gate)) return send(res, 421, 'Unknown host');
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (!pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(res, 405, 'Method not allowed');
      return serveStatic(res, staticDir, pathname);
    }
    if (pathname === '/api/events' && req.method === 'GET') {
      if (!originAllowed(req, gate, false))
        return refuse(res, 403, 'Cross-origin request refused.');
      if (!tokenValid(req, gate)) return refuse(res, 401, 'Missing or wrong session token.');
      return streamEvents(req, res);
    }
    if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
    if (!originAllowed(req, gate, true)) return refuse(res, 403, 'Cross-origin request refused.');
    if (!tokenValid(req, gate)) return refuse(res, 401, 'Missing or wrong session token.');
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
      return sendEnvelope(res, 415, {
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: 'API calls must send JSON (Content-Type: application/json).',
        },
      });
    }
    const limit = LARGE_BODIES[pathname] ?? MAX_BODY_BYTES;
    const body = await readBody(req, limit);
    if (body === null) {
      return sendEnvelope(res, 413, {
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: `The request is larger than ${limit / 1048576} MiB.`,
        },
      });
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body || '{}');
    } catch {
      return sendEnvelope(res, 400, {
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' },
      });
    }
    // Method names are plain ASCII: a name that needs decoding is simply unknown.
    const envelope = await workbench.dispatch(pathname.slice('/api/'.length), payload);
    sendEnvelope(res, envelope.ok ? 200 : STATUS_BY_CODE[envelope.error.code], envelope);
  }

  function streamEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const unsubscribe = workbench.subscribe((event) =>
      res.write(`data: ${JSON.stringify(event)}\n\n`),
    );
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  gate.port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${gate.port}`;
  return {
    origin,
    url: `${origin}/#token=${gate.token}`,
    token: gate.token,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
