// Reading the team document from Automerge's core, not from its JavaScript view. The view is
// kept current by patches, and after some histories a patch leaves it wrong: the sync
// property test found a replica whose view showed a note as an empty map where the document
// (the same heads, loaded afresh) held the whole note, so the note was refused as invalid and
// that replica never held it (Automerge's issue #951 is a bug of this kind). What is applied
// to the store, compared before a write, or listed as a conflict is read here instead; the
// view is used only where a wrong read costs nothing but time.
import * as A from '@automerge/automerge';
import type { SyncedKind, WorkspaceDoc } from './workspace-doc';

type Core = ReturnType<typeof A.getBackend>;
type Full = NonNullable<ReturnType<Core['getWithType']>>;
type MapName = SyncedKind | 'merges' | 'meta';

/** A value as the view would show it: objects materialised, strings whole. */
function reify(core: Core, full: Full, heads: A.Heads | undefined): unknown {
  switch (full[0]) {
    case 'map':
    case 'list':
    case 'text':
      return core.materialize(full[1], heads);
    case 'str':
      return new A.ImmutableString(full[1]);
    default:
      return full[1];
  }
}

/** The object id of one of the document's top maps (made by the genesis, never replaced). */
function mapOf(core: Core, name: MapName, heads: A.Heads | undefined): string | undefined {
  const full = core.getWithType('_root', name, heads);
  return full?.[0] === 'map' ? full[1] : undefined;
}

/** The object id of the record `kind`/`id` (a map), at `heads` or now; undefined if none. */
function recordObject(
  core: Core,
  kind: SyncedKind,
  id: string,
  heads: A.Heads | undefined,
): string | undefined {
  const map = mapOf(core, kind, heads);
  const record = map === undefined ? null : core.getWithType(map, id, heads);
  return record?.[0] === 'map' ? record[1] : undefined;
}

/** The record (or merge target, or member name) under `id`, at `heads` or now. */
export function recordAt(
  doc: A.Doc<WorkspaceDoc>,
  name: MapName,
  id: string,
  heads?: A.Heads,
): unknown {
  const core = A.getBackend(doc);
  const map = mapOf(core, name, heads);
  const full = map === undefined ? null : core.getWithType(map, id, heads);
  return full ? reify(core, full, heads) : undefined;
}

/** The ids held in one of the document's maps, at `heads` or now. */
export function idsAt(doc: A.Doc<WorkspaceDoc>, name: MapName, heads?: A.Heads): string[] {
  const core = A.getBackend(doc);
  const map = mapOf(core, name, heads);
  return map === undefined ? [] : core.keys(map, heads);
}

/**
 * Every value written concurrently at a record (field null) or at one of its fields, by op
 * id ("counter@actor"), as `A.getConflicts` gives them; undefined when there is one value.
 */
export function conflictsAt(
  doc: A.Doc<WorkspaceDoc>,
  kind: SyncedKind,
  id: string,
  field: string | null,
): A.Conflicts | undefined {
  const core = A.getBackend(doc);
  const obj =
    field === null ? mapOf(core, kind, undefined) : recordObject(core, kind, id, undefined);
  if (obj === undefined) return undefined;
  const all = core.getAll(obj, field ?? id);
  if (all.length <= 1) return undefined;
  const found: A.Conflicts = {};
  for (const full of all) {
    // An object's op id is its object id; a scalar's is its third element.
    const op = full.length === 3 ? full[2] : full[1];
    const value = full[0] === 'str' ? full[1] : reify(core, [full[0], full[1]] as Full, undefined);
    found[op] = value as A.Conflicts[string];
  }
  return found;
}

/** Where a plan reads the records it applies: the document's core, or a chosen value over it. */
export type RecordSource = (kind: SyncedKind, id: string) => unknown;

/** The records of `doc` as its core holds them now. */
export const recordsOf =
  (doc: A.Doc<WorkspaceDoc>): RecordSource =>
  (kind, id) =>
    recordAt(doc, kind, id);

/** One field of a record, at `heads` or now, without reading the rest of the record. */
export function fieldAt(
  doc: A.Doc<WorkspaceDoc>,
  kind: SyncedKind,
  id: string,
  field: string,
  heads?: A.Heads,
): unknown {
  const core = A.getBackend(doc);
  const record = recordObject(core, kind, id, heads);
  const full = record === undefined ? null : core.getWithType(record, field, heads);
  return full ? reify(core, full, heads) : undefined;
}
