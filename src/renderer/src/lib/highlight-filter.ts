// Which of a document's highlights the list shows, and in what order: filtered by kind,
// entity, tag (a code takes in the codes filed under it) and status, sorted by place in the
// text or by date.
import { codeKey, codeNamed, tagged, tagsUnder } from '../../../shared/codebook/code-tree';
import type { Annotation, AnnotationKind, AnchorStatus, Codebook } from '../../../shared/model';

export const HIGHLIGHT_SORTS = ['position', 'newest', 'oldest'] as const;
export type HighlightSort = (typeof HIGHLIGHT_SORTS)[number];

export interface HighlightFilter {
  kind: AnnotationKind | null;
  entityId: string | null;
  tag: string | null;
  status: AnchorStatus | null;
  sort: HighlightSort;
}

export const NO_FILTER: HighlightFilter = {
  kind: null,
  entityId: null,
  tag: null,
  status: null,
  sort: 'position',
};

export function isFiltered(filter: HighlightFilter): boolean {
  return (
    filter.kind !== null ||
    filter.entityId !== null ||
    filter.tag !== null ||
    filter.status !== null
  );
}

const byPosition = (a: Annotation, b: Annotation): number =>
  a.target.position.start - b.target.position.start ||
  a.target.position.end - b.target.position.end;

export function filterHighlights(
  annotations: readonly Annotation[],
  filter: HighlightFilter,
  codebook?: Codebook,
): Annotation[] {
  const under =
    filter.tag === null
      ? null
      : codebook
        ? tagsUnder(codebook, filter.tag)
        : new Set([codeKey(filter.tag)]);
  const shown = annotations.filter(
    (a) =>
      (filter.kind === null || a.kind === filter.kind) &&
      (filter.entityId === null || a.entityIds.includes(filter.entityId)) &&
      (under === null || tagged(a.tags, under)) &&
      (filter.status === null || a.status === filter.status),
  );
  switch (filter.sort) {
    case 'position':
      return shown.sort(byPosition);
    case 'newest':
      return shown.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || byPosition(a, b));
    case 'oldest':
      return shown.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || byPosition(a, b));
  }
}

/**
 * The tags and entities the document's highlights use, for the filter's choices; with the
 * codebook, the codes the tags are filed under too (choosing one takes in its children).
 */
export function filterChoices(
  annotations: readonly Annotation[],
  codebook?: Codebook,
): {
  tags: string[];
  entityIds: string[];
} {
  const tags = new Set<string>();
  const entityIds = new Set<string>();
  for (const a of annotations) {
    for (const tag of a.tags) tags.add(tag);
    for (const id of a.entityIds) entityIds.add(id);
  }
  if (codebook)
    for (const tag of [...tags]) {
      const seen = new Set<string>();
      for (let c = codeNamed(codebook, tag); c?.parentId && !seen.has(c.parentId);) {
        seen.add(c.parentId);
        c = codebook.codes.find((x) => x.id === c!.parentId);
        if (c) tags.add(c.name);
      }
    }
  return { tags: [...tags].sort((x, y) => x.localeCompare(y)), entityIds: [...entityIds] };
}
