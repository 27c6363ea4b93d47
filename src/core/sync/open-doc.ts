// Putting the saved team document into the repo's handle when a session opens. A handle
// diffs every document it is given against the one it held (here the genesis) to emit the
// change's patches; for a whole saved document that diff was 3.4 s of the 5.3 s spent
// opening a session at the 2,000-document bench workspace (`npm run bench:sync`, open + one
// round, profiled), and its only reader then is the conflict index. So the index is saved
// beside the document with the heads it was read at (sync-files.ts): a session whose
// document holds those heads starts from it, follows only the changes made since, and the
// handle takes the loaded document with that one diff skipped. Without a usable saved index
// (none yet, or the document was replaced) the handle diffs as before and the index follows.
import * as A from '@automerge/automerge';
import type { DocHandle } from '@automerge/automerge-repo';
import type { ConflictIndex } from './conflict-index';
import type { SavedDoc } from './sync-files';
import { sameHeads, type WorkspaceDoc } from './workspace-doc';

type Backend = { diff(before: A.Heads, after: A.Heads): A.Patch[] };

/** Gives `handle` (at the genesis) the saved document, keeping `conflicts` in step with it. */
export function openSavedDoc(
  handle: DocHandle<WorkspaceDoc>,
  saved: Pick<SavedDoc, 'bytes' | 'log' | 'conflicts'>,
  conflicts: ConflictIndex,
): void {
  const follow = ({ patches }: { patches: A.Patch[] }): void => conflicts.follow(patches);
  const { bytes, log } = saved;
  if (!bytes) {
    // A log alone is a few changes on the genesis: the handle's patches are the index.
    handle.on('change', follow);
    if (log) handle.update((d) => A.loadIncremental(d, log));
    return;
  }
  // A.load reads the document without making a patch per value (loading it into the
  // genesis would).
  const whole = A.load<WorkspaceDoc>(bytes);
  const loaded = log ? A.loadIncremental(whole, log) : whole;
  const at = saved.conflicts?.heads;
  if (!at || !A.hasHeads(loaded, at)) {
    handle.on('change', follow);
    handle.update(() => loaded);
    return;
  }
  conflicts.restore(saved.conflicts!.open);
  const heads = A.getHeads(loaded);
  // Changes saved after the index (the log appended, state.json not yet written).
  if (!sameHeads(at, heads)) conflicts.follow(A.diff(loaded, at, heads));
  withoutFirstDiff(handle, loaded);
  handle.on('change', follow);
}

/**
 * The handle's diff from what it holds to `loaded` answers with no patches, for this one
 * update only (xstate runs it synchronously). No one else listens for them yet: the
 * replicator starts after, and the network has no peer before the first await.
 */
function withoutFirstDiff(handle: DocHandle<WorkspaceDoc>, loaded: A.Doc<WorkspaceDoc>): void {
  const backend = A.getBackend(loaded) as unknown as Backend;
  const from = A.getHeads(handle.doc());
  const to = A.getHeads(loaded);
  const diff = backend.diff.bind(backend);
  backend.diff = (before, after) =>
    sameHeads(before, from) && sameHeads(after, to) ? [] : diff(before, after);
  try {
    handle.update(() => loaded);
  } finally {
    // The prototype's method again.
    delete (backend as Partial<Backend>).diff;
  }
}
