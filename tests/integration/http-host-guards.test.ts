// Each guard of the browser host, pinned by a request that only that guard stops: a
// session cookie of the right length but wrong value, an Origin on another port, an
// event stream asked for by a foreign page, a text/plain body that mentions JSON, a
// prototype method name, and request lines or headers no browser sends. Each case was
// checked by removing its guard and watching it fail.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import {
  apiHeaders,
  send,
  sendRaw,
  signIn,
  startHarness,
  type Harness,
  type Reply,
} from './http-helpers';

let harness: Harness;
let cookie: string;

beforeEach(async () => {
  harness = await startHarness({ requestTimeoutMs: 600 });
  cookie = await signIn(harness.port, harness.host.loginUrl());
});
afterEach(() => harness.close());

const call = (method: string, body: string, headers: Record<string, string>): Promise<Reply> =>
  send(harness.port, `/api/${method}`, { method: 'POST', headers, body });

async function entityCount(): Promise<number> {
  const reply = await call('entities.list', '{}', apiHeaders(harness, cookie));
  return (JSON.parse(reply.body) as { value: unknown[] }).value.length;
}

/** Same name, same length, same alphabet: only the value differs. */
function forged(real: string): string {
  const [name, value] = real.split('=') as [string, string];
  const flipped = value.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
  return `${name}=${flipped}`;
}

describe('the gate refuses', () => {
  const cases: [string, () => Record<string, string>, number][] = [
    ['no session', () => ({ ...apiHeaders(harness, cookie), Cookie: '' }), 401],
    ['a forged session of the right length', () => apiHeaders(harness, forged(cookie)), 401],
    [
      'a session under another port’s cookie name',
      () => apiHeaders(harness, cookie.replace(/^rw-session-\d+/, 'rw-session-1')),
      401,
    ],
    [
      'two forged session cookies',
      () => apiHeaders(harness, `${forged(cookie)}; ${forged(cookie)}`),
      401,
    ],
    [
      'a foreign origin',
      () => ({ ...apiHeaders(harness, cookie), Origin: 'http://evil.example' }),
      403,
    ],
    [
      'this host on another port',
      () => ({ ...apiHeaders(harness, cookie), Origin: `http://127.0.0.1:${harness.port + 1}` }),
      403,
    ],
    [
      'an https origin',
      () => ({ ...apiHeaders(harness, cookie), Origin: `https://127.0.0.1:${harness.port}` }),
      403,
    ],
    ['no origin', () => ({ Cookie: cookie, 'Content-Type': 'application/json' }), 403],
    [
      'a form post',
      () => ({
        ...apiHeaders(harness, cookie),
        'Content-Type': 'application/x-www-form-urlencoded',
      }),
      415,
    ],
    [
      'text/plain that mentions JSON in a parameter',
      () => ({ ...apiHeaders(harness, cookie), 'Content-Type': 'text/plain; x=application/json' }),
      415,
    ],
    [
      'a JSON-like media type',
      () => ({ ...apiHeaders(harness, cookie), 'Content-Type': 'application/json-patch+json' }),
      415,
    ],
    ['a rebound host name', () => ({ ...apiHeaders(harness, cookie), Host: 'evil.example' }), 421],
    [
      'this host name on another port',
      () => ({ ...apiHeaders(harness, cookie), Host: `127.0.0.1:${harness.port + 1}` }),
      421,
    ],
  ];
  it.each(cases)('a call with %s, and changes nothing', async (_label, headers, status) => {
    const reply = await call('entities.create', '{"name":"X","type":"person"}', headers());
    expect(reply.status).toBe(status);
    expect(await entityCount()).toBe(0);
  });

  it('an event stream for a foreign page, even with a session', async () => {
    const headers = { Cookie: cookie, Origin: 'http://evil.example' };
    expect((await send(harness.port, '/api/events', { headers })).status).toBe(403);
    const otherPort = { Cookie: cookie, Origin: `http://127.0.0.1:${harness.port + 1}` };
    expect((await send(harness.port, '/api/events', { headers: otherPort })).status).toBe(403);
    expect((await send(harness.port, '/api/events')).status).toBe(401);
    const forgedStream = { Cookie: forged(cookie) };
    expect((await send(harness.port, '/api/events', { headers: forgedStream })).status).toBe(401);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])(
    'the prototype method name %s as an unknown method',
    async (name) => {
      const reply = await call(name, '{}', apiHeaders(harness, cookie));
      expect(reply.status).toBe(404);
      expect(reply.body).toContain('UNKNOWN_METHOD');
    },
  );
});

describe('cookie tossing', () => {
  // A page on another port of 127.0.0.1 may set a second rw-session-<port> cookie: the
  // real session beside it still signs the request in, before or after it.
  it.each([
    ['after', (c: string) => `${forged(c)}; ${c}`],
    ['before', (c: string) => `${c}; ${forged(c)}; ${forged(c)}`],
  ])('accepts the real session %s tossed ones', async (_where, cookies) => {
    const reply = await call(
      'entities.create',
      '{"name":"X","type":"person"}',
      apiHeaders(harness, cookies(cookie)),
    );
    expect(reply.status).toBe(200);
    expect(await entityCount()).toBe(1);
  });
});

