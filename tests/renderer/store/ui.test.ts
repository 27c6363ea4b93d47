// The ui module: toasts, the error line and import outcomes.
import { describe, expect, it } from 'vitest';
import { initialState, reduce } from '../../../src/renderer/src/store/index';
import {
  dismissToast,
  MAX_TOASTS,
  selectError,
  selectToasts,
  showError,
  showToast,
} from '../../../src/renderer/src/store/ui';

describe('ui', () => {
  it('keeps the newest toasts, with their undo or redo action', () => {
    let state = initialState;
    for (let i = 0; i < MAX_TOASTS + 2; i++) state = reduce(state, showToast(`Toast ${i}`, 'undo'));
    const toasts = selectToasts(state);
    expect(toasts.map((t) => t.message)).toEqual(['Toast 2', 'Toast 3', 'Toast 4']);
    expect(toasts.every((t) => t.action === 'undo')).toBe(true);
    const dismissed = reduce(state, dismissToast(toasts[0]!.id));
    expect(selectToasts(dismissed).map((t) => t.message)).toEqual(['Toast 3', 'Toast 4']);
    expect(reduce(dismissed, dismissToast(-1))).toBe(dismissed);
  });

  it('sets and clears the error, without a new state when it is the same', () => {
    const state = reduce(initialState, showError('The workspace is read-only.'));
    expect(selectError(state)).toBe('The workspace is read-only.');
    expect(reduce(state, showError('The workspace is read-only.'))).toBe(state);
    expect(selectError(reduce(state, showError(null)))).toBeNull();
  });
});
