// When found mentions are out of date: an entity's own (its names, its highlights, any
// document or a highlight over one of them), every entity's at once, and the suggested
// names (the registry's names or the texts).
import { describe, expect, it } from 'vitest';
import type { Mention } from '../../../../src/shared/methods/mentions';
import {
  allMentionsView,
  candidatesView,
  mentionsView,
} from '../../../../src/renderer/src/store/views/mentions';
import { changed, entity, listItem, makeAnnotation, note } from '../../builders';

const mention: Mention = {
  documentId: 'd1',
  documentTitle: 'Document d1',
  start: 0,
  end: 13,
  exact: 'Ebrahim Raisi',
  matched: 'Ebrahim Raisi',
  tagged: false,
  before: '',
  after: ' served on',
};

describe('the mentions views', () => {
  it.each([
    [
      'its name or aliases edited',
      changed({ entities: { put: [entity('e1')], removed: [] } }),
      true,
    ],
    ['its highlights', changed({ touchedEntities: ['e1'] }), true],
    ['a document imported', changed({ documents: { put: [listItem('d3')], removed: [] } }), true],
    [
      'a highlight over a mention',
      changed({ annotations: { put: [makeAnnotation('a5', 'd1')], removed: [] } }),
      true,
    ],
    ['another entity edited', changed({ entities: { put: [entity('e2')], removed: [] } }), false],
    ['a note saved', changed({ notes: { put: [note('n1')], removed: [] } }), false],
  ])('one entity’s, after %s: stale %s', (_what, event, stale) => {
    expect(mentionsView.staleAfter(event, 'e1', [mention])).toBe(stale);
  });

  it.each([
    ['any entity edited', changed({ entities: { put: [entity('e2')], removed: [] } }), true],
    [
      'any highlight',
      changed({ annotations: { put: [makeAnnotation('a5', 'd2')], removed: [] } }),
      true,
    ],
    ['a document deleted', changed({ documents: { put: [], removed: ['d2'] } }), true],
    ['a note saved', changed({ notes: { put: [note('n1')], removed: [] } }), false],
  ])('every entity’s, after %s: stale %s', (_what, event, stale) => {
    expect(allMentionsView.staleAfter(event, 'all', undefined)).toBe(stale);
  });

  it.each([
    ['an entity created', changed({ entities: { put: [entity('e3')], removed: [] } }), true],
    ['a document imported', changed({ documents: { put: [listItem('d3')], removed: [] } }), true],
    ['a note saved', changed({ notes: { put: [note('n1')], removed: [] } }), false],
    ['a tag count', changed({ tags: [{ tag: 'trial', count: 1 }] }), false],
  ])('suggested names, after %s: stale %s', (_what, event, stale) => {
    expect(candidatesView.staleAfter(event, 12, [])).toBe(stale);
  });
});
