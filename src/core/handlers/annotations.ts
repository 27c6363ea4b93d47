// Handlers for highlights. The quote selector is always computed here from the stored
// text, never taken from the caller, so a highlight cannot claim words it does not cover.
import type { WorkbenchHandlers } from '../../shared/api';
import { describeRange, tidyRange } from '../../shared/anchoring';
import type { Annotation } from '../../shared/model';
import type { CoreContext } from '../context';
import { WorkbenchError } from '../errors';

type Handlers = Pick<
  WorkbenchHandlers,
  'annotations.create' | 'annotations.update' | 'annotations.delete' | 'annotations.byEntity'
>;

const unique = (ids: readonly string[]): string[] => [...new Set(ids)];

export function annotationHandlers(ctx: CoreContext): Handlers {
  return {
    'annotations.create': async (input) => {
      const db = ctx.document(input.documentId);
      const { text } = db.data.document;
      if (input.end > text.length) {
        throw new WorkbenchError(
          'INVALID_INPUT',
          `The selection ends at ${input.end}, past the end of the document (${text.length}).`,
        );
      }
      const range = tidyRange(text, input.start, input.end);
      if (!range)
        throw new WorkbenchError('INVALID_INPUT', 'The selection holds only white space.');
      ctx.requireEntities(input.entityIds);
      const now = ctx.now();
      const annotation: Annotation = {
        id: ctx.newId('ann'),
        documentId: input.documentId,
        target: describeRange(text, range.start, range.end),
        entityIds: unique(input.entityIds),
        tags: unique(input.tags),
        kind: input.kind,
        note: input.note,
        status: 'anchored',
        createdAt: now,
        updatedAt: now,
      };
      await db.update((file) => {
        file.annotations.push(annotation);
      });
      ctx.index.putAnnotation(annotation);
      ctx.emit('annotations', input.documentId);
      return annotation;
    },

    'annotations.update': async ({ id, patch }) => {
      const { db } = ctx.annotationHome(id);
      if (patch.entityIds) ctx.requireEntities(patch.entityIds);
      const updated = await db.update((file) => {
        const target = file.annotations.find((a) => a.id === id);
        if (!target) throw new WorkbenchError('NOT_FOUND', `Highlight "${id}" was deleted.`);
        if (patch.kind !== undefined) target.kind = patch.kind;
        if (patch.note !== undefined) target.note = patch.note;
        if (patch.entityIds !== undefined) target.entityIds = unique(patch.entityIds);
        if (patch.tags !== undefined) target.tags = unique(patch.tags);
        target.updatedAt = ctx.now();
        return target;
      });
      ctx.index.putAnnotation(updated);
      ctx.emit('annotations', updated.documentId);
      return updated;
    },

    'annotations.delete': async ({ id }) => {
      const { db, annotation } = ctx.annotationHome(id);
      await db.update((file) => {
        file.annotations = file.annotations.filter((a) => a.id !== id);
      });
      ctx.index.removeAnnotation(id);
      ctx.emit('annotations', annotation.documentId);
      return { id };
    },

    'annotations.byEntity': ({ entityId }) => {
      ctx.requireEntities([entityId]);
      const passages = [];
      for (const { annotation, title } of ctx.allAnnotations()) {
        if (annotation.entityIds.includes(entityId))
          passages.push({ annotation, documentTitle: title });
      }
      passages.sort(
        (a, b) =>
          a.documentTitle.localeCompare(b.documentTitle) ||
          a.annotation.target.position.start - b.annotation.target.position.start,
      );
      return Promise.resolve(passages);
    },
  };
}
