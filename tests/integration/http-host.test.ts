// The browser host over real HTTP: a one-time login code becomes a session cookie; every
// API call needs that session, this exact host and origin, and JSON; bad requests get
// clear errors; files outside the renderer are never served; changes stream as SSE.
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiHeaders, send, signIn, startHarness, type Harness, type Reply } from './http-helpers';

let harness: Harness;
let cookie: string;

beforeEach(async () => {
  harness = await startHarness();
  cookie = await signIn(harness.port, harness.host.loginUrl());
});
afterEach(() => harness.close());

const good = (): Record<string, string> => apiHeaders(harness, cookie);
const call = (method: string, body: string, headers = good()): Promise<Reply> =>
  send(harness.port, `/api/${method}`, { method: 'POST', headers, body });

describe('signing in', () => {
  it('turns a one-time code into an HttpOnly, SameSite=Strict session cookie', async () => {
    const url = harness.host.loginUrl();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/login\?code=[A-Za-z0-9_-]{32}$/);
    const { search } = new URL(url);
    const reply = await send(harness.port, `/login${search}`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    const setCookie = reply.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).not.toMatch(/Expires|Max-Age/i);
    // The session is a new secret, not the code that was printed and put in a history.
    expect(setCookie).not.toContain(new URLSearchParams(search).get('code'));
  });

  it('accepts a code once only', async () => {
    const url = harness.host.loginUrl();
    await signIn(harness.port, url);
    const { pathname, search } = new URL(url);
    const again = await send(harness.port, pathname + search);
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    // The user is told where to look, and the terminal gets a fresh address.
    expect(harness.logins).toHaveLength(1);
    expect(await signIn(harness.port, harness.logins[0]!)).toMatch(/^rw-session-\d+=/);
  });

  it('refuses a code that has expired, a wrong one, and an older one replaced by a newer', async () => {
    await harness.close();
    harness = await startHarness({ loginCodeTtlMs: 100 });
    const stale = new URL(harness.host.loginUrl());
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await send(harness.port, stale.pathname + stale.search)).status).toBe(403);
    const older = new URL(harness.host.loginUrl());
    const newer = new URL(harness.host.loginUrl());
    expect((await send(harness.port, older.pathname + older.search)).status).toBe(403);
    expect((await send(harness.port, `/login?code=${'A'.repeat(32)}`)).status).toBe(403);
    expect((await send(harness.port, '/login')).status).toBe(403);
    expect((await send(harness.port, newer.pathname + newer.search)).status).toBe(303);
  });

  it('mints no second live code however often a spent one is tried', async () => {
    for (let i = 0; i < 5; i++) await send(harness.port, `/login?code=${'B'.repeat(32)}`);
    expect(harness.logins).toHaveLength(1);
  });
});

describe('the browser host', () => {
  it('answers a valid call with an envelope', async () => {
    const reply = await call('documents.list', '{}');
    expect(reply.status).toBe(200);
    const envelope = JSON.parse(reply.body) as { ok: boolean; value: unknown[] };
    expect(envelope.ok).toBe(true);
    expect(envelope.value).toHaveLength(1);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
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
    expect((await send(harness.port, '/api/documents.list')).status).toBe(405);
  });

  it('serves the renderer with a strict CSP and nothing outside it', async () => {
    const index = await send(harness.port, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'none'");
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00']) {
      const reply = await send(harness.port, path);
      expect(reply.status, path).not.toBe(200);
      expect(reply.body).not.toContain('do not serve');
    }
  });

  it('streams change events to a signed-in client', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: harness.port,
          path: '/api/events',
          headers: { Host: `127.0.0.1:${harness.port}`, Cookie: cookie },
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
    // The event carries the record itself, so the window applies it without asking again.
    expect(await received).toContain('"name":"Evin prison"');
  });
});
