// What the core tells every window after a change is on disk: the records as they are now
// and the ids of those that went, so a window's store applies the change without asking
// again. One event per command (or undo, redo, remote change), built from the command's
// record operations; `reset` when the whole workspace was replaced (a repair).
import type { Annotation, Codebook, Document, HighlightLink, Note } from './model';
import type { DocumentListItem } from './methods/documents';
import type { EntityWithUsage } from './methods/entities';
import type { HistoryInfo } from './methods/history';
import type { TagCount } from './methods/tags';

export interface Changes<T, R = string> {
  put: T[];
  removed: R[];
}

export interface WorkbenchEvent {
  type: 'changed';
  /** The workspace was replaced as a whole (repaired, reopened): everything is stale. */
  reset?: true;
  /** Entities created or edited, and those whose usage changed because highlights did. */
  entities: Changes<EntityWithUsage>;
  notes: Changes<Note>;
  /** The library's entries of documents added, removed, or whose highlight count changed. */
  documents: Changes<DocumentListItem>;
  /** Document records (text, blocks, details) that changed: an open view takes them. */
  documentRecords: Document[];
  annotations: Changes<Annotation, { id: string; documentId: string }>;
  /**
   * Entities tagged on a highlight that changed, before or after the change: views built
   * on an entity's passages (dossier, mentions, co-occurrence) are stale for these.
   */
  touchedEntities: string[];
  /** Free-text tags whose count changed; a count of 0 means the tag is gone. */
  tags: TagCount[];
  /** The whole codebook (kinds, codes, relations) as it is now, when it changed. */
  codebook?: Codebook;
  /** Links between highlights made, edited or removed. */
  links?: Changes<HighlightLink>;
  history: HistoryInfo;
}

export type ChangeEvent = WorkbenchEvent;

/** An event with no records: `reset` says everything may have changed. */
export function emptyEvent(history: HistoryInfo, reset = false): WorkbenchEvent {
  return {
    type: 'changed',
    ...(reset ? { reset: true as const } : {}),
    entities: { put: [], removed: [] },
    notes: { put: [], removed: [] },
    documents: { put: [], removed: [] },
    documentRecords: [],
    annotations: { put: [], removed: [] },
    touchedEntities: [],
    tags: [],
    history,
  };
}

/** Which kinds of record an event changed: what derived views are invalidated by. */
export type ChangeTopic =
  'entities' | 'notes' | 'documents' | 'annotations' | 'tags' | 'codebook' | 'links';

export function topicsOf(event: WorkbenchEvent): Set<ChangeTopic> {
  const topics = new Set<ChangeTopic>();
  if (event.reset)
    return new Set(['entities', 'notes', 'documents', 'annotations', 'tags', 'codebook', 'links']);
  if (event.entities.put.length || event.entities.removed.length) topics.add('entities');
  if (event.notes.put.length || event.notes.removed.length) topics.add('notes');
  if (event.documents.put.length || event.documents.removed.length || event.documentRecords.length)
    topics.add('documents');
  if (event.annotations.put.length || event.annotations.removed.length) topics.add('annotations');
  if (event.tags.length) topics.add('tags');
  if (event.codebook) topics.add('codebook');
  if (event.links?.put.length || event.links?.removed.length) topics.add('links');
  return topics;
}
