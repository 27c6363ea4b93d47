// The search view: results keyed by the query and its filters (the search box, and the
// highlight picker that links a highlight to a note). Anything searchable may have
// changed with any change of content, so results are stale on every content topic.
import type { SearchInput, SearchResult } from '../../../../shared/methods/search';
import type { z } from 'zod';
import type { State } from '../index';
import { anyContent } from './changed';
import type { ViewEntry, ViewSpec } from './view-cache';

export type SearchQuery = z.input<typeof SearchInput>;

export function searchKey(q: SearchQuery): string {
  return JSON.stringify([
    q.query.trim(),
    [...(q.kinds ?? [])].sort(),
    q.entityId ?? '',
    q.documentId ?? '',
    q.annotationKind ?? '',
    q.limit ?? 0,
  ]);
}

export const searchView: ViewSpec<SearchQuery, SearchResult> = {
  key: searchKey,
  staleAfter: (event) => anyContent(event),
  keep: 30,
};

export const selectSearch = (
  state: State,
  query: SearchQuery,
): ViewEntry<SearchQuery, SearchResult> | undefined => state.views.search[searchKey(query)];
