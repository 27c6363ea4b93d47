// Handlers for highlights. The quote selector is always computed here from the stored
// text, never taken from the caller, so a highlight cannot claim words it does not cover.
// Every check runs inside the command that writes, so nothing can change in between.
import type { NamespaceHandlers } from '../../shared/api';
import { interchangeHandlers, type InterchangeOptions } from './interchange-handlers';
import { lookupHandlers } from './lookups';
import { regionHandlers } from './region';
import { reviewHandlers } from './review';
import { describeRange, tidyRange } from '../../shared/anchoring';
import type { Annotation } from '../../shared/model';
import type { CoreContext } from '../context';
import { notFound, WorkbenchError } from '../../shared/errors';
import { unlinkFromNotes } from '../notes/note-refs';
import { requireKind } from '../codebook/handlers';
import { unlinkHighlights } from '../links/handlers';
import type { Tx } from '../store/tx';

const unique = (ids: readonly string[]): string[] => [...new Set(ids)];

export function requireEntities(tx: Tx, ids: readonly string[]): void {
  const known = new Set(tx.entities.map((e) => e.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length) throw notFound('entity', missing.join('", "'));
}

export function annotationsHandlers(
  ctx: CoreContext,
  interchange: InterchangeOptions = {},
): NamespaceHandlers<'annotations'> {
  return {
    ...lookupHandlers(ctx),
    ...reviewHandlers(ctx),
    ...interchangeHandlers(ctx, interchange),
    ...regionHandlers(ctx),
    'annotations.create': (input) =>
      ctx.command('Create highlight', (tx) => {
        const { document } = tx.document(input.documentId);
        const { text } = document;
        if (input.end > text.length) {
          throw new WorkbenchError(
            'INVALID_INPUT',
            `The selection ends at ${input.end}, past the end of the document (${text.length}).`,
          );
        }
        const range = tidyRange(text, input.start, input.end);
        if (!range)
          throw new WorkbenchError('INVALID_INPUT', 'The selection holds only white space.');
        requireEntities(tx, input.entityIds);
        requireKind(tx, input.kind);
        const annotation: Annotation = {
          id: ctx.newId('ann'),
          documentId: input.documentId,
          target: describeRange(text, range.start, range.end),
          entityIds: unique(input.entityIds),
          tags: unique(input.tags),
          kind: input.kind,
          note: input.note,
          status: 'anchored',
          anchoredRevision: document.revision,
          createdAt: tx.now,
          updatedAt: tx.now,
        };
        tx.setAnnotation(input.documentId, annotation.id, annotation);
        return annotation;
      }),

    'annotations.update': ({ id, patch }) =>
      ctx.command('Edit highlight', (tx) => {
        const current = tx.annotation(id);
        if (patch.entityIds) requireEntities(tx, patch.entityIds);
        if (patch.kind !== undefined) requireKind(tx, patch.kind);
        const updated: Annotation = {
          ...current,
          ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
          ...(patch.note !== undefined ? { note: patch.note } : {}),
          ...(patch.entityIds !== undefined ? { entityIds: unique(patch.entityIds) } : {}),
          ...(patch.tags !== undefined ? { tags: unique(patch.tags) } : {}),
          updatedAt: tx.now,
        };
        tx.setAnnotation(current.documentId, id, updated);
        return updated;
      }),

    'annotations.delete': ({ id }) =>
      ctx.command('Delete highlight', (tx) => {
        const current = tx.annotation(id);
        tx.setAnnotation(current.documentId, id, undefined);
        unlinkFromNotes(tx, { annotationIds: new Set([id]) });
        // Its links to other highlights go in the same command (and come back with an undo).
        unlinkHighlights(tx, new Set([id]));
        return { id };
      }),
  };
}
