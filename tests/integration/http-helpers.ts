// A browser host on a real, empty workspace for HTTP tests, with a signed-in session and
// plain node:http requests, so every header is exactly what the test says (no fetch
// defaults), plus raw sockets for request lines no HTTP client would send.
import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Workbench } from '../../src/core/workbench';
import { startHttpHost, type HttpHost, type HttpHostOptions } from '../../src/server/http-host';
import { openSample, tempDir } from './helpers';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface Harness {
  host: HttpHost;
  port: number;
  workbench: Workbench;
  logged: string[];
  logins: string[];
  close(): Promise<void>;
}

export async function startHarness(
  options: Partial<Omit<HttpHostOptions, 'staticDir' | 'log' | 'onLoginUrl'>> = {},
): Promise<Harness> {
  const temp = await tempDir();
  const staticDir = join(temp.dir, 'renderer');
  await mkdir(staticDir);
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>rw</title>');
  await writeFile(join(temp.dir, 'secret.txt'), 'do not serve');
  const workbench = options.workbench ?? (await openSample(join(temp.dir, 'ws')));
  const logged: string[] = [];
  const logins: string[] = [];
  const host = await startHttpHost({
    ...options,
    workbench,
    staticDir,
    log: (line) => logged.push(line),
    onLoginUrl: (url) => logins.push(url),
  });
  return {
    host,
    port: Number(new URL(host.origin).port),
    workbench,
    logged,
    logins,
    close: async () => {
      await host.close();
      await temp.cleanup();
    },
  };
}

export function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Writes bytes as they are and returns everything the server answered before closing. */
export function sendRaw(port: number, bytes: string, keepOpenMs = 0): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' ? resolve(answer) : reject(error),
    );
    socket.write(bytes);
    if (keepOpenMs === 0) socket.end();
    else setTimeout(() => socket.end(), keepOpenMs);
  });
}

/** Follows a login address and returns the `name=value` of the session cookie it set. */
export async function signIn(port: number, loginUrl: string): Promise<string> {
  const { pathname, search } = new URL(loginUrl);
  const reply = await send(port, pathname + search);
  const cookie = reply.headers['set-cookie']?.[0];
  if (reply.status !== 303 || !cookie) throw new Error(`sign-in refused: ${reply.status}`);
  return cookie.split(';')[0]!;
}

export function apiHeaders(harness: Harness, cookie: string): Record<string, string> {
  return { Cookie: cookie, Origin: harness.host.origin, 'Content-Type': 'application/json' };
}
