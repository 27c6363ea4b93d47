// When one commit brings many documents at once (a teammate's first sync, a large remote
// apply), indexing them here, even in short turns, holds every later command behind it:
// after a first sync of 2,000 documents a teammate's highlight waited up to 1.5 s to be
// applied (`npm run bench:sync`). Such a commit is instead indexed as opening does without
// a cache: the index workers build it afresh from the files, and it is taken over where
// each file is still the one the custody log names (a document edited meanwhile is indexed
// as it is now). The trade-off: the workers read the whole workspace, not only what
// arrived, and searches wait for them; so only an arrival that is a large share of the
// workspace goes that way, and a few documents into a large workspace are indexed here.
import type { Op } from '../store/tx';

/** The fewest documents in one commit that are worth the workers' start and the join. */
export const BULK_DOCUMENTS = 50;
/** ...and the share of the workspace's documents they must be (the workers read them all). */
const BULK_SHARE = 0.25;

/** Documents whose text a commit writes (new ones, or a new version of their record). */
export function documentsWritten(ops: readonly Op[]): number {
  const ids = new Set<string>();
  for (const op of ops)
    if ((op.kind === 'file' || op.kind === 'document') && op.after) ids.add(op.id);
  return ids.size;
}

/**
 * Why the commit is indexed by the workers afresh (what `search.status` and `indexSource`
 * then say), or undefined when it is indexed here, after `catalogSize` documents in all.
 */
export function bulkArrival(ops: readonly Op[], catalogSize: number): string | undefined {
  const written = documentsWritten(ops);
  if (written < BULK_DOCUMENTS || written < BULK_SHARE * catalogSize) return undefined;
  return `${written} documents arrived in one change`;
}
