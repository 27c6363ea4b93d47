// The browser host: serves the built renderer and the same API as the Electron host,
// POST /api/<method> with JSON envelopes and GET /api/events as server-sent events, on
// 127.0.0.1 only. Used where no Electron runtime exists, and by the end-to-end tests.
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { normalize } from 'node:path';
import type { Envelope, ErrorCode } from '../shared/api';
import {
  BACKUP_ARCHIVE_ROUTE,
  BackupArchiveInput,
  MAX_ARCHIVE_UPLOAD_BYTES,
  RESTORE_ARCHIVE_ROUTE,
} from '../shared/backup-archive';
import type { Workbench } from '../core/index';
import { archiveDownloads } from './backup-download';
import { bodyDeadline } from './body-deadline';
import { restoreUpload } from './restore-upload';
import { parseTarget } from './request-target';
import { internalError, invalid, refuse, send, sendEnvelope } from './responses';
import {
  hostAllowed,
  isJson,
  oneHost,
  originAllowed,
  SECURITY_HEADERS,
  sessionCookie,
  sessionValid,
  type Gate,
} from './security';
import { createSessions, LOGIN_CODE_TTL_MS } from './sessions';
import { serveStatic } from './static-files';
import { readUpload, UPLOAD_PATH } from './upload';

const MAX_BODY_BYTES = 1024 * 1024;
/** JSON calls that carry whole files (base64, or an annotations file as a string). */
const LARGE_BODIES: Record<string, number> = {
  '/api/documents.import': 32 * 1024 * 1024,
  '/api/documents.paste': 16 * 1024 * 1024,
  // An annotations file travels as a JSON string: its escapes may make it larger.
  '/api/annotations.importPreview': 48 * 1024 * 1024,
  '/api/annotations.import': 48 * 1024 * 1024,
  // A bibliography travels as a JSON string of up to 20 MB.
  '/api/documents.importReferences': 48 * 1024 * 1024,
};

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  READ_ONLY: 409,
  IN_USE: 409,
  CONFLICT: 409,
  WRITE_FAILED: 503,
  INTERNAL: 500,
};

export interface HttpHost {
  origin: string;
  /** A new one-time login address (the previous unused one stops working). */
  loginUrl(): string;
  /**
   * Ends every open event stream: after a switch of workspace each page reconnects, to
   * the new workspace's events, and reads everything again.
   */
  endEventStreams(): void;
  close(): Promise<void>;
}

export interface HttpHostOptions {
  workbench: Workbench;
  /** The open workbench, when the host can switch workspaces (`workbench` is the first). */
  current?: () => Workbench;
  staticDir: string;
  port?: number;
  /** Told each login address issued after a spent or expired one was tried. */
  onLoginUrl?: (url: string) => void;
  /** Where internal errors are written (the terminal by default). */
  log?: (line: string) => void;
  loginCodeTtlMs?: number;
  /**
   * A request whose headers have not all arrived by then (or 10 s, if sooner), or whose
   * body has not all arrived this long after them, is answered 408; the restore upload
   * excepted, which is cut when its bytes stop coming (`archiveIdleTimeoutMs`).
   */
  requestTimeoutMs?: number;
  /** A backup archive upload that receives no bytes for this long is cut (default 60 s). */
  archiveIdleTimeoutMs?: number;
  /** The largest upload (MAX_IMPORT_BYTES by default; tests set less). */
  maxUploadBytes?: number;
  /** The largest backup archive a page may send to restore (default 4 GiB). */
  maxArchiveBytes?: number;
}

type Body = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'aborted' };

async function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  // An oversized body is read to its end and dropped, so the client gets the 413
  // instead of a reset connection.
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    }
  } catch {
    return { ok: false, reason: 'aborted' };
  }
  if (size > limit) return { ok: false, reason: 'too-large' };
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}

/** Malformed requests that never reach a handler: a bare status line, nothing internal. */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return void socket.destroy();
  const status =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 431
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 408
        : 400;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
  );
}

