// The entity panel's views on demand: a merge preview (stale when either entity, their
// highlights or the notes changed) and dates suggested from an event's passages.
import { describe, expect, it } from 'vitest';
import {
  dateSuggestionsView,
  mergePreviewView,
} from '../../../../src/renderer/src/store/views/entity-tools';
import { changed, entity, makeView, note } from '../../builders';

describe('the entity panel’s views', () => {
  const pair = { targetId: 'e1', sourceId: 'e2' };
  it.each([
    ['the entity kept', changed({ entities: { put: [entity('e1')], removed: [] } }), true],
    ['the one merged in', changed({ touchedEntities: ['e2'] }), true],
    [
      'a note (notes move with a merge)',
      changed({ notes: { put: [note('n1')], removed: [] } }),
      true,
    ],
    ['a third entity', changed({ entities: { put: [entity('e3')], removed: [] } }), false],
  ])('a merge preview after %s: stale %s', (_what, event, stale) => {
    expect(mergePreviewView.staleAfter(event, pair, undefined)).toBe(stale);
  });

  it.each([
    ['its passages', changed({ touchedEntities: ['e1'] }), true],
    ['a text edited', changed({ documentRecords: [makeView('d1').document] }), true],
    ['another entity', changed({ touchedEntities: ['e2'] }), false],
  ])('date suggestions after %s: stale %s', (_what, event, stale) => {
    expect(dateSuggestionsView.staleAfter(event, 'e1', [])).toBe(stale);
  });
});
