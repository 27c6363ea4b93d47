// Replicas of one shared workspace without a network: each a real workspace folder with its
// own Automerge document and replicator; `exchange` merges the documents both ways (what
// the relay does) until every replica holds the same changes and has applied them. Blobs
// go through a folder, as they would through the relay's endpoint.
import * as A from '@automerge/automerge';
import { Repo, type DocHandle, type DocumentId } from '@automerge/automerge-repo';
import { join } from 'node:path';
import { FolderBlobStore } from '../../../src/core/sync/blob-store';
import { Replicator } from '../../../src/core/sync/replicator';
import { newShareId } from '../../../src/core/sync/sync-session';
import { genesis, sameHeads, type WorkspaceDoc } from '../../../src/core/sync/workspace-doc';
import type { Workbench } from '../../../src/core/workbench';
import { closeWorkbench, openSample, reopen, tempDir } from '../../integration/helpers';

export interface Replica {
  dir: string;
  wb: Workbench;
  handle: DocHandle<WorkspaceDoc>;
  replicator: Replicator;
}

export interface Team {
  docId: DocumentId;
  blobs: FolderBlobStore;
}

export function team(root: string): Team {
  return { docId: newShareId() as DocumentId, blobs: new FolderBlobStore(join(root, 'blobs')) };
}

/** Opens `dir` (made empty if new) as a replica of the team's document, from the genesis. */
export async function replica(t: Team, dir: string, wb?: Workbench): Promise<Replica> {
  const opened = wb ?? (await reopen(dir));
  const repo = new Repo({ network: [] });
  const handle = repo.import<WorkspaceDoc>(genesis(), { docId: t.docId });
  const start = A.getHeads(A.load(genesis()));
  const replicator = new Replicator(opened.core, handle, start, [], undefined, t.blobs);
  await replicator.start();
  return { dir, wb: opened, handle, replicator };
}

async function settled(r: Replica): Promise<void> {
  await r.replicator.sent();
  await r.replicator.pull();
  await r.replicator.idle();
  await r.replicator.sent();
  await r.wb.settled();
}

/** Merges every replica's document into every other's until all agree and have applied it. */
export async function exchange(...replicas: Replica[]): Promise<void> {
  for (let round = 0; round < 10; round++) {
    for (const r of replicas) await settled(r);
    for (const to of replicas)
      for (const from of replicas)
        if (to !== from) to.handle.update((d) => A.merge(d, from.handle.doc()));
    for (const r of replicas) await settled(r);
    const heads = replicas.map((r) => A.getHeads(r.handle.doc()));
    if (heads.every((h) => sameHeads(h, heads[0]!))) return;
  }
  throw new Error('the replicas did not agree after 10 exchanges');
}

/** Two replicas of one team in a temporary folder, and how to stop and remove them. */
export interface Pair {
  root: string;
  t: Team;
  a: Replica;
  b: Replica;
  close(): Promise<void>;
}

/** Opens a pair; `a` on the sample workspace when `sample` is set, `b` empty. */
export async function openPair({ sample = false } = {}): Promise<Pair> {
  const tmp = await tempDir();
  const t = team(tmp.dir);
  const aDir = join(tmp.dir, 'a');
  const a = await replica(t, aDir, sample ? await openSample(aDir) : undefined);
  const b = await replica(t, join(tmp.dir, 'b'));
  return {
    root: tmp.dir,
    t,
    a,
    b,
    async close() {
      for (const r of [a, b]) {
        r.replicator.stop();
        await closeWorkbench(r.dir);
      }
      await tmp.cleanup();
    },
  };
}
