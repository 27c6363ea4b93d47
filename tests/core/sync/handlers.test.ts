// sync.* as the window calls it, through dispatch (the door every untrusted call takes), on
// real workspaces and the real relay on 127.0.0.1: bad addresses and keys are refused with
// what is wrong, the key never comes back out, share and join connect two live
// workspaces, a rename travels, and a conflict is listed with who wrote each value and
// settled by choosing one, as one undoable step.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type Relay } from '../../../src/core/sync/relay';
import { MIN_KEY_LENGTH } from '../../../src/core/sync/team-key';
import { TEAM_KEY_MIN } from '../../../src/shared/methods/sync';
import type { Workbench } from '../../../src/core/workbench';
import { closeWorkbench, reopen, tempDir, unwrap } from '../../integration/helpers';

const KEY = 'handlers-team-key-0123456789abcdef';
let relay: Relay;
let url: string;
let root: { dir: string; cleanup: () => Promise<void> };

beforeAll(async () => {
  root = await tempDir();
  relay = await startRelay({ port: 0, dataDir: join(root.dir, 'relay'), key: KEY });
  url = `ws://127.0.0.1:${relay.port}`;
});
afterAll(async () => {
  await relay.close();
  await root.cleanup();
});

async function refusal(wb: Workbench, method: string, payload: unknown): Promise<string> {
  const answer = await wb.dispatch(method, payload);
  if (answer.ok) throw new Error(`${method} was accepted`);
  return `${answer.error.code}: ${answer.error.message}`;
}

/** Polls a condition the live link makes true soon (no timing is asserted). */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never: ${what}`);
}

describe('sync.* input checks', () => {
  it('asks for a ws:// or wss:// relay address, naming what is wrong', async () => {
    const wb = await reopen(join(root.dir, 'checks'));
    const bad: [string, RegExp][] = [
      ['http://127.0.0.1:8787', /relay address starts with http:\/\/; .*ws:\/\/ or wss:\/\//],
      ['127.0.0.1:8787', /relay address .*(not an address|ws:\/\/ or wss:\/\/)/],
      ['', /give the relay’s address/],
      [`ws://user:${KEY}@127.0.0.1:1`, /user name or password/],
    ];
    for (const [server, message] of bad) {
      const said = await refusal(wb, 'sync.share', { server, key: KEY });
      expect(said).toMatch(/^INVALID_INPUT: Invalid input for sync\.share: server: /);
      expect(said).toMatch(message);
      // An address holding the key is refused without quoting it.
      expect(said).not.toContain(KEY);
    }
  });

  it('asks for the key when it is missing, short or has spaces, never quoting it', async () => {
    const wb = await reopen(join(root.dir, 'checks'));
    expect(await refusal(wb, 'sync.share', { server: url })).toMatch(/key: give the team key/);
    const short = 'short-secret';
    const said = await refusal(wb, 'sync.share', { server: url, key: short });
    expect(said).toMatch(/key: the team key is at least 16 characters/);
    expect(said).not.toContain(short);
    expect(await refusal(wb, 'sync.join', { shareId: 'x', server: url, key: `${KEY} x` })).toMatch(
      /without spaces/,
    );
    expect(await refusal(wb, 'sync.join', { shareId: 'not/an id', server: url, key: KEY })).toMatch(
      /shareId: a share id is letters and digits/,
    );
    // The window's limit is the relay's own.
    expect(TEAM_KEY_MIN).toBe(MIN_KEY_LENGTH);
  });

  it('says plainly when the relay refuses the key, and keeps nothing of it', async () => {
    const dir = join(root.dir, 'refused');
    const wb = await reopen(dir);
    const wrong = `${KEY}-wrong`;
    const said = await refusal(wb, 'sync.share', { server: url, key: wrong });
    expect(said).toBe('FORBIDDEN: The relay refused the team key.');
    const status = unwrap(await wb.call('sync.status', {}));
    expect(status.state).toBe('unshared');
    await expect(stat(join(dir, '.sync/team.key'))).rejects.toThrow(/ENOENT/);
    await expect(stat(join(dir, '.sync/config.json'))).rejects.toThrow(/ENOENT/);
    await closeWorkbench(dir);
  });

  it('says when the relay cannot be reached', async () => {
    const wb = await reopen(join(root.dir, 'checks'));
    // Port 9 (discard) on loopback has no relay.
    expect(await refusal(wb, 'sync.share', { server: 'ws://127.0.0.1:9', key: KEY })).toMatch(
      /could not be reached; check the address/,
    );
    await closeWorkbench(join(root.dir, 'checks'));
  });
});

