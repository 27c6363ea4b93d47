// annotations.createRegion: an area of a PDF page highlighted (a table, a photo, a
// signature), kept as the page and the box in PDF units. Its place in the text is where
// that page's text starts (so it sorts and cites with its page), with an empty quote: it
// claims no words, and every check of quotes passes it by what it is.
import type { WorkbenchHandlers } from '../../shared/api';
import { CONTEXT_LENGTH } from '../../shared/anchoring';
import { WorkbenchError } from '../../shared/errors';
import type { Annotation, Document } from '../../shared/model';
import type { CoreContext } from '../context';
import { requireEntities } from './handlers';

type Handlers = Pick<WorkbenchHandlers, 'annotations.createRegion'>;

/** Where the text of `page` starts: its first block, or the next page's, or the end. */
export function pageOffset(document: Document, page: number): number {
  const block = document.blocks.find((b) => b.page !== undefined && b.page >= page);
  return block ? block.start : document.text.length;
}

export function regionHandlers(ctx: CoreContext): Handlers {
  return {
    'annotations.createRegion': (input) =>
      ctx.command('Highlight an area', (tx) => {
        const { document } = tx.document(input.documentId);
        if (!document.blocks.some((b) => b.page !== undefined))
          throw new WorkbenchError(
            'INVALID_INPUT',
            `“${document.title}” has no pages: an area can be highlighted on a PDF's page only.`,
          );
        requireEntities(tx, input.entityIds);
        const at = pageOffset(document, input.region.page);
        const { text } = document;
        const annotation: Annotation = {
          id: ctx.newId('ann'),
          documentId: document.id,
          target: {
            position: { type: 'TextPositionSelector', start: at, end: at },
            quote: {
              type: 'TextQuoteSelector',
              exact: '',
              prefix: text.slice(Math.max(0, at - CONTEXT_LENGTH), at),
              suffix: text.slice(at, at + CONTEXT_LENGTH),
            },
            region: input.region,
          },
          entityIds: [...new Set(input.entityIds)],
          tags: [...new Set(input.tags)],
          kind: input.kind,
          note: input.note,
          status: 'anchored',
          anchoredRevision: document.revision,
          createdAt: tx.now,
          updatedAt: tx.now,
        };
        tx.setAnnotation(document.id, annotation.id, annotation);
        return annotation;
      }),
  };
}
