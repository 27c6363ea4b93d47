// Where the team document's open conflicts are, kept up to date from the patches of its
// changes instead of read from every field of every record (at 2,000 documents that read
// took seconds, and the window's status asks every second). A patch says of the value it
// puts whether it is in conflict, or says a value became so; a put without that flag, or a
// removal, settles the field. Only the fields named here are read when the list is asked for.
import type * as A from '@automerge/automerge';
import {
  conflictAt,
  SYNCED_KINDS,
  type FieldConflict,
  type SyncedKind,
  type WorkspaceDoc,
} from './workspace-doc';

const KINDS = new Set<string>(SYNCED_KINDS);

/** The index as `.sync/state.json` keeps it: each record's fields that may be in conflict. */
export interface OpenFields {
  kind: SyncedKind;
  id: string;
  /** '' for the record itself. */
  fields: string[];
}
/** The record itself (a whole write on two sides), beside its fields. */
const WHOLE = '';

export class ConflictIndex {
  /** `kind/id` → the fields (WHOLE for the record) that may hold several values. */
  private readonly open = new Map<string, { kind: SyncedKind; id: string; fields: Set<string> }>();

  /** Follows one change of the document, by the patches it made. */
  follow(patches: readonly A.Patch[]): void {
    for (const patch of patches) {
      const [kind, id, field] = patch.path;
      if (typeof kind !== 'string' || !KINDS.has(kind) || typeof id !== 'string') continue;
      if (patch.path.length > 3 || (patch.path.length === 3 && typeof field !== 'string')) continue;
      const conflicted =
        patch.action === 'conflict' || (patch.action === 'put' && patch.conflict === true);
      // A new value for the record (or its removal) replaces every field it had.
      if (patch.path.length === 2 && patch.action !== 'conflict') this.open.delete(`${kind}/${id}`);
      const name = patch.path.length === 2 ? WHOLE : (field as string);
      if (conflicted) this.mark(kind as SyncedKind, id, name);
      else if (patch.action === 'put' || patch.action === 'del') this.settle(kind, id, name);
    }
  }

  /** What the index holds, to be saved beside the document at the heads it was read at. */
  saved(): OpenFields[] {
    return [...this.open.values()].map(({ kind, id, fields }) => ({
      kind,
      id,
      fields: [...fields],
    }));
  }

  /**
   * Starts from a saved index. An entry naming a field that holds one value is harmless:
   * `list` reads each field and skips it, and the next put there settles it.
   */
  restore(entries: readonly OpenFields[]): void {
    for (const { kind, id, fields } of entries) for (const f of fields) this.mark(kind, id, f);
  }

  private mark(kind: SyncedKind, id: string, field: string): void {
    const key = `${kind}/${id}`;
    const entry = this.open.get(key) ?? { kind, id, fields: new Set<string>() };
    entry.fields.add(field);
    this.open.set(key, entry);
  }

  private settle(kind: string, id: string, field: string): void {
    const entry = this.open.get(`${kind}/${id}`);
    entry?.fields.delete(field);
    if (entry && !entry.fields.size) this.open.delete(`${kind}/${id}`);
  }

  /**
   * The open conflicts, read from the document at the fields the patches named, in the
   * order of their record and field: patches arrive in a different order on each replica,
   * and every member should see one list.
   */
  list(doc: A.Doc<WorkspaceDoc>): FieldConflict[] {
    const found: FieldConflict[] = [];
    for (const { kind, id, fields } of this.open.values())
      for (const field of fields) {
        const c = conflictAt(doc, kind, id, field === WHOLE ? null : field);
        if (c) found.push(c);
      }
    const order = (c: FieldConflict): string => `${c.kind}/${c.id}/${c.field ?? ''}`;
    return found.sort((x, y) => (order(x) < order(y) ? -1 : order(x) > order(y) ? 1 : 0));
  }
}
