// What the import worker does for an annotations import (src/core/importers/parse-worker.ts
// hands these requests here): read the file, or place its annotations one by one, telling
// the serving thread after each, so that it can stop one that runs over its budget.
import { WorkbenchError } from '../../../shared/errors';
import { placeOne } from './place';
import { readAnnotationsFile } from './read-annotations';
import type { AnnotationsReply, AnnotationsRequest } from './worker-messages';

export function serveAnnotations(
  request: AnnotationsRequest,
  post: (reply: AnnotationsReply) => void,
): void {
  try {
    if (request.kind === 'read-annotations') {
      post({ kind: 'annotations', file: readAnnotationsFile(request.json) });
      return;
    }
    const documents = new Map(request.documents.map((d) => [d.id, d]));
    post({ kind: 'ready' });
    for (const task of request.tasks) {
      const placement = placeOne(task, documents.get(task.documentId)!);
      post({ kind: 'placed', index: task.index, placement });
    }
  } catch (error) {
    if (error instanceof WorkbenchError) post({ kind: 'refused', message: error.message });
    else
      post({
        kind: 'failed',
        detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
  }
}
