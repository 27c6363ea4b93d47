// What an outgoing write compares the store's records with: the team document as it was at
// the last agreement, so that only what changed here is written (a field edited on the other
// side meanwhile stays theirs, or becomes a conflict only where both edited it). And, when
// every record is sent (sync starting), which records the document holds that the store no
// longer does: those were removed here while sync was off. Then the write itself.
import * as A from '@automerge/automerge';
import { fieldAt, idsAt, recordAt } from './core-read';
import type { Outgoing } from './local-records';
import {
  genesisHeads,
  same,
  sameHeads,
  SYNCED_KINDS,
  toPlain,
  writeRecord,
  type SyncedKind,
  type WorkspaceDoc,
} from './workspace-doc';

/**
 * The records as the document held them at the last agreement, for a write to compare with.
 * Read where they changed since (the diff between the two heads names them), one record at
 * a time; every other record is the same now as then and is read from the document as it
 * is. A view of the whole document at the agreement was made instead: it materialised every
 * record (1.5 s to 2.2 s at 20,000 highlights, `npm run bench:sync`, open + one round, where
 * a session closed mid-apply had saved an agreement behind its document) to read a handful.
 */
export interface Base {
  /** The record (or merge target) as held then, in the document's form; undefined if none. */
  record(kind: BaseKind, id: string): unknown;
  /** A highlight's document then, read alone (the whole record is not needed). */
  home(id: string): unknown;
  /** The ids of the records of `kind` held then. */
  ids(kind: SyncedKind): string[];
}
type BaseKind = SyncedKind | 'merges';

/** Past this many records changed since the agreement, a view of the whole document is cheaper. */
const READ_ONE_BY_ONE = 5000;

/**
 * The document as it stood at `agreed`. Records are read from Automerge's core (core-read.ts),
 * not its JavaScript view, which a patch can leave wrong; past READ_ONE_BY_ONE records changed
 * since, from a view made afresh at `agreed`.
 */
export function baseAt(doc: A.Doc<WorkspaceDoc>, agreed: A.Heads): Base {
  const at = (heads: A.Heads | undefined): Base => ({
    record: (kind, id) => recordAt(doc, kind, id, heads),
    // Asked of every highlight when sync starts (16 µs each from the core, 0.3 s at 20,000):
    // now, from the view where it shows one (a highlight never moves), else from the core.
    home: (id) =>
      (heads ? undefined : doc.highlights[id]?.documentId) ??
      fieldAt(doc, 'highlights', id, 'documentId', heads),
    ids: (kind) => idsAt(doc, kind, heads),
  });
  if (sameHeads(A.getHeads(doc), agreed)) return at(undefined);
  // Nothing agreed yet: the genesis holds no record, and a diff from it would name them all.
  if (sameHeads(agreed, genesisHeads()))
    return { record: () => undefined, home: () => undefined, ids: () => [] };
  const moved = movedSince(doc, agreed);
  // A record read alone costs about a tenth of a millisecond at 20,000 highlights, the view
  // 1.5 s: a session closed before it applied a big arrival is better served by the view.
  const count = Object.values(moved).reduce((n, ids) => n + ids.size, 0);
  if (count > READ_ONE_BY_ONE) {
    const view = A.view(doc, agreed);
    return {
      record: (kind, id) => view[kind][id],
      home: (id) => view.highlights[id]?.documentId,
      ids: (kind) => Object.keys(view[kind]),
    };
  }
  // A record no change since touched is the same now as then: read as it is now.
  const then = at(agreed);
  const now = at(undefined);
  return {
    record: (kind, id) => (moved[kind].has(id) ? then : now).record(kind, id),
    home: (id) => (moved.highlights.has(id) ? then : now).home(id),
    ids: (kind) => {
      const ids = new Set(now.ids(kind));
      for (const id of moved[kind])
        if (then.record(kind, id) === undefined) ids.delete(id);
        else ids.add(id);
      return [...ids];
    },
  };
}

/** Per map, the keys that any change since `from` touched (written, changed or removed). */
function movedSince(doc: A.Doc<WorkspaceDoc>, from: A.Heads): Record<BaseKind, Set<string>> {
  const moved = Object.fromEntries(
    [...SYNCED_KINDS, 'merges'].map((k) => [k, new Set<string>()]),
  ) as Record<BaseKind, Set<string>>;
  for (const patch of A.diff(doc, from, A.getHeads(doc))) {
    const [kind, id] = patch.path;
    if (typeof kind === 'string' && kind in moved && typeof id === 'string')
      moved[kind as BaseKind].add(id);
  }
  return moved;
}

/**
 * Marks as removed the records `base` holds that `out` does not, except those `kept` names
 * (refused or held remote records, never in the store) and the documents left unread as
 * unchanged, with their highlights.
 */
export function addRemovals(
  out: Outgoing,
  base: Base,
  kept: (kind: SyncedKind, id: string) => boolean,
): void {
  const unread = (kind: SyncedKind, id: string): boolean => {
    if (kind === 'documents') return out.unread.has(id);
    const home = kind === 'highlights' ? toPlain(base.home(id)) : undefined;
    return typeof home === 'string' && out.unread.has(home);
  };
  for (const kind of SYNCED_KINDS)
    for (const id of base.ids(kind))
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
  for (const [from, to] of out.merges)
    if (toPlain(recordAt(doc, 'merges', from)) !== to) return false;
  return SYNCED_KINDS.every((kind) =>
    [...out.records[kind]].every(([id, record]) => holds(doc, kind, id, record)),
  );
}

/** Whether the document as it is now shows this record as the store has it (or lacks both). */
function holds(doc: A.Doc<WorkspaceDoc>, kind: SyncedKind, id: string, record: unknown): boolean {
  const now = toPlain(recordAt(doc, kind, id));
  return record === undefined ? now === undefined : now !== undefined && same(now, record);
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
  const base = baseAt(doc, agreed);
  if (all) addRemovals(out, base, held);
  // Everything is read before the change: inside it, Automerge's core stands at `agreed`.
  const writes: { kind: SyncedKind; id: string; value: unknown; before: unknown }[] = [];
  for (const kind of SYNCED_KINDS)
    for (const [id, value] of out.records[kind]) {
      // Shown already (applied here after an agreement saved behind the document): made
      // again at the agreement it would stand concurrent with a teammate's later edit of
      // it, and could win over that edit, as a stale value kept in a conflict.
      if (holds(doc, kind, id, value)) continue;
      writes.push({ kind, id, value, before: toPlain(base.record(kind, id)) });
    }
  const merges = [...out.merges].filter(
    ([from, to]) => toPlain(base.record('merges', from)) !== to,
  );
  let written = 0;
  const result = A.changeAt(
    doc,
    agreed,
    { message: 'workbench', time: Math.floor(Date.now() / 1000) },
    (d) => {
      for (const { kind, id, value, before } of writes)
        if (writeRecord(d[kind], id, value as object | undefined, before)) written++;
      for (const [from, to] of merges) d.merges[from] = new A.ImmutableString(to);
    },
  );
  return { newDoc: result.newDoc, newHeads: result.newHeads, written };
}
