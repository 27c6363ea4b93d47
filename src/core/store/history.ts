// Undo and redo: every command that changed something is kept with its operations, and
// undoing it applies them inverted. The history lives in the core process, so it survives
// a reload of the window; it is bounded, and the oldest steps fall off first.
import type { HistoryInfo } from '../../shared/api';
import type { Op, StoreState } from './tx';

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

/**
 * True when every record an operation list produced is still what the workspace holds,
 * so applying its inverse takes the workspace back exactly. Records are immutable, so
 * identity is the test; a document file is compared by its record and its highlights,
 * since undoing later steps rebuilds the file object around the same records.
 */
export function stillCurrent(state: StoreState, ops: readonly Op[]): boolean {
  return ops.every((op) => {
    switch (op.kind) {
      case 'entity':
        return state.workspace.entities.find((e) => e.id === op.id) === op.after;
      case 'note':
        return state.workspace.notes.find((n) => n.id === op.id) === op.after;
      case 'codebook':
        return state.workspace.codebook === op.after;
      case 'link':
        return state.workspace.links?.find((l) => l.id === op.id) === op.after;
      case 'annotation':
        return (
          state.documents.get(op.documentId)?.annotations.find((a) => a.id === op.id) === op.after
        );
      case 'document':
        return state.documents.get(op.id)?.document === op.after;
      case 'file': {
        const now = state.documents.get(op.id);
        if (!now || !op.after) return now === op.after;
        return (
          now.document === op.after.document &&
          now.annotations.length === op.after.annotations.length &&
          now.annotations.every((a, i) => a === op.after!.annotations[i])
        );
      }
    }
  });
}
