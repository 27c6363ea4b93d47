// The browser host over real HTTP: every API call needs this run's token, this exact
// host and origin, and JSON; bad requests get clear errors; files outside the renderer
// are never served; changes stream as server-sent events.
import { request } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpHost, type HttpHost } from '../../src/server/http-host';
import { openSample, tempDir } from './helpers';

let host: HttpHost;
let cleanup: () => Promise<void>;
let port: number;

beforeEach(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  const staticDir = join(temp.dir, 'renderer');
  await mkdir(staticDir);
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>rw</title>');
  await writeFile(join(temp.dir, 'secret.txt'), 'do not serve');
  const workbench = await openSample(join(temp.dir, 'ws'));
  host = await startHttpHost({ workbench, staticDir });
  port = Number(new URL(host.origin).port);
});
afterEach(async () => {
  await host.close();
  await cleanup();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
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

const good = (): Record<string, string> => ({
  Authorization: `Bearer ${host.token}`,
  Origin: host.origin,
  'Content-Type': 'application/json',
});
const call = (method: string, body: string, headers = good()): Promise<Reply> =>
  send(`/api/${method}`, { method: 'POST', headers, body });

describe('the browser host', () => {
  it('answers a valid call with an envelope', async () => {
    const reply = await call('documents.list', '{}');
    expect(reply.status).toBe(200);
    const envelope = JSON.parse(reply.body) as { ok: boolean; value: unknown[] };
    expect(envelope.ok).toBe(true);
    expect(envelope.value).toHaveLength(1);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('uses a token of at least 128 bits', () => {
    expect(Buffer.from(host.token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  const bad: [string, () => Record<string, string>, number][] = [
    ['no token', () => ({ ...good(), Authorization: '' }), 401],
    ['a wrong token', () => ({ ...good(), Authorization: 'Bearer wrong-token' }), 401],
    ['a foreign origin', () => ({ ...good(), Origin: 'http://evil.example' }), 403],
    [
      'no origin',
      () => ({ Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' }),
      403,
    ],
    [
      'a form post',
      () => ({ ...good(), 'Content-Type': 'application/x-www-form-urlencoded' }),
      415,
    ],
    ['a rebound host name', () => ({ ...good(), Host: 'evil.example' }), 421],
  ];
  it.each(bad)('refuses a call with %s', async (_label, headers, status) => {
    const reply = await call('entities.create', '{"name":"X","type":"person"}', headers());
    expect(reply.status).toBe(status);
    const list = JSON.parse((await call('entities.list', '{}')).body) as { value: unknown[] };
    expect(list.value).toEqual([]);
  });

  it('says what is wrong with malformed, oversized, invalid and unknown requests', async () => {
    const malformed = await call('entities.create', '{"name":');
    expect([malformed.status, malformed.body]).toEqual([
      400,
      expect.stringContaining('not valid JSON') as unknown,
    ]);
    const large = await call(
      'entities.create',
      JSON.stringify({ name: 'x'.repeat(2_000_000), type: 'person' }),
    );
    expect(large.status).toBe(413);
    const invalid = await call('annotations.create', '{"documentId":"nope","start":"a","end":2}');
    expect(invalid.status).toBe(400);
    expect(invalid.body).toContain('start');
    const unknown = await call('fs.readFile', '{}');
    expect(unknown.status).toBe(404);
    expect((await call('%E0%A4%A', '{}')).status).toBe(404);
    expect((await send('/api/documents.list')).status).toBe(405);
  });

  it('serves the renderer with a strict CSP and nothing outside it', async () => {
    const index = await send('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'none'");
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00']) {
      const reply = await send(path);
      expect(reply.status, path).not.toBe(200);
      expect(reply.body).not.toContain('do not serve');
    }
  });

  it('streams change events to a client with the token, and refuses one without', async () => {
    expect((await send('/api/events')).status).toBe(401);
    const received = new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/events',
          headers: { Host: `127.0.0.1:${port}`, Authorization: `Bearer ${host.token}` },
        },
        (res) => {
          res.on('data', (chunk: Buffer) => {
            const text = chunk.toString();
            if (text.includes('data: ')) {
              resolve(text);
              req.destroy();
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await call('entities.create', '{"name":"Evin prison","type":"place"}');
    expect(await received).toContain('"topic":"entities"');
  });
});
