// What one committed operation does to the search index, as steps (IndexService runs them
// a turn at a time). Operations are indexed in order, so a later change to a document being
// indexed in steps waits for them and then replaces what they wrote; a document re-read
// meanwhile by the freshness check (`IndexService.refresh`) stops them instead.
import type { Op } from '../store/tx';
import type { SearchIndex } from './search-index';

export function* opSteps(index: SearchIndex, op: Op): Generator<void, void, void> {
  switch (op.kind) {
    case 'entity':
      if (op.after) index.putEntity(op.after);
      else index.removeEntity(op.id);
      break;
    case 'annotation':
      if (op.after) index.putAnnotation(op.after);
      else index.removeAnnotation(op.id, op.documentId);
      break;
    case 'document':
      if (op.after) yield* index.putDocumentSteps(op.after);
      break;
    case 'file':
      if (op.after) {
        // Stopped by a newer version of the document: its highlights came with that.
        if (!(yield* index.putDocumentSteps(op.after.document))) return;
        for (const a of op.after.annotations) index.putAnnotation(a);
      } else {
        index.removeDocument(op.id);
        for (const a of op.before?.annotations ?? []) index.removeAnnotation(a.id, op.id);
      }
      break;
    case 'note':
      if (op.after) index.putNote(op.after);
      else index.removeNote(op.id);
      break;
  }
}
