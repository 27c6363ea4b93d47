// A relay restarted with its whole store gone (a new disk, a container without its volume):
// not only its blobs but its copy of every team document. The members still hold theirs:
// the first to connect gives the relay the document again, whole, and its blobs; changes
// made while the relay was away arrive at the others; nothing a member holds reads as
// removed; and someone joining afterwards gets every record and every text.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startRelay, type Relay } from '../../src/core/sync/relay';
import { newShareId, SyncSession } from '../../src/core/sync/sync-session';
import type { Workbench } from '../../src/core/workbench';
import { closeWorkbench, openSample, reopen, tempDir, unwrap } from './helpers';

const KEY = 'integration-team-key-0123456789abcdef';
let root: { dir: string; cleanup: () => Promise<void> };
let relay: Relay | undefined;
beforeEach(async () => (root = await tempDir()));
afterEach(async () => {
  await relay?.close();
  await root.cleanup();
});

const names = async (wb: Workbench): Promise<string[]> =>
  unwrap(await wb.call('entities.list', {}))
    .map((e) => e.name)
    .sort();

/** One round of a session opened on `wb`, closed after. */
async function round(wb: Workbench, dir: string, share: Parameters<typeof SyncSession.open>[2]) {
  const session = await SyncSession.open(wb.core, dir, share);
  try {
    return await session.round();
  } finally {
    await session.close();
  }
}

it('is given the whole document and its blobs again by the members, and loses nothing', async () => {
  const data = join(root.dir, 'relay');
  relay = await startRelay({ port: 0, dataDir: data, key: KEY });
  const share = { shareId: newShareId(), server: `ws://127.0.0.1:${relay.port}`, key: KEY };
  const [E, F, G] = ['e', 'f', 'g'].map((n) => join(root.dir, n)) as [string, string, string];
  const e = await openSample(E);
  unwrap(await e.call('entities.create', { name: 'Ada Lovelace', type: 'person' }));
  await round(e, E, share);
  const f = await reopen(F);
  await round(f, F, share);
  expect(await names(f)).toEqual(['Ada Lovelace']);

  // The relay comes back on the same address with nothing: no document, no blob.
  const port = relay.port;
  await relay.close();
  relay = undefined;
  await rm(data, { recursive: true, force: true });
  relay = await startRelay({ port, dataDir: data, key: KEY });
  // Made while the relay was away.
  unwrap(await e.call('entities.create', { name: 'Grace Hopper', type: 'person' }));
  const fromE = await round(e, E, share);
  expect(fromE.quarantined).toEqual([]);
  const fromF = await round(f, F, share);
  expect(fromF.quarantined).toEqual([]);
  expect(await names(f)).toEqual(['Ada Lovelace', 'Grace Hopper']);
  expect(await names(e)).toEqual(['Ada Lovelace', 'Grace Hopper']);

  const g = await reopen(G);
  expect((await round(g, G, share)).quarantined).toEqual([]);
  expect(await names(g)).toEqual(['Ada Lovelace', 'Grace Hopper']);
  const documents = unwrap(await e.call('documents.list', {}));
  expect(unwrap(await g.call('documents.list', {})).map((d) => d.id)).toEqual(
    documents.map((d) => d.id),
  );
  for (const { id } of documents)
    expect(unwrap(await g.call('documents.get', { id })).document.text).toBe(
      unwrap(await e.call('documents.get', { id })).document.text,
    );
  for (const dir of [E, F, G]) await closeWorkbench(dir);
});
