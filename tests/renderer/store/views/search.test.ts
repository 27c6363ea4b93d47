// Search results: keyed by the query and every filter (filters in any order are one
// query), stale after any change of content and not after a history step alone.
import { describe, expect, it } from 'vitest';
import { searchKey, searchView } from '../../../../src/renderer/src/store/views/search';
import { changed, entity, makeAnnotation, note } from '../../builders';

describe('the search view', () => {
  it('keys results by the query and each filter', () => {
    const base = { query: 'evin', kinds: ['note' as const, 'highlight' as const], limit: 60 };
    expect(searchKey(base)).toBe(searchKey({ ...base, kinds: ['highlight', 'note'] }));
    expect(searchKey(base)).toBe(searchKey({ ...base, query: ' evin ' }));
    for (const other of [
      { ...base, query: 'evin prison' },
      { ...base, kinds: ['note' as const] },
      { ...base, entityId: 'e1' },
      { ...base, documentId: 'd1' },
      { ...base, annotationKind: 'claim' as const },
      { ...base, limit: 1 },
    ])
      expect(searchKey(other)).not.toBe(searchKey(base));
  });

  it.each([
    ['a note', changed({ notes: { put: [note('n1')], removed: [] } }), true],
    [
      'a highlight',
      changed({ annotations: { put: [makeAnnotation('a1', 'd1')], removed: [] } }),
      true,
    ],
    ['an entity', changed({ entities: { put: [entity('e1')], removed: [] } }), true],
    ['a history step alone', changed(), false],
  ])('is stale after %s: %s', (_what, event, stale) => {
    expect(searchView.staleAfter(event, { query: 'evin' }, undefined)).toBe(stale);
  });
});
