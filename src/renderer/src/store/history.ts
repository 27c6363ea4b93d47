// The history concern: whether undo and redo are possible and what they would do. The
// history itself lives in the core (so it survives a reload); this mirrors its summary,
// refreshed on every 'history' event.
import type { HistoryInfo } from '../../../shared/api';
import type { Action, State } from './index';

export type HistoryState = HistoryInfo;

export type HistoryAction = { type: 'history/loaded'; info: HistoryInfo };

export const initialHistory: HistoryState = { canUndo: false, canRedo: false };

export function historyReducer(state: HistoryState, action: Action): HistoryState {
  const info =
    action.type === 'history/loaded'
      ? action.info
      : action.type === 'core/changed'
        ? action.event.history
        : undefined;
  if (!info) return state;
  const { canUndo, canRedo, undoLabel, redoLabel } = info;
  if (
    canUndo === state.canUndo &&
    canRedo === state.canRedo &&
    undoLabel === state.undoLabel &&
    redoLabel === state.redoLabel
  )
    return state;
  // Only the summary's fields: undo/redo answers also carry `done`, which is not state.
  return {
    canUndo,
    canRedo,
    ...(undoLabel !== undefined ? { undoLabel } : {}),
    ...(redoLabel !== undefined ? { redoLabel } : {}),
  };
}

export const selectHistory = (state: State): HistoryState => state.history;
