// When co-occurrence counts and a pair's passages are out of date, and how the settings key
// the counts (the order of the types does not matter).
import { describe, expect, it } from 'vitest';
import {
  connectionsView,
  cooccurrenceKey,
  cooccurrenceView,
} from '../../../../src/renderer/src/store/views/cooccurrence';
import { changed, entity, listItem, makeAnnotation, makeView, note } from '../../builders';
import { passage } from '../../research-builders';

const settings = { scope: 'paragraph' as const, types: ['person', 'place'], minCount: 1 };

describe('the co-occurrence view', () => {
  it('keys the counts by scope, types in any order and minimum count', () => {
    expect(cooccurrenceKey(settings)).toBe(
      cooccurrenceKey({ ...settings, types: ['place', 'person'] }),
    );
    expect(cooccurrenceKey(settings)).not.toBe(cooccurrenceKey({ ...settings, minCount: 2 }));
    expect(cooccurrenceKey(settings)).not.toBe(cooccurrenceKey({ ...settings, scope: 'document' }));
  });

  it.each([
    ['a highlight tagged or untagged', changed({ touchedEntities: ['e1'] }), true],
    ['an entity renamed', changed({ entities: { put: [entity('e1')], removed: [] } }), true],
    ['an entity deleted', changed({ entities: { put: [], removed: ['e1'] } }), true],
    ['a document’s text edited', changed({ documentRecords: [makeView('d1').document] }), true],
    ['a document deleted', changed({ documents: { put: [], removed: ['d1'] } }), true],
    ['a note saved', changed({ notes: { put: [note('n1')], removed: [] } }), false],
    ['a tag count', changed({ tags: [{ tag: 'trial', count: 1 }] }), false],
  ])('counts after %s: stale %s', (_what, event, stale) => {
    expect(cooccurrenceView.staleAfter(event, settings, undefined)).toBe(stale);
  });

  const pair = { a: 'e1', b: 'e2', scope: 'paragraph' as const };
  const shown = [passage('a1', 'd1', ['e1', 'e2'])];
  it.each([
    ['a highlight of one of the two', changed({ touchedEntities: ['e2'] }), true],
    ['one of the two renamed', changed({ entities: { put: [entity('e1')], removed: [] } }), true],
    [
      'a document it quotes renamed',
      changed({ documents: { put: [listItem('d1')], removed: [] } }),
      true,
    ],
    ['a highlight of a third entity', changed({ touchedEntities: ['e3'] }), false],
    ['another document edited', changed({ documentRecords: [makeView('d2').document] }), false],
    [
      'a highlight made elsewhere',
      changed({ annotations: { put: [makeAnnotation('a9', 'd2')], removed: [] } }),
      false,
    ],
  ])('a pair’s passages after %s: stale %s', (_what, event, stale) => {
    expect(connectionsView.staleAfter(event, pair, shown)).toBe(stale);
  });
});
