// Which documents the team document holds as their files are now, so that sync started
// again reads only the others (a full read of 2,000 documents took seconds). A document's
// stamp is the size and time of its two files (the catalog's, set once a commit's files
// are in place); it is kept once the records read or committed are in the team document
// and no commit has touched the document since, and dropped at any commit that does. Saved
// with the agreed heads it describes: with no agreement, no stamp is believed.
import type { CoreContext } from '../context';
import type { DocumentStamp } from '../store/catalog';
import type { Op } from '../store/tx';
import { allRecords, type Outgoing } from './local-records';

export class DocumentStamps {
  /** Document id → the stamp its files had when the team document last held them. */
  readonly synced = new Map<string, DocumentStamp>();
  /** Per document, how many commits have touched it: a stamp is kept only if none did since. */
  private readonly commits = new Map<string, number>();

  constructor(saved: Readonly<Record<string, DocumentStamp>>) {
    for (const [id, stamp] of Object.entries(saved)) this.synced.set(id, stamp);
  }

  /** Counts a commit against each document it touched; their stamps no longer hold. */
  touch(ops: readonly Op[]): Map<string, number> {
    const touched = new Map<string, number>();
    for (const op of ops) {
      const id =
        op.kind === 'document' || op.kind === 'file'
          ? op.id
          : op.kind === 'annotation'
            ? op.documentId
            : undefined;
      if (id === undefined || touched.has(id)) continue;
      const n = this.count(id) + 1;
      this.commits.set(id, n);
      touched.set(id, n);
      this.synced.delete(id);
    }
    return touched;
  }

  /** How many commits have touched the document so far (to compare with later). */
  count(id: string): number {
    return this.commits.get(id) ?? 0;
  }

  /** Keeps `stamp` if no commit touched the document since it had been touched `n` times. */
  keep(id: string, stamp: DocumentStamp | undefined, n: number): void {
    if (stamp && this.count(id) === n) this.synced.set(id, stamp);
  }

  /** Forgets documents no longer in the workspace. */
  prune(has: (id: string) => boolean): void {
    for (const id of this.synced.keys()) if (!has(id)) this.synced.delete(id);
  }
}

/**
 * Every record, but the documents `stamps` says are unchanged are not read. The stamps of
 * those read are kept once their records are pushed (the caller runs `afterPush`), unless a
 * commit touched them since or a blob did not go out (`unsent`).
 */
export async function readChanged(
  ctx: CoreContext,
  stamps: DocumentStamps,
  unsent: () => number,
): Promise<Outgoing> {
  const counts = new Map<string, number>();
  for (const id of ctx.store.catalog.ids()) counts.set(id, stamps.count(id));
  const out = await allRecords(ctx, stamps.synced);
  stamps.prune((id) => ctx.store.catalog.has(id));
  out.afterPush = () => {
    if (unsent()) return;
    for (const [id, stamp] of out.stamps) stamps.keep(id, stamp, counts.get(id) ?? -1);
  };
  return out;
}
