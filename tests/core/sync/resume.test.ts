// Sync started again on a workspace it has synced before reads only the documents whose
// files changed since the team document last held them (issue 18: a later sync of 100
// records re-read all 2,000 documents). What it skips stays in the team document, never
// taken for a deletion; what it cannot vouch for (no agreement yet, a blob that did not go
// out) is read in full.
import type * as A from '@automerge/automerge';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlobStore } from '../../../src/core/sync/blob-store';
import { Replicator } from '../../../src/core/sync/replicator';
import { genesisHeads } from '../../../src/core/sync/workspace-doc';
import { closeWorkbench, openSample, tempDir, unwrap } from '../../integration/helpers';
import { exchange, replica, team, type Replica, type Team } from './replicas';

let root: { dir: string; cleanup: () => Promise<void> };
let t: Team;
let a: Replica;
let b: Replica;
let documents: number;

/** Stops `r`'s replicator and starts a new one from what the old one would have saved. */
async function restart(r: Replica, blobs: BlobStore = t.blobs, agreed?: A.Heads): Promise<void> {
  const old = r.replicator;
  old.stop();
  await r.wb.settled();
  r.replicator = new Replicator(
    r.wb.core,
    r.handle,
    agreed ?? old.agreed,
    [],
    undefined,
    blobs,
    Object.fromEntries(old.stamps.synced),
  );
  await r.replicator.start();
}

const highlights = async (r: Replica): Promise<number> => {
  let n = 0;
  for (const d of unwrap(await r.wb.call('documents.list', {})))
    n += unwrap(await r.wb.call('documents.get', { id: d.id })).annotations.length;
  return n;
};

beforeEach(async () => {
  root = await tempDir();
  t = team(root.dir);
  a = await replica(t, join(root.dir, 'a'), await openSample(join(root.dir, 'a')));
  for (const name of ['minutes', 'letter']) {
    const text = `The ${name} of the hearing, kept for the record.\n\nThe witness spoke first.\n`;
    unwrap(
      await a.wb.call('documents.import', {
        fileName: `${name}.txt`,
        dataBase64: Buffer.from(text).toString('base64'),
      }),
    );
  }
  b = await replica(t, join(root.dir, 'b'));
  documents = unwrap(await a.wb.call('documents.list', {})).length;
  await exchange(a, b);
  await a.wb.settled();
  await b.wb.settled();
});
afterEach(async () => {
  for (const r of [a, b]) {
    r.replicator.stop();
    await closeWorkbench(r.dir);
  }
  await root.cleanup();
});

describe('sync started again', () => {
  it('reads only the documents changed while it was off, and deletes none it skipped', async () => {
    expect(documents).toBeGreaterThan(1);
    const before = await highlights(b);
    await restart(a);
    expect(a.replicator.lastScan).toEqual({ read: 0, unchanged: documents });
    // A highlight made while sync is off changes one document's files.
    a.replicator.stop();
    const [first] = unwrap(await a.wb.call('documents.list', {}));
    const text = unwrap(await a.wb.call('documents.get', { id: first!.id })).document.text;
    const end = text.indexOf(' ', 12);
    unwrap(await a.wb.call('annotations.create', { documentId: first!.id, start: 2, end }));
    await restart(a);
    expect(a.replicator.lastScan).toEqual({ read: 1, unchanged: documents - 1 });
    await exchange(a, b);
    expect(unwrap(await b.wb.call('documents.list', {}))).toHaveLength(documents);
    expect(await highlights(b)).toBe(before + 1);
  });

  it('knows the documents a remote change wrote here, once their files are in place', async () => {
    await restart(b);
    expect(b.replicator.lastScan).toEqual({ read: 0, unchanged: documents });
  });

  it('reads everything when nothing was agreed yet (the team document lost or new)', async () => {
    await restart(a, t.blobs, genesisHeads());
    expect(a.replicator.lastScan).toEqual({ read: documents, unchanged: 0 });
  });

  it('vouches for no document while a text could not be sent', async () => {
    a.replicator.stop();
    const offline: BlobStore = {
      has: () => Promise.resolve(false),
      get: () => Promise.resolve(undefined),
      put: () => Promise.reject(new Error('the relay cannot be reached')),
    };
    await restart(a, offline, genesisHeads());
    expect(a.replicator.stamps.synced.size).toBe(0);
    await restart(a);
    expect(a.replicator.lastScan.read).toBe(documents);
  });
});
