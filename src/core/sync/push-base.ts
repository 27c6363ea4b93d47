// What an outgoing write compares the store's records with: the team document as it was at
// the last agreement, so that only what changed here is written (a field edited on the other
// side meanwhile stays theirs, or becomes a conflict only where both edited it). And, when
// every record is sent (sync starting), which records the document holds that the store no
// longer does: those were removed here while sync was off. Then the write itself.
import * as A from '@automerge/automerge';
import { touchedBetween } from './apply-remote';
import type { Outgoing } from './local-records';
import {
  same,
  sameHeads,
  SYNCED_KINDS,
  toPlain,
  writeRecord,
  type SyncedKind,
  type WorkspaceDoc,
} from './workspace-doc';

/**
 * The document at `agreed`, as far as these records go. A view at other heads materialises
 * the whole document (a second or more at 20,000 highlights), so it is made only when a
 * remote change still to be applied touched one of them: otherwise the document as it is now
 * holds the same values for them (the echo of a remote change arriving in a burst of them).
 */
export function baseFor(
  doc: A.Doc<WorkspaceDoc>,
  agreed: A.Heads,
  out: Outgoing,
  all: boolean,
): A.Doc<WorkspaceDoc> {
  const now = A.getHeads(doc);
  if (sameHeads(now, agreed)) return doc;
  if (all || out.merges.size) return A.view(doc, agreed);
  const moved = touchedBetween(doc, agreed, now);
  const clash = SYNCED_KINDS.some((kind) =>
    [...out.records[kind].keys()].some((id) => moved[kind].has(id)),
  );
  return clash ? A.view(doc, agreed) : doc;
}

/**
 * Marks as removed the records `base` holds that `out` does not, except those `kept` names
 * (refused or held remote records, never in the store) and the documents left unread as
 * unchanged, with their highlights.
 */
export function addRemovals(
  out: Outgoing,
  base: A.Doc<WorkspaceDoc>,
  kept: (kind: SyncedKind, id: string) => boolean,
): void {
  const unread = (kind: SyncedKind, id: string): boolean => {
    if (kind === 'documents') return out.unread.has(id);
    const home = kind === 'highlights' ? toPlain(base.highlights[id]?.documentId) : undefined;
    return typeof home === 'string' && out.unread.has(home);
  };
  for (const kind of SYNCED_KINDS)
    for (const id of Object.keys(base[kind]))
      if (!out.records[kind].has(id) && !kept(kind, id) && !(out.unread.size && unread(kind, id)))
        out.records[kind].set(id, undefined);
}

/**
 * Whether the document as it is now already holds every record `out` would write (and every
 * merge). Then writing them at `agreed` could add only the same values, concurrently: no
 * record would differ, and the write is skipped. It is the echo of a remote apply (its commit
 * announces the records it just read): while changes keep arriving, the agreement is behind
 * the document, and the write found nothing after a diff back to the agreement and a change
 * made there (0.2 s and 0.35 s at 20,000 highlights; several seconds each in `npm run
 * bench:sync` as 100 edits arrived one by one, and the sender's next edit waited behind it).
 */
function heldAlready(doc: A.Doc<WorkspaceDoc>, out: Outgoing): boolean {
  for (const [from, to] of out.merges) if (toPlain(doc.merges[from]) !== to) return false;
  return SYNCED_KINDS.every((kind) =>
    [...out.records[kind]].every(([id, record]) => {
      const now = toPlain(doc[kind][id]);
      return record === undefined ? now === undefined : now !== undefined && same(now, record);
    }),
  );
}

/**
 * Writes `out` into `doc` as one change made at `agreed` (concurrent with any remote change
 * since), only where it differs from the document then; with `all`, records the document
 * holds and the store does not (and `held` does not name) are written as removed.
 */
export function writeAt(
  doc: A.Doc<WorkspaceDoc>,
  agreed: A.Heads,
  out: Outgoing,
  all: boolean,
  held: (kind: SyncedKind, id: string) => boolean,
): { newDoc: A.Doc<WorkspaceDoc>; newHeads: A.Heads | null; written: number } {
  if (!all && heldAlready(doc, out)) return { newDoc: doc, newHeads: null, written: 0 };
  const base = baseFor(doc, agreed, out, all);
  if (all) addRemovals(out, base, held);
  let written = 0;
  const result = A.changeAt(
    doc,
    agreed,
    { message: 'workbench', time: Math.floor(Date.now() / 1000) },
    (d) => {
      for (const kind of SYNCED_KINDS)
        for (const [id, value] of out.records[kind])
          if (writeRecord(d[kind], id, value, toPlain(base[kind][id]))) written++;
      for (const [from, to] of out.merges)
        if (toPlain(base.merges[from]) !== to) d.merges[from] = new A.ImmutableString(to);
    },
  );
  return { newDoc: result.newDoc, newHeads: result.newHeads, written };
}
