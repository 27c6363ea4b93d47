// history.*: undo and redo of the commands the core recorded, and what they would undo.
import { Empty } from './workspace';
import { method, namespace } from './define';

export interface HistoryInfo {
  canUndo: boolean;
  canRedo: boolean;
  /** What undo would undo, e.g. "Delete highlight". */
  undoLabel?: string;
  redoLabel?: string;
}

export const historyMethods = namespace('history', {
  'history.info': method<HistoryInfo>()(Empty),
  'history.undo': method<HistoryInfo & { done: string }>()(Empty),
  'history.redo': method<HistoryInfo & { done: string }>()(Empty),
});
