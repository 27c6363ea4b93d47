// Read-only lookups of highlights across documents: those tagged to an entity, those under
// one free-text tag, and highlights by id (a note's linked highlights). Each reads only the
// documents that hold them (the tag index and the catalog say which), never every one.
import type { EntityPassage, WorkbenchHandlers } from '../../shared/api';
import { notFound } from '../../shared/errors';
import type { Annotation } from '../../shared/model';
import type { CoreContext } from '../context';
import { tagged, tagsUnder } from '../../shared/codebook/code-tree';
import { documentsTaggedUnder } from '../codebook/retag';
import type { Tx } from '../store/tx';

type Handlers = Pick<
  WorkbenchHandlers,
  'annotations.byEntity' | 'annotations.byTag' | 'annotations.byIds'
>;

/** Document title, then place in the text: the order a reader meets the passages in. */
export const byPlace = (a: EntityPassage, b: EntityPassage): number =>
  a.documentTitle.localeCompare(b.documentTitle) ||
  a.annotation.target.position.start - b.annotation.target.position.start;

/** The highlights of `documentIds` that pass `keep`, with their documents' titles. */
function passages(
  tx: Tx,
  documentIds: Iterable<string>,
  keep: (a: Annotation) => boolean,
): EntityPassage[] {
  const out: EntityPassage[] = [];
  for (const { document, annotations } of tx.documentsOf(documentIds)) {
    for (const annotation of annotations)
      if (keep(annotation)) out.push({ annotation, documentTitle: document.title });
  }
  return out;
}

export function lookupHandlers(ctx: CoreContext): Handlers {
  return {
    'annotations.byEntity': ({ entityId }) =>
      ctx.read((tx) => {
        if (!tx.entities.some((e) => e.id === entityId)) throw notFound('entity', entityId);
        const within = ctx.tags.documentsTagging([entityId]);
        return passages(tx, within, (a) => a.entityIds.includes(entityId)).sort(byPlace);
      }),

    'annotations.byTag': ({ tag }) =>
      ctx.read((tx) => {
        // A code takes in the codes filed under it (src/shared/codebook/code-tree.ts).
        const under = tagsUnder(tx.codebook, tag);
        const within = documentsTaggedUnder(tx, under);
        return passages(tx, within, (a) => tagged(a.tags, under)).sort(byPlace);
      }),

    'annotations.byIds': ({ ids }) =>
      ctx.read((tx) => {
        const homes = new Set(ids.flatMap((id) => ctx.store.catalog.documentOf(id) ?? []));
        const wanted = new Set(ids);
        const found = new Map(
          passages(tx, homes, (a) => wanted.has(a.id)).map((p) => [p.annotation.id, p]),
        );
        return ids.flatMap((id) => found.get(id) ?? []);
      }),
  };
}
