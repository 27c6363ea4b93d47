import { describe, expect, it } from 'vitest';
import {
  filterChoices,
  filterHighlights,
  isFiltered,
  NO_FILTER,
} from '../../../src/renderer/src/lib/highlight-filter';
import { makeAnnotation } from '../builders';

const at = (id: string, start: number, patch: Partial<ReturnType<typeof makeAnnotation>> = {}) => ({
  ...makeAnnotation(id, 'd1', [], [start, start + 5]),
  ...patch,
});

const highlights = [
  at('late', 60, {
    kind: 'claim',
    entityIds: ['e1'],
    tags: ['verify'],
    createdAt: '2026-01-01T00:00:00.000Z',
  }),
  at('early', 0, { kind: 'quote', createdAt: '2026-03-01T00:00:00.000Z' }),
  at('middle', 30, {
    kind: 'claim',
    status: 'fuzzy',
    entityIds: ['e2', 'e1'],
    createdAt: '2026-02-01T00:00:00.000Z',
  }),
];
const ids = (list: { id: string }[]): string[] => list.map((a) => a.id);

describe('the highlight list filter', () => {
  it('sorts by place in the text, newest or oldest first', () => {
    expect(ids(filterHighlights(highlights, NO_FILTER))).toEqual(['early', 'middle', 'late']);
    expect(ids(filterHighlights(highlights, { ...NO_FILTER, sort: 'newest' }))).toEqual([
      'early',
      'middle',
      'late',
    ]);
    expect(ids(filterHighlights(highlights, { ...NO_FILTER, sort: 'oldest' }))).toEqual([
      'late',
      'middle',
      'early',
    ]);
  });

  it('keeps only what matches every chosen filter', () => {
    expect(ids(filterHighlights(highlights, { ...NO_FILTER, kind: 'claim' }))).toEqual([
      'middle',
      'late',
    ]);
    expect(
      ids(filterHighlights(highlights, { ...NO_FILTER, entityId: 'e1', status: 'fuzzy' })),
    ).toEqual(['middle']);
    expect(ids(filterHighlights(highlights, { ...NO_FILTER, tag: 'verify' }))).toEqual(['late']);
    expect(filterHighlights(highlights, { ...NO_FILTER, kind: 'question' })).toEqual([]);
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, tag: 'verify' })).toBe(true);
    expect(isFiltered({ ...NO_FILTER, sort: 'newest' })).toBe(false);
  });

  it('offers the tags and entities the document uses, once each', () => {
    expect(filterChoices(highlights)).toEqual({ tags: ['verify'], entityIds: ['e1', 'e2'] });
  });

  it('does not reorder the list it was given', () => {
    const before = ids(highlights);
    filterHighlights(highlights, { ...NO_FILTER, sort: 'oldest' });
    expect(ids(highlights)).toEqual(before);
  });
});
