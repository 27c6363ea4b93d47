// Read-only lookups of highlights across every document: the workspace's free-text tags
// with how many highlights carry each, the highlights under one tag, and highlights by id
// (a note's linked highlights). Each is one pass over the highlights in memory.
import type { EntityPassage, TagCount, WorkbenchHandlers } from '../../shared/api';
import type { CoreContext } from '../context';

type Handlers = Pick<WorkbenchHandlers, 'tags.list' | 'annotations.byTag' | 'annotations.byIds'>;

/** Document title, then place in the text: the order a reader meets the passages in. */
const byPlace = (a: EntityPassage, b: EntityPassage): number =>
  a.documentTitle.localeCompare(b.documentTitle) ||
  a.annotation.target.position.start - b.annotation.target.position.start;

export function lookupHandlers(ctx: CoreContext): Handlers {
  return {
    'tags.list': () => {
      const counts = new Map<string, number>();
      for (const { annotation } of ctx.allAnnotations()) {
        for (const tag of annotation.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      }
      const list: TagCount[] = [...counts].map(([tag, count]) => ({ tag, count }));
      list.sort((a, b) => a.tag.localeCompare(b.tag));
      return Promise.resolve(list);
    },

    'annotations.byTag': ({ tag }) => {
      const passages: EntityPassage[] = [];
      for (const { annotation, title } of ctx.allAnnotations()) {
        if (annotation.tags.includes(tag)) passages.push({ annotation, documentTitle: title });
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
