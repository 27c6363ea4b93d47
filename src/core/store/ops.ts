// A command's changes as record operations: what each `Op` says (a record before and after
// and its place in its list), how two versions of a list are turned into them (`diff`),
// and how a list of them is applied again through a transaction or inverted for an undo.
// Kept apart from the transaction (./tx.ts) because everything downstream of a commit
// (files, custody log, search and tag indexes, change events, history, sync) reads
// operations and never a transaction.
import type {
  Annotation,
  Codebook,
  DocumentFile,
  Entity,
  HighlightLink,
  Note,
} from '../../shared/model';
import type { Tx } from './tx';

type Keyed = { id: string };

interface RecordOp<K extends string, T> {
  kind: K;
  id: string;
  before?: T;
  after?: T;
  /** Where the record is in its list: before for a removal or update, after for an insert. */
  index: number;
}
export type Op =
  | RecordOp<'entity', Entity>
  | RecordOp<'note', Note>
  /** The codebook, replaced whole (it is small); absent before and after means the default. */
  | RecordOp<'codebook', Codebook>
  | RecordOp<'link', HighlightLink>
  | (RecordOp<'annotation', Annotation> & { documentId: string })
  | RecordOp<'document', DocumentFile['document']>
  /** A whole document file appearing or going (to trash/, under `trashName`). */
  | (RecordOp<'file', DocumentFile> & { trashName?: string });

/** The kinds of record kept in workspace.json. */
export const WORKSPACE_RECORDS = new Set<Op['kind']>(['entity', 'note', 'codebook', 'link']);

export function diff<T extends Keyed>(
  ops: Op[],
  kind: 'entity' | 'note' | 'annotation' | 'link',
  before: readonly T[],
  after: readonly T[],
): void {
  if (before === after) return;
  const old = new Map(before.map((r, i) => [r.id, { r, i }]));
  const now = new Map(after.map((r, i) => [r.id, { r, i }]));
  for (const [id, { r, i }] of old) {
    const next = now.get(id);
    if (!next) ops.push({ kind, id, before: r, index: i } as unknown as Op);
    else if (next.r !== r)
      ops.push({ kind, id, before: r, after: next.r, index: i } as unknown as Op);
  }
  for (const [id, { r, i }] of now) {
    if (!old.has(id)) ops.push({ kind, id, after: r, index: i } as unknown as Op);
  }
}

/**
 * The order that rebuilds each list exactly: whole files that appear first, then removals,
 * then updates in place, then insertions by ascending final index (after the removals the
 * list holds the kept records in their order, so each insertion lands where it belongs),
 * and whole files that go last.
 */
function rank(op: Op): number {
  if (op.kind === 'file') return op.after ? 0 : 4;
  if (!op.after) return 1;
  return op.before ? 2 : 3;
}

/** Applies operations (an undo's inverted list, or a redo's) through a transaction. */
export function applyOps(tx: Tx, ops: readonly Op[]): void {
  const ordered = [...ops].sort(
    (a, b) => rank(a) - rank(b) || (rank(a) === 3 ? a.index - b.index : 0),
  );
  for (const op of ordered) {
    switch (op.kind) {
      case 'entity':
        tx.setEntity(op.id, op.after, op.index);
        break;
      case 'note':
        tx.setNote(op.id, op.after, op.index);
        break;
      case 'codebook':
        tx.setCodebook(op.after);
        break;
      case 'link':
        tx.setLink(op.id, op.after, op.index);
        break;
      case 'annotation':
        tx.setAnnotation(op.documentId, op.id, op.after, op.index);
        break;
      case 'document':
        if (op.after) tx.setDocument(op.after);
        break;
      case 'file':
        tx.setFile(op.id, op.after, op.trashName);
        break;
    }
  }
}

/** The operations that take the workspace back: in reverse order, before and after swapped. */
export function invert(ops: readonly Op[]): Op[] {
  return [...ops].reverse().map((op) => ({ ...op, before: op.after, after: op.before }) as Op);
}