describe('requests no browser sends', () => {
  it.each([
    ['this host twice', (port: number) => [`127.0.0.1:${port}`, `127.0.0.1:${port}`]],
    ['this host and another', (port: number) => [`127.0.0.1:${port}`, 'evil.example']],
    ['another host first', (port: number) => ['evil.example', `127.0.0.1:${port}`]],
  ])('answers two Host headers (%s) 400, and changes nothing', async (_label, hosts) => {
    const body = '{"name":"Twice","type":"person"}';
    const answer = await sendRaw(
      harness.port,
      `POST /api/entities.create HTTP/1.1\r\n` +
        hosts(harness.port)
          .map((h) => `Host: ${h}\r\n`)
          .join('') +
        `Origin: ${harness.host.origin}\r\nCookie: ${cookie}\r\nConnection: close\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(await entityCount()).toBe(0);
  });

  const noInternals = (answer: string): void => {
    expect(answer).not.toMatch(/TypeError|Invalid URL|at .*\.(ts|js):\d+|Internal/);
  };

  it('answers an absolute-form request line 400', async () => {
    const answer = await sendRaw(
      harness.port,
      `GET http://127.0.0.1:${harness.port}/ HTTP/1.1\r\nHost: 127.0.0.1:${harness.port}\r\nConnection: close\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    noInternals(answer);
  });

  it.each(['*', '//evil.example/api/documents.list', 'example.com:443', '/a b', '/%'])(
    'answers the request target %s with a 4xx and no internals',
    async (target) => {
      const answer = await sendRaw(
        harness.port,
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${harness.port}\r\nConnection: close\r\n\r\n`,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 4\d\d /);
      noInternals(answer);
    },
  );

  it('answers oversized headers 431', async () => {
    const answer = await sendRaw(
      harness.port,
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${harness.port}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
  });

  it('answers a body that never finishes 408, and stores nothing', async () => {
    const body = '{"name":"Slow","type":"person"}';
    const head =
      `POST /api/entities.create HTTP/1.1\r\nHost: 127.0.0.1:${harness.port}\r\n` +
      `Origin: ${harness.host.origin}\r\nCookie: ${cookie}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const answer = await sendRaw(harness.port, head + body.slice(0, 10), 3000);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(await entityCount()).toBe(0);
  });
});

describe('a W3C entity address with a malformed %-escape', () => {
  it.each(['annotations.importPreview', 'annotations.import'])(
    'is answered by %s with a 400 naming the field, not a 500',
    async (method) => {
      const file = {
        type: 'Annotation',
        motivation: 'tagging',
        body: { type: 'SpecificResource', source: 'https://example.org/people/Ejei%E0%A4%' },
        target: {
          source: 'https://example.org/a',
          selector: { type: 'TextQuoteSelector', exact: 'x' },
        },
      };
      const reply = await call(
        method,
        JSON.stringify({ json: JSON.stringify(file) }),
        apiHeaders(harness, cookie),
      );
      expect(reply.status).toBe(400);
      expect(reply.body).toContain('body.source: the address');
      expect(reply.body).toContain('malformed %-escape');
      expect(harness.logged).toEqual([]);
    },
  );
});

describe('internal errors', () => {
  it('are logged locally and answered with a generic message and an id', async () => {
    const failing = {
      dispatch: () => Promise.reject(new Error('ENOENT: /home/user/secret/path')),
      subscribe: () => () => undefined,
    } as unknown as Workbench;
    await harness.close();
    harness = await startHarness({ workbench: failing });
    const session = await signIn(harness.port, harness.host.loginUrl());
    const reply = await call('documents.list', '{}', apiHeaders(harness, session));
    expect(reply.status).toBe(500);
    expect(reply.body).not.toContain('secret/path');
    const id = /error ([0-9a-f-]{36})/.exec(reply.body)?.[1];
    expect(id).toBeDefined();
    expect(harness.logged.join('\n')).toContain(id);
    expect(harness.logged.join('\n')).toContain('secret/path');
  });

  it('reported by the core lose their text on the way out', async () => {
    const failing = {
      dispatch: () =>
        Promise.resolve({
          ok: false,
          error: { code: 'INTERNAL', message: 'documents.get failed: EACCES /srv/x' },
        }),
      subscribe: () => () => undefined,
    } as unknown as Workbench;
    await harness.close();
    harness = await startHarness({ workbench: failing });
    const session = await signIn(harness.port, harness.host.loginUrl());
    const reply = await call('documents.get', '{"id":"a"}', apiHeaders(harness, session));
    expect(reply.status).toBe(500);
    expect(reply.body).not.toContain('EACCES');
    expect(harness.logged.join('\n')).toContain('EACCES /srv/x');
  });
});
