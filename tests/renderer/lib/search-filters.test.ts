// The search filters as data: the query they make (a filter naming nothing that exists is
// not applied), a chip per filter that applies, and each chip's filters without it.
import { describe, expect, it } from 'vitest';
import {
  filterChips,
  NO_FILTERS,
  searchQuery,
  type SearchFilters,
} from '../../../src/renderer/src/lib/search-filters';

const context = {
  currentDocumentId: 'd1',
  entityName: (id: string) => (id === 'e1' ? 'Hamid Noury' : undefined),
};
const all: SearchFilters = {
  kinds: ['highlight', 'note'],
  thisDocument: true,
  annotationKind: 'claim',
  entityId: 'e1',
};

describe('search filters', () => {
  it('make no filter of the query when none is chosen', () => {
    expect(searchQuery('evin', NO_FILTERS, context, 60)).toEqual({ query: 'evin', limit: 60 });
    expect(filterChips(NO_FILTERS, context)).toEqual([]);
  });

  it('make each chosen filter part of the query, and a chip of it', () => {
    expect(searchQuery('evin', all, context, 60)).toEqual({
      query: 'evin',
      limit: 60,
      kinds: ['highlight', 'note'],
      documentId: 'd1',
      annotationKind: 'claim',
      entityId: 'e1',
    });
    expect(filterChips(all, context).map((c) => c.label)).toEqual([
      'Highlights',
      'Notes',
      'This document',
      'Kind: Claim',
      'Entity: Hamid Noury',
    ]);
  });

  it('gives each chip the filters without it', () => {
    const [highlights, , thisDocument, , entity] = filterChips(all, context);
    expect(highlights!.without.kinds).toEqual(['note']);
    expect(thisDocument!.without).toEqual({ ...all, thisDocument: false });
    expect(entity!.without).toEqual({ ...all, entityId: '' });
  });

  it('leaves out a filter that names nothing here: no document open, an entity gone', () => {
    const none = { currentDocumentId: null, entityName: () => undefined };
    expect(searchQuery('evin', all, none, 60)).toEqual({
      query: 'evin',
      limit: 60,
      kinds: ['highlight', 'note'],
      annotationKind: 'claim',
    });
    expect(filterChips(all, none).map((c) => c.id)).toEqual([
      'kind-highlight',
      'kind-note',
      'annotation-kind',
    ]);
  });
});
