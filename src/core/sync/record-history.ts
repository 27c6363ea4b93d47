// Who changed a shared record, what and when, read from the team document's own history:
// every Automerge change names its writer (an actor, named by the member's display name in
// `meta`) and its time, and its operations name the object and field they write. A record is
// the map under its id in its kind's map; a whole write (creation, or a rival creation)
// makes a new map there, so each such map is followed from the operation that made it.
import * as A from '@automerge/automerge';
import type { SyncedKind, WorkspaceDoc } from './workspace-doc';

export interface RecordChange {
  /** When the writer made the change (their clock), ISO time; null if it carries none. */
  at: string | null;
  /** The writer's actor id. */
  actor: string;
  action: 'created' | 'changed' | 'removed';
  /** The fields written, for a change (the time stamp left out: every edit writes it). */
  fields: string[];
}

/** At most this many changes are listed, the latest ones. */
export const HISTORY_LIMIT = 200;

interface DecodedOp {
  action: string;
  obj: string;
  key?: string;
}

/** The changes that wrote the record `kind`/`id`, oldest first (in the history's order). */
export function recordHistory(
  doc: A.Doc<WorkspaceDoc>,
  kind: SyncedKind,
  id: string,
): RecordChange[] {
  const kindObj = A.getObjectId(doc[kind]);
  if (!kindObj) return [];
  const records = new Set<string>();
  const found: RecordChange[] = [];
  for (const bytes of A.getAllChanges(doc)) {
    const change = A.decodeChange(bytes);
    let action: RecordChange['action'] | undefined;
    const fields = new Set<string>();
    (change.ops as DecodedOp[]).forEach((op, i) => {
      if (op.obj === kindObj && op.key === id) {
        if (op.action === 'del') action = 'removed';
        else {
          // The op id of the map made here: its counter is the change's first op plus i.
          records.add(`${change.startOp + i}@${change.actor}`);
          action = 'created';
        }
      } else if (records.has(op.obj) && op.key !== undefined && op.key !== 'updatedAt') {
        fields.add(op.key);
      }
    });
    if (!action && !fields.size) continue;
    found.push({
      at: change.time ? new Date(change.time * 1000).toISOString() : null,
      actor: change.actor,
      action: action ?? 'changed',
      fields: action ? [] : [...fields].sort(),
    });
  }
  return found.slice(-HISTORY_LIMIT);
}
