// Undo and redo: every command that changed something is kept with its operations, and
// undoing it applies them inverted. The history lives in the core process, so it survives
// a reload of the window; it is bounded, and the oldest steps fall off first.
import type { HistoryInfo } from '../../shared/api';
import { WorkbenchError } from '../../shared/errors';
import type { DocumentFile } from '../../shared/model';
import { applyOps, invert, type Op, type Tx } from './tx';

export interface Step {
  label: string;
  ops: Op[];
}

export const HISTORY_LIMIT = 200;

export class History {
  private readonly undoStack: Step[] = [];
  private readonly redoStack: Step[] = [];

  record(step: Step): void {
    this.undoStack.push(step);
    if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift();
    this.redoStack.length = 0;
  }
  peekUndo(): Step | undefined {
    return this.undoStack[this.undoStack.length - 1];
  }
  peekRedo(): Step | undefined {
    return this.redoStack[this.redoStack.length - 1];
  }
  undone(): void {
    const step = this.undoStack.pop();
    if (step) this.redoStack.push(step);
  }
  redone(): void {
    const step = this.redoStack.pop();
    if (step) this.undoStack.push(step);
  }
  clear(): void {
    this.undoStack.length = 0;
    this.redoStack.length = 0;
  }
  info(): HistoryInfo {
    const undo = this.peekUndo();
    const redo = this.peekRedo();
    return {
      canUndo: undo !== undefined,
      canRedo: redo !== undefined,
      ...(undo ? { undoLabel: undo.label } : {}),
      ...(redo ? { redoLabel: redo.label } : {}),
    };
  }
}

/** Records are compared by value: a document read again after it left memory is a new object. */
const same = (a: unknown, b: unknown): boolean =>
  a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));

/**
 * True when every record an operation list produced is still what the workspace holds,
 * so applying its inverse takes the workspace back exactly. Read through a command's view,
 * so documents not in memory are read first (NeedDocuments) rather than judged absent.
 */
export function stillCurrent(tx: Tx, ops: readonly Op[]): boolean {
  const file = (id: string): DocumentFile | undefined =>
    tx.hasDocument(id) ? tx.document(id) : undefined;
  return ops.every((op) => {
    switch (op.kind) {
      case 'entity':
        return same(
          tx.entities.find((e) => e.id === op.id),
          op.after,
        );
      case 'note':
        return same(
          tx.notes.find((n) => n.id === op.id),
          op.after,
        );
      case 'codebook':
        return same(tx.ownCodebook, op.after);
      case 'link':
        return same(
          tx.links.find((l) => l.id === op.id),
          op.after,
        );
      case 'annotation':
        return same(
          file(op.documentId)?.annotations.find((a) => a.id === op.id),
          op.after,
        );
      case 'document':
        return same(file(op.id)?.document, op.after);
      case 'file': {
        const now = file(op.id);
        if (!now || !op.after) return now === op.after;
        return (
          same(now.document, op.after.document) &&
          now.annotations.length === op.after.annotations.length &&
          now.annotations.every((a, i) => same(a, op.after!.annotations[i]))
        );
      }
    }
  });
}

/**
 * The next undo or redo, run against the records as they are now (through `attempt`, the
 * store's reading loop): its label and the command's `Tx`. Refused with CONFLICT, and the
 * history cleared, when a record it would overwrite is no longer what the step left.
 */
export async function planStep(
  history: History,
  direction: 'undo' | 'redo',
  attempt: (fn: (tx: Tx) => boolean) => Promise<{ value: boolean; tx: Tx }>,
): Promise<{ label: string; tx: Tx }> {
  const step = direction === 'undo' ? history.peekUndo() : history.peekRedo();
  if (!step) throw new WorkbenchError('NOT_FOUND', `There is nothing to ${direction}.`);
  const ops = direction === 'undo' ? invert(step.ops) : step.ops;
  const expected = direction === 'undo' ? step.ops : invert(step.ops);
  const { value: current, tx } = await attempt((t) => {
    if (!stillCurrent(t, expected)) return false;
    applyOps(t, ops);
    return true;
  });
  if (!current) {
    history.clear();
    throw new WorkbenchError(
      'CONFLICT',
      `“${step.label}” cannot be ${direction === 'undo' ? 'undone' : 'redone'}: the records it changed have changed since. The history was cleared.`,
    );
  }
  return { label: step.label, tx };
}
