// Read-only lookups of highlights across every document: those tagged to an entity, those
// under one free-text tag, and highlights by id (a note's linked highlights).
import type { EntityPassage, WorkbenchHandlers } from '../../shared/api';
import { notFound } from '../../shared/errors';
import type { CoreContext } from '../context';
import { codebookOf } from '../../shared/codebook/codebook';
import { tagged, tagsUnder } from '../../shared/codebook/code-tree';

type Handlers = Pick<
  WorkbenchHandlers,
  'annotations.byEntity' | 'annotations.byTag' | 'annotations.byIds'
>;

/** Document title, then place in the text: the order a reader meets the passages in. */
const byPlace = (a: EntityPassage, b: EntityPassage): number =>
  a.documentTitle.localeCompare(b.documentTitle) ||
  a.annotation.target.position.start - b.annotation.target.position.start;

export function lookupHandlers(ctx: CoreContext): Handlers {
  return {
    'annotations.byEntity': ({ entityId }) => {
      if (!ctx.store.state.workspace.entities.some((e) => e.id === entityId))
        return Promise.reject(notFound('entity', entityId));
      const passages = [];
      for (const { annotation, title } of ctx.allAnnotations()) {
        if (annotation.entityIds.includes(entityId))
          passages.push({ annotation, documentTitle: title });
      }
      return Promise.resolve(passages.sort(byPlace));
    },
    'annotations.byTag': ({ tag }) => {
      // A code takes in the codes filed under it (src/shared/codebook/code-tree.ts).
      const under = tagsUnder(codebookOf(ctx.store.state.workspace), tag);
      const passages: EntityPassage[] = [];
      for (const { annotation, title } of ctx.allAnnotations()) {
        if (tagged(annotation.tags, under)) passages.push({ annotation, documentTitle: title });
      }
      return Promise.resolve(passages.sort(byPlace));
    },

    'annotations.byIds': ({ ids }) => {
      const wanted = new Set(ids);
      const found = new Map<string, EntityPassage>();
      for (const { annotation, title } of ctx.allAnnotations()) {
        if (wanted.has(annotation.id))
          found.set(annotation.id, { annotation, documentTitle: title });
      }
      return Promise.resolve(ids.flatMap((id) => found.get(id) ?? []));
    },
  };
}
