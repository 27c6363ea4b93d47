// The selection module: the details panel and the reader's focus.
import { describe, expect, it } from 'vitest';
import {
  initialState,
  reduce,
  type Action,
  type State,
} from '../../../src/renderer/src/store/index';
import {
  closePanel,
  focusOn,
  selectOpenAnnotation,
  selectOpenEntityId,
  showAnnotation,
  showEntity,
} from '../../../src/renderer/src/store/selection';
import { listItem, makeAnnotation, makeView } from '../builders';

const run = (...actions: Action[]): State => actions.reduce(reduce, initialState);
const loaded: Action[] = [
  { type: 'documents/listLoaded', list: [listItem('d1', 1), listItem('d2')] },
  { type: 'documents/viewLoaded', view: makeView('d1', [makeAnnotation('a1', 'd1')]) },
];

describe('selection', () => {
  it('finds the open highlight in the open document, and nothing once it is gone', () => {
    const state = run(...loaded, showAnnotation('a1', 'note'));
    expect(selectOpenAnnotation(state)?.id).toBe('a1');
    expect(state.selection.panel).toEqual({ type: 'annotation', id: 'a1', intent: 'note' });
    const deleted = reduce(state, { type: 'documents/viewLoaded', view: makeView('d1') });
    expect(selectOpenAnnotation(deleted)).toBeUndefined();
  });

  it('closes a highlight when another document opens, but keeps an entity open', () => {
    expect(
      run(...loaded, showAnnotation('a1'), { type: 'documents/opened', id: 'd2' }).selection.panel,
    ).toBeNull();
    const entityOpen = run(...loaded, showEntity('e1'), { type: 'documents/opened', id: 'd2' });
    expect(selectOpenEntityId(entityOpen)).toBe('e1');
    expect(selectOpenEntityId(reduce(entityOpen, closePanel()))).toBeNull();
  });

  it('makes each focus a new value, so focusing the same highlight twice flashes it twice', () => {
    const first = focusOn({ documentId: 'd1', annotationId: 'a1' });
    const second = focusOn({ documentId: 'd1', annotationId: 'a1' });
    expect(first).not.toEqual(second);
    expect(run(first).selection.focus).toEqual(
      first.type === 'selection/focus' ? first.focus : null,
    );
  });
});