export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const current = options.current ?? (() => options.workbench);
  const streams = new Set<ServerResponse>();
  const log = options.log ?? ((line: string) => console.error(line));
  const staticDir = normalize(options.staticDir);
  const gate: Gate = {
    port: 0,
    sessions: createSessions(options.loginCodeTtlMs ?? LOGIN_CODE_TTL_MS),
  };
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const archives = archiveDownloads(current);

  const server = createServer(
    {
      maxHeaderSize: 8 * 1024,
      // Node's deadline covers a whole request and cannot spare one route: the bodies'
      // deadlines are set per request in handle() (body-deadline.ts), the headers' here.
      requestTimeout: 0,
      headersTimeout: Math.min(requestTimeout, 10_000),
      connectionsCheckingInterval: Math.min(requestTimeout / 4, 5_000),
    },
    (req, res) => {
      void handle(req, res).catch((error: unknown) => {
        const envelope = internalError(error, log);
        if (!res.headersSent) sendEnvelope(res, 500, envelope);
      });
    },
  );
  server.on('clientError', answerClientError);
  // Chromium keeps a used idle connection for five minutes and, when a reused connection
  // closes before any answer, sends the request again: a POST that met Node's default
  // five-second keep-alive close could then run twice. Outlive the browser's idle time.
  server.keepAliveTimeout = 310_000;

  function login(res: ServerResponse, code: string): void {
    const session = gate.sessions.redeem(code);
    if (session) {
      return send(res, 303, 'Signed in.', undefined, {
        Location: '/',
        'Set-Cookie': sessionCookie(gate.port, session),
      });
    }
    // A spent or stale link was followed: print a fresh one, but never keep more than one
    // alive, so a page that keeps hitting this route cannot mint codes.
    if (!gate.sessions.hasLiveCode()) options.onLoginUrl?.(loginUrl());
    send(
      res,
      403,
      'This login link was already used or has expired. The terminal where Research Workbench runs shows a new one.',
    );
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const deadline = bodyDeadline(req, res, requestTimeout);
    const target = parseTarget(req.url);
    if (!target) return send(res, 400, 'Bad request target');
    if (!oneHost(req)) return send(res, 400, 'A request names exactly one Host');
    if (!hostAllowed(req, gate)) return send(res, 421, 'Unknown host');
    const { pathname } = target;
    if (pathname === '/login' && req.method === 'GET') {
      return login(res, target.searchParams.get('code') ?? '');
    }
    if (!pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(res, 405, 'Method not allowed');
      return serveStatic(res, staticDir, pathname);
    }
    if (pathname === '/api/events' && req.method === 'GET') {
      if (!originAllowed(req, gate, false))
        return refuse(res, 403, 'Cross-origin request refused.');
      if (!sessionValid(req, gate)) return refuse(res, 401, 'Not signed in.');
      return streamEvents(req, res);
    }
    if (pathname.startsWith(`${BACKUP_ARCHIVE_ROUTE}/`) && req.method === 'GET') {
      // A download the page starts by following a link: the same checks as the events.
      if (!originAllowed(req, gate, false))
        return refuse(res, 403, 'Cross-origin request refused.');
      if (!sessionValid(req, gate)) return refuse(res, 401, 'Not signed in.');
      const ticket = pathname.slice(BACKUP_ARCHIVE_ROUTE.length + 1);
      if (await archives.download(res, ticket)) return;
      return send(
        res,
        404,
        'This download address was already used or has expired: export the backup with originals again.',
      );
    }
    if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
    if (!originAllowed(req, gate, true)) return refuse(res, 403, 'Cross-origin request refused.');
    if (!sessionValid(req, gate)) return refuse(res, 401, 'Not signed in.');
    if (pathname === UPLOAD_PATH) {
      const upload = await readUpload(req, res, target.searchParams, options.maxUploadBytes);
      if (!upload.ok || deadline.expired()) return;
      return answer(res, await current().dispatch('documents.importBytes', upload.payload));
    }
    if (pathname === RESTORE_ARCHIVE_ROUTE) {
      const limit = options.maxArchiveBytes ?? MAX_ARCHIVE_UPLOAD_BYTES;
      // Signed in: an archive over a slow link may take hours, cut only if it stalls.
      deadline.cancel();
      const idleMs = options.archiveIdleTimeoutMs ?? 60_000;
      const restored = await restoreUpload(req, res, target.searchParams, current, limit, idleMs);
      return restored ? answer(res, restored) : undefined;
    }
    if (!isJson(req)) {
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
    if (deadline.expired()) return;
    if (!body.ok) {
      if (body.reason === 'aborted') return;
      return invalid(res, 413, `The request is larger than ${limit / 1048576} MiB.`);
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body.text || '{}');
    } catch {
      return invalid(res, 400, 'The request body is not valid JSON.');
    }
    if (pathname === BACKUP_ARCHIVE_ROUTE) {
      if (!BackupArchiveInput.safeParse(payload).success)
        return invalid(res, 400, 'Saving the backup with originals takes no input.');
      return answer(res, await archives.prepare());
    }
    // Method names are plain ASCII: a name that needs decoding is simply unknown.
    answer(res, await current().dispatch(pathname.slice('/api/'.length), payload));
  }

  function answer(res: ServerResponse, envelope: Envelope<unknown>): void {
    if (envelope.ok) return sendEnvelope(res, 200, envelope);
    if (envelope.error.code === 'INTERNAL') {
      return sendEnvelope(res, 500, internalError(envelope.error.message, log));
    }
    sendEnvelope(res, STATUS_BY_CODE[envelope.error.code], envelope);
  }

  function streamEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = current().subscribe((event) =>
      res.write(`data: ${JSON.stringify(event)}\n\n`),
    );
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    req.on('close', () => {
      streams.delete(res);
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
  const loginUrl = (): string => `${origin}/login?code=${gate.sessions.issueCode()}`;
  return {
    origin,
    loginUrl,
    endEventStreams: () => {
      for (const res of streams) res.end();
    },
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await archives.close();
    },
  };
}