describe('sharing two live workspaces', () => {
  const A = (): string => join(root.dir, 'a');
  const B = (): string => join(root.dir, 'b');
  let a: Workbench;
  let b: Workbench;
  let entityId: string;

  it('shares one and joins it from the other; the key is kept for this user only', async () => {
    a = await reopen(A(), { liveSync: true });
    entityId = unwrap(await a.call('entities.create', { name: 'Ada Lovelace', type: 'person' })).id;
    unwrap(await a.call('sync.setDisplayName', { name: 'Amira' }));
    const shared = unwrap(await a.call('sync.share', { server: url, key: KEY }));
    expect(shared).toMatchObject({
      state: 'synced',
      server: url,
      waiting: 0,
      displayName: 'Amira',
    });
    expect(JSON.stringify(shared)).not.toContain(KEY);
    expect(((await stat(join(A(), '.sync/team.key'))).mode & 0o777).toString(8)).toBe('600');
    expect(await readFile(join(A(), '.sync/config.json'), 'utf8')).not.toContain(KEY);

    b = await reopen(B(), { liveSync: true });
    unwrap(await b.call('sync.setDisplayName', { name: 'Bruno' }));
    const joined = unwrap(
      await b.call('sync.join', { shareId: shared.shareId!, server: url, key: KEY }),
    );
    expect(joined.shareId).toBe(shared.shareId);
    expect(unwrap(await b.call('entities.list', {})).map((e) => e.name)).toEqual(['Ada Lovelace']);
  });

  it('refuses to join again, or into a workspace with records of its own', async () => {
    const shareId = unwrap(await a.call('sync.status', {})).shareId!;
    expect(await refusal(b, 'sync.join', { shareId, server: url, key: KEY })).toMatch(
      /^CONFLICT: This workspace is already shared/,
    );
    const c = await reopen(join(root.dir, 'c'));
    unwrap(await c.call('notes.create', { title: 'Mine' }));
    expect(await refusal(c, 'sync.join', { shareId, server: url, key: KEY })).toMatch(
      /has 0 entities and 1 notes of its own/,
    );
    await closeWorkbench(join(root.dir, 'c'));
  });

  it('carries a rename live, and lists a clash with who wrote each value', async () => {
    unwrap(await a.call('entities.update', { id: entityId, patch: { name: 'Ada King' } }));
    await until('the rename reaches B', async () =>
      unwrap(await b.call('entities.list', {})).some((e) => e.name === 'Ada King'),
    );
    // B goes offline and renames; A renames too; B comes back: one field, two values.
    await closeWorkbench(B());
    b = await reopen(B());
    unwrap(await b.call('entities.update', { id: entityId, patch: { name: 'Augusta Ada' } }));
    unwrap(await a.call('entities.update', { id: entityId, patch: { name: 'Countess Lovelace' } }));
    b = await reopen(B(), { liveSync: true });
    await until('both list the conflict', async () =>
      (
        await Promise.all([a, b].map(async (wb) => unwrap(await wb.call('sync.conflicts', {}))))
      ).every((list) => list.length === 1),
    );
    const [onA] = unwrap(await a.call('sync.conflicts', {}));
    const [onB] = unwrap(await b.call('sync.conflicts', {}));
    expect(onA).toMatchObject({ kind: 'entities', id: entityId, field: 'name' });
    const texts = onA!.values.map((v) => v.text);
    expect([...texts].sort()).toEqual(['Augusta Ada', 'Countess Lovelace']);
    expect(onB!.values.map((v) => v.text)).toEqual(texts);
    expect(onA!.values.map((v) => v.shown)).toEqual([true, false]);
    const by = Object.fromEntries(onA!.values.map((v) => [v.text, v.by]));
    expect(by).toEqual({ 'Countess Lovelace': 'Amira (you)', 'Augusta Ada': 'Bruno' });
    // The record's history names both writers of its name, by their display names.
    const history = unwrap(await a.call('sync.history', { kind: 'entities', id: entityId }));
    expect(history[0]).toMatchObject({ by: 'Amira (you)', action: 'created' });
    const renamed = history.filter((h) => h.fields.includes('name')).map((h) => h.by);
    expect(new Set(renamed)).toEqual(new Set(['Amira (you)', 'Bruno']));
    for (const method of ['sync.history', 'sync.choose'])
      expect(
        await refusal(a, method, {
          kind: 'people',
          id: entityId,
          ...(method === 'sync.choose' ? { field: 'name', index: 1, expected: 'x' } : {}),
        }),
      ).toMatch(/^INVALID_INPUT: .*the kind of record is one of codebook, entities/);
    // The winning value reaches A's own record through its command queue, a moment after
    // the clash is known.
    await until('A applies the winning value', async () => {
      const [now] = unwrap(await a.call('sync.conflicts', {}));
      return now?.label === texts[0];
    });
  });

  it('settles the clash on the value chosen, as one step that can be undone', async () => {
    const [open] = unwrap(await a.call('sync.conflicts', {}));
    const other = open!.values[1]!.text;
    // Shown a value that has since changed: refused, nothing written.
    expect(
      await refusal(a, 'sync.choose', {
        kind: 'entities',
        id: entityId,
        field: 'name',
        index: 1,
        expected: 'something else',
      }),
    ).toMatch(/^CONFLICT: That conflict has changed/);
    unwrap(
      await a.call('sync.choose', {
        kind: 'entities',
        id: entityId,
        field: 'name',
        index: 1,
        expected: other,
      }),
    );
    const named = async (wb: Workbench): Promise<string | undefined> =>
      unwrap(await wb.call('entities.list', {})).find((e) => e.id === entityId)?.name;
    expect(await named(a)).toBe(other);
    expect(unwrap(await a.call('sync.conflicts', {}))).toEqual([]);
    await until('B takes the choice', async () => (await named(b)) === other);
    expect(unwrap(await b.call('sync.conflicts', {}))).toEqual([]);
    const undone = unwrap(await a.call('history.undo', {}));
    expect(undone.done).toMatch(/^Choose “.*” for .*’s name$/);
    expect(await named(a)).toBe(open!.values[0]!.text);
    expect(unwrap(await a.call('sync.conflicts', {}))).toEqual([]);
    unwrap(await a.call('sync.now', {}));
    await closeWorkbench(A());
    await closeWorkbench(B());
  });
});
