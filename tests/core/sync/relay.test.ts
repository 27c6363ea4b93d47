// The relay refuses every connection without the team key, before any sync message is read:
// no header, a wrong key, a key in another scheme. Only the team key opens it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type Relay } from '../../../src/core/sync/relay';
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
