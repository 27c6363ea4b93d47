// The passages views: an entity's passages (the entity panel), a tag's highlights (the tag
// view) and a note's linked highlights, each keyed by what it lists and stale only when
// one of its highlights or documents changed, or a highlight joined it.
import { describe, expect, it } from 'vitest';
import { initialState, reduce } from '../../../../src/renderer/src/store/index';
import {
  entityPassagesView,
  linkedHighlightsView,
  selectEntityPassages,
  taggedView,
} from '../../../../src/renderer/src/store/views/passages';
import { viewLoaded, viewRequested } from '../../../../src/renderer/src/store/views/index';
import { changed, listItem, makeAnnotation, makeView } from '../../builders';
import { passage } from '../../research-builders';

const a1 = makeAnnotation('a1', 'd1', ['e1']);

describe('an entity’s passages', () => {
  it('are given only for the entity they were loaded for', () => {
    const items = [passage('a1', 'd1', ['e1'])];
    const state = [
      viewRequested('entityPassages', 'e1', 1),
      viewLoaded('entityPassages', 'e1', 1, items),
    ].reduce(reduce, initialState);
    expect(selectEntityPassages(state, 'e1')?.data).toBe(items);
    expect(selectEntityPassages(state, 'e2')).toBeUndefined();
  });

  it.each([
    ['a highlight tagged to it', changed({ touchedEntities: ['e1'] }), true],
    [
      'the title of a document it lists',
      changed({ documents: { put: [listItem('d1')], removed: [] } }),
      true,
    ],
    ['another entity’s highlight', changed({ touchedEntities: ['e9'] }), false],
    ['another document', changed({ documentRecords: [makeView('d2').document] }), false],
  ])('after %s: stale %s', (_what, event, stale) => {
    expect(entityPassagesView.staleAfter(event, 'e1', [passage('a1', 'd1', ['e1'])])).toBe(stale);
  });
});

describe('a tag’s highlights', () => {
  const shown = [passage('a1', 'd1', [], { tags: ['trial'] })];
  it.each([
    ['its count changed', changed({ tags: [{ tag: 'trial', count: 3 }] }), true],
    [
      'a highlight with the tag edited',
      changed({ annotations: { put: [{ ...a1, tags: ['trial'], note: 'new' }], removed: [] } }),
      true,
    ],
    [
      'a listed highlight lost the tag',
      changed({ annotations: { put: [{ ...a1, tags: [] }], removed: [] } }),
      true,
    ],
    [
      'a listed highlight deleted',
      changed({ annotations: { put: [], removed: [{ id: 'a1', documentId: 'd1' }] } }),
      true,
    ],
    ['another tag', changed({ tags: [{ tag: 'verdict', count: 1 }] }), false],
    [
      'a highlight without the tag',
      changed({ annotations: { put: [makeAnnotation('a2', 'd2')], removed: [] } }),
      false,
    ],
  ])('after %s: stale %s', (_what, event, stale) => {
    expect(taggedView.staleAfter(event, 'trial', shown)).toBe(stale);
  });
});

describe('a note’s linked highlights', () => {
  it('are keyed by the ids in order, and stale when one of them changes', () => {
    expect(linkedHighlightsView.key(['a1', 'a2'])).not.toBe(linkedHighlightsView.key(['a2', 'a1']));
    const shown = [passage('a1', 'd1')];
    const edited = changed({ annotations: { put: [{ ...a1, note: 'new' }], removed: [] } });
    expect(linkedHighlightsView.staleAfter(edited, ['a1'], shown)).toBe(true);
    const other = changed({ annotations: { put: [makeAnnotation('a7', 'd1')], removed: [] } });
    expect(linkedHighlightsView.staleAfter(other, ['a1'], shown)).toBe(false);
  });
});
