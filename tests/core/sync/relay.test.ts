// The relay refuses every connection without the team key, before any sync message is read:
// no header, a wrong key, a key in another scheme. Only the team key opens it. Its blob
// routes refuse what they cannot trust: a blob under another's name, a batch of names too
// long or holding a name that is not a SHA-256.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayBlobStore } from '../../../src/core/sync/blob-store';
import { startRelay, type Relay } from '../../../src/core/sync/relay';
import { MAX_MISSING_QUERY } from '../../../src/core/sync/relay-blobs';
import { sha256Hex } from '../../../src/core/originals/kept-files';
import { keyMatches, loadTeamKey } from '../../../src/core/sync/team-key';

const KEY = 'team-key-for-the-relay-tests-0123456789';
let relay: Relay;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rw-relay-'));
  relay = await startRelay({ port: 0, dataDir: join(dir, 'data'), key: KEY });
});
afterAll(async () => {
  await relay.close();
  await rm(dir, { recursive: true, force: true });
});

/** The HTTP status the relay answers the upgrade with (101: the WebSocket opened). */
function answer(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${relay.port}`, { headers });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', (error) => reject(error));
  });
}

describe('the relay', () => {
  it('listens on loopback unless told otherwise', () => {
    expect(relay.host).toBe('127.0.0.1');
  });

  it('refuses a connection without a key, with a wrong key, or with the key in another scheme', async () => {
    const before = relay.refused;
    expect(await answer({})).toBe(401);
    expect(await answer({ authorization: `Bearer ${KEY}x` })).toBe(401);
    expect(await answer({ authorization: `Bearer ${KEY.slice(0, -1)}` })).toBe(401);
    expect(await answer({ authorization: `Basic ${KEY}` })).toBe(401);
    expect(relay.refused - before).toBe(4);
  });

  it('accepts the team key', async () => {
    expect(await answer({ authorization: `Bearer ${KEY}` })).toBe(101);
  });
});

describe("the relay's blobs", () => {
  const bytes = new TextEncoder().encode('{"text":"A body.","blocks":[],"marks":[]}');
  const name = sha256Hex(bytes);
  const url = (sha: string): string => `http://127.0.0.1:${relay.port}/blobs/${sha}`;

  it('keeps a blob put with the key and gives it back, checked against its name', async () => {
    const store = new RelayBlobStore(`ws://127.0.0.1:${relay.port}`, KEY);
    expect(await store.has(name)).toBe(false);
    await store.put(name, bytes);
    expect(await store.has(name)).toBe(true);
    expect(await store.get(name)).toEqual(bytes);
    expect(await store.get('0'.repeat(64))).toBeUndefined();
  });

  it('refuses every blob request without the key', async () => {
    const before = relay.refused;
    expect((await fetch(url(name))).status).toBe(401);
    const put = await fetch(url(name), {
      method: 'PUT',
      body: bytes,
      headers: { authorization: 'Bearer wrong-key-000000000000' },
    });
    expect(put.status).toBe(401);
    expect(relay.refused - before).toBe(2);
  });

  it('refuses bytes that do not hash to the name they are put under', async () => {
    const other = sha256Hex(new TextEncoder().encode('something else'));
    const put = await fetch(url(other), {
      method: 'PUT',
      body: bytes,
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(put.status).toBe(400);
    const got = await fetch(url(other), { headers: { authorization: `Bearer ${KEY}` } });
    expect(got.status).toBe(404);
  });
});

describe("the relay's list of the blobs it lacks", () => {
  const store = (): RelayBlobStore => new RelayBlobStore(`ws://127.0.0.1:${relay.port}`, KEY);
  const sha = (i: number): string => sha256Hex(new TextEncoder().encode(`blob ${i}`));
  const ask = (body: string, key = KEY): Promise<Response> =>
    fetch(`http://127.0.0.1:${relay.port}/blobs/missing`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body,
    });

  it('names those of a batch it does not hold, asked in batches it takes', async () => {
    const held = new TextEncoder().encode('held by the relay');
    await store().put(sha256Hex(held), held);
    // More than one request's worth: the store splits them.
    const names = [
      sha256Hex(held),
      ...Array.from({ length: MAX_MISSING_QUERY + 5 }, (_, i) => sha(i)),
    ];
    expect(await store().missing(names)).toEqual(names.slice(1));
  });

  it('is believed only about the names asked, and a relay without the route is taken to hold them', async () => {
    // A relay that answers with names nobody asked about, then one from before the route.
    let answer: () => [number, string] = () => [200, JSON.stringify({ missing: [sha(1), sha(9)] })];
    const other = createServer((_req, res) => {
      const [status, body] = answer();
      res.writeHead(status).end(body);
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const { port } = other.address() as AddressInfo;
    const store = new RelayBlobStore(`ws://127.0.0.1:${port}`, KEY);
    try {
      expect(await store.missing([sha(0), sha(1)])).toEqual([sha(1)]);
      answer = () => [404, ''];
      expect(await store.missing([sha(0)])).toEqual([]);
      answer = () => [500, 'disk failed'];
      await expect(store.missing([sha(0)])).rejects.toThrow(
        'the relay could not say which blobs it lacks (500: disk failed)',
      );
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('refuses a batch of too many names, saying how many it takes', async () => {
    const names = Array.from({ length: MAX_MISSING_QUERY + 1 }, (_, i) => sha(i));
    const answer = await ask(JSON.stringify({ blobs: names }));
    expect(answer.status).toBe(400);
    expect(await answer.text()).toBe(
      `at most ${MAX_MISSING_QUERY} blobs may be asked about at once, not ${MAX_MISSING_QUERY + 1}`,
    );
  });

  it('refuses a name that is not a SHA-256, and a body that is not a list of names', async () => {
    for (const bad of ['../data', sha(1).toUpperCase(), `${sha(1)}0`, 7]) {
      const answer = await ask(JSON.stringify({ blobs: [sha(0), bad] }));
      expect(answer.status).toBe(400);
      expect(await answer.text()).toBe('blobs[1] is not a SHA-256 (64 lowercase hex digits)');
    }
    const notJson = await ask('{"blobs": [');
    expect([notJson.status, await notJson.text()]).toEqual([400, 'the body is not JSON']);
    const notList = await ask(JSON.stringify([sha(0)]));
    expect(notList.status).toBe(400);
    expect(await notList.text()).toMatch(/^the body must be/);
  });

  it('refuses a body past its size before reading it all, and any request without the key', async () => {
    const answer = await ask(JSON.stringify({ blobs: [], pad: 'x'.repeat(200_000) }));
    expect(answer.status).toBe(413);
    const before = relay.refused;
    expect((await ask(JSON.stringify({ blobs: [sha(0)] }), `${KEY}x`)).status).toBe(401);
    expect(relay.refused - before).toBe(1);
  });
});

describe('the team key', () => {
  it('matches only itself, and an absent key never', () => {
    expect(keyMatches(KEY, KEY)).toBe(true);
    expect(keyMatches(`${KEY} `, KEY)).toBe(false);
    expect(keyMatches('', KEY)).toBe(false);
    expect(keyMatches(undefined, KEY)).toBe(false);
  });

  it('comes from a key file or RW_SYNC_TOKEN; a missing or short one is refused without quoting it', async () => {
    const file = join(dir, 'key');
    await writeFile(file, `${KEY}\nsecond line ignored\n`);
    expect(await loadTeamKey(file, {})).toBe(KEY);
    expect(await loadTeamKey(undefined, { RW_SYNC_TOKEN: KEY })).toBe(KEY);
    await expect(loadTeamKey(undefined, {})).rejects.toThrow(/RW_SYNC_TOKEN/);
    await expect(loadTeamKey(undefined, { RW_SYNC_TOKEN: 'short-secret' })).rejects.toThrow(
      /too short \(12 characters/,
    );
    await expect(loadTeamKey(undefined, { RW_SYNC_TOKEN: 'short-secret' })).rejects.not.toThrow(
      /short-secret/,
    );
    await expect(loadTeamKey(join(dir, 'missing'), {})).rejects.toThrow(
      /could not be read: ENOENT/,
    );
  });
});
