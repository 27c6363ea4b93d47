// Reviewing highlights that re-anchoring could not place for certain: confirm a fuzzy one
// where it was found, or re-attach a fuzzy or orphaned one to a new selection.
import type { WorkbenchHandlers } from '../../shared/api';
import { describeRange, tidyRange } from '../../shared/anchoring';
import { WorkbenchError } from '../../shared/errors';
import type { Annotation } from '../../shared/model';
import type { CoreContext } from '../context';
import type { Tx } from '../store/tx';

type Handlers = Pick<WorkbenchHandlers, 'annotations.accept' | 'annotations.reattach'>;

export function reviewHandlers(ctx: CoreContext): Handlers {
  return {
    'annotations.accept': ({ id }) =>
      ctx.command('Accept highlight', (tx) => {
        const current = tx.annotation(id);
        if (current.status === 'orphaned') {
          throw new WorkbenchError(
            'INVALID_INPUT',
            'This highlight’s passage was not found: select its new place to re-attach it, or delete it.',
          );
        }
        const { document } = tx.document(current.documentId);
        const { start, end } = current.target.position;
        return settle(tx, current, describeRange(document.text, start, end), document.revision);
      }),

    'annotations.reattach': ({ id, start, end }) =>
      ctx.command('Re-attach highlight', (tx) => {
        const current = tx.annotation(id);
        const { document } = tx.document(current.documentId);
        const range = end <= document.text.length ? tidyRange(document.text, start, end) : null;
        if (!range) {
          throw new WorkbenchError(
            'INVALID_INPUT',
            'Select the passage in the current text to re-attach this highlight to.',
          );
        }
        const target = describeRange(document.text, range.start, range.end);
        return settle(tx, current, target, document.revision);
      }),
  };
}

/** The highlight confirmed at `target`: its quote is now the text there, anchored. */
function settle(
  tx: Tx,
  current: Annotation,
  target: Annotation['target'],
  revision: number,
): Annotation {
  const { confidence: _dropped, ...rest } = current;
  const next: Annotation = {
    ...rest,
    target,
    status: 'anchored',
    anchoredRevision: revision,
    updatedAt: tx.now,
  };
  tx.setAnnotation(current.documentId, current.id, next);
  return next;
}
