// The messages between the serving thread and the import worker for an annotations import:
// reading the file (JSON and the readers' checks run there, off the serving thread), and
// placing its annotations, one reply per annotation, so the serving thread knows which one
// is running and can stop it when it runs over its budget.
import type { Placement, PlaceDocument, PlaceTask } from './place';
import type { AnnotationsFile } from './read-annotations';

export type AnnotationsRequest =
  | { kind: 'read-annotations'; json: string }
  | { kind: 'place'; documents: PlaceDocument[]; tasks: PlaceTask[] };

export type AnnotationsReply =
  | { kind: 'annotations'; file: AnnotationsFile }
  /** The file is refused (a WorkbenchError's message: nothing is imported). */
  | { kind: 'refused'; message: string }
  /** The documents arrived and placing starts: each annotation's budget runs from here. */
  | { kind: 'ready' }
  | { kind: 'placed'; index: number; placement: Placement }
  /** A bug: logged with its stack. */
  | { kind: 'failed'; detail: string };
