// The search box's filters as data: what the user chose, the query they make, and the
// chips that show them, each chip knowing the filters without it, so the window can say
// what a filter hides ("12 results hidden by 3 filters") and remove it in one click.
import type { AnnotationKind } from '../../../shared/model';
import type { SearchKind } from '../../../shared/methods/search';
import type { SearchQuery } from '../store/views/search';
import { kindLabel, defaultCodebook } from '../../../shared/codebook/codebook';
import { SEARCH_KIND_LABELS } from './labels';

const DEFAULT_CODEBOOK = defaultCodebook();
const defaultKindName = (kind: string): string => kindLabel(DEFAULT_CODEBOOK, kind);

export interface SearchFilters {
  kinds: SearchKind[];
  thisDocument: boolean;
  /** A highlight kind's id, or '' for any. */
  annotationKind: AnnotationKind;
  entityId: string;
  /** A code of the codebook: highlights carrying it or one filed under it. */
  code?: string;
}

export const NO_FILTERS: SearchFilters = {
  kinds: [],
  thisDocument: false,
  annotationKind: '',
  entityId: '',
};

/** What the filters can refer to now: a filter naming neither is not applied. */
export interface FilterContext {
  currentDocumentId: string | null;
  entityName: (id: string) => string | undefined;
  /** A highlight kind's name in the codebook (user kinds included); the id without one. */
  kindName?: (kind: string) => string;
  /** A code's place in the hierarchy ("Accountability / Trial"), for its chip. */
  codePath?: (code: string) => string;
}

export function searchQuery(
  query: string,
  filters: SearchFilters,
  context: FilterContext,
  limit: number,
): SearchQuery {
  const { kinds, thisDocument, annotationKind, entityId, code } = filters;
  return {
    query,
    limit,
    ...(kinds.length ? { kinds } : {}),
    ...(thisDocument && context.currentDocumentId ? { documentId: context.currentDocumentId } : {}),
    ...(annotationKind ? { annotationKind } : {}),
    ...(entityId && context.entityName(entityId) !== undefined ? { entityId } : {}),
    ...(code ? { code } : {}),
  };
}

export interface FilterChip {
  id: string;
  label: string;
  /** The filters with this one taken away. */
  without: SearchFilters;
}

/** One chip per filter that applies now, in the order the controls show them. */
export function filterChips(filters: SearchFilters, context: FilterContext): FilterChip[] {
  const chips: FilterChip[] = filters.kinds.map((kind) => ({
    id: `kind-${kind}`,
    label: SEARCH_KIND_LABELS[kind],
    without: { ...filters, kinds: filters.kinds.filter((k) => k !== kind) },
  }));
  if (filters.thisDocument && context.currentDocumentId)
    chips.push({
      id: 'this-document',
      label: 'This document',
      without: { ...filters, thisDocument: false },
    });
  if (filters.annotationKind)
    chips.push({
      id: 'annotation-kind',
      label: `Kind: ${(context.kindName ?? defaultKindName)(filters.annotationKind)}`,
      without: { ...filters, annotationKind: '' },
    });
  const entity = filters.entityId ? context.entityName(filters.entityId) : undefined;
  if (entity !== undefined)
    chips.push({ id: 'entity', label: `Entity: ${entity}`, without: { ...filters, entityId: '' } });
  if (filters.code)
    chips.push({
      id: 'code',
      label: `Code: ${context.codePath?.(filters.code) ?? filters.code}`,
      without: { ...filters, code: '' },
    });
  return chips;
}
