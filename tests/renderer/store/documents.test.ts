// The documents module: which document is open, and never a stale view of another one.
import { describe, expect, it } from 'vitest';
import {
  selectCurrentDocumentId,
  selectView,
  selectViewError,
} from '../../../src/renderer/src/store/documents';
import {
  initialState,
  reduce,
  type Action,
  type State,
} from '../../../src/renderer/src/store/index';
import { listItem, makeView } from '../builders';

const run = (...actions: Action[]): State => actions.reduce(reduce, initialState);

describe('documents', () => {
  it('opens the first readable document until the user chooses one', () => {
    const list = [listItem('a', 0, 'not valid JSON'), listItem('b'), listItem('c')];
    expect(selectCurrentDocumentId(run({ type: 'documents/listLoaded', list }))).toBe('b');
    expect(
      selectCurrentDocumentId(
        run({ type: 'documents/listLoaded', list }, { type: 'documents/opened', id: 'c' }),
      ),
    ).toBe('c');
  });

  it('lets go of a chosen document once the library no longer lists it', () => {
    const state = run(
      { type: 'documents/listLoaded', list: [listItem('a'), listItem('b')] },
      { type: 'documents/opened', id: 'b' },
      { type: 'documents/listLoaded', list: [listItem('a')] },
    );
    expect(state.documents.chosenId).toBeNull();
    expect(selectCurrentDocumentId(state)).toBe('a');
  });

  it('keeps a chosen document the library does not list yet (just imported)', () => {
    const state = run(
      { type: 'documents/listLoaded', list: [listItem('a')] },
      { type: 'documents/opened', id: 'new' },
      { type: 'documents/listLoaded', list: [listItem('a')] },
    );
    expect(selectCurrentDocumentId(state)).toBe('new');
  });

  it('shows the view only of the current document', () => {
    const state = run(
      { type: 'documents/listLoaded', list: [listItem('a'), listItem('b')] },
      { type: 'documents/viewLoaded', view: makeView('a') },
    );
    expect(selectView(state)?.document.id).toBe('a');
    const moved = reduce(state, { type: 'documents/opened', id: 'b' });
    expect(selectView(moved)).toBeUndefined();
  });

  it('reports why the current document could not be shown, until a view arrives', () => {
    const failed = run(
      { type: 'documents/listLoaded', list: [listItem('a')] },
      { type: 'documents/viewFailed', id: 'a', message: 'documents/a.json: not valid JSON' },
    );
    expect(selectViewError(failed)).toBe('documents/a.json: not valid JSON');
    const loaded = reduce(failed, { type: 'documents/viewLoaded', view: makeView('a') });
    expect(selectViewError(loaded)).toBeUndefined();
  });

  it('returns the same state for an action that changes nothing', () => {
    const state = run({ type: 'documents/opened', id: 'a' });
    expect(reduce(state, { type: 'documents/opened', id: 'a' })).toBe(state);
  });
});
