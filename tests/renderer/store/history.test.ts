// The history module mirrors the core's summary of undo and redo.
import { describe, expect, it } from 'vitest';
import { selectHistory } from '../../../src/renderer/src/store/history';
import { initialState, reduce } from '../../../src/renderer/src/store/index';

describe('history', () => {
  it('starts with nothing to undo and takes the summary from an undo answer without its "done"', () => {
    expect(selectHistory(initialState)).toEqual({ canUndo: false, canRedo: false });
    // What history.undo answers: the summary plus what was undone.
    const answer = {
      canUndo: true,
      canRedo: true,
      undoLabel: 'Create highlight',
      redoLabel: 'Delete highlight',
      done: 'Delete highlight',
    };
    const state = reduce(initialState, { type: 'history/loaded', info: answer });
    expect(selectHistory(state)).toEqual({
      canUndo: true,
      canRedo: true,
      undoLabel: 'Create highlight',
      redoLabel: 'Delete highlight',
    });
  });

  it('keeps the same state when the summary did not change', () => {
    const info = { canUndo: true, canRedo: false, undoLabel: 'Delete entity' };
    const state = reduce(initialState, { type: 'history/loaded', info });
    expect(reduce(state, { type: 'history/loaded', info: { ...info } })).toBe(state);
  });
});
