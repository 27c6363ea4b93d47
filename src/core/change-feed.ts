// The change feed: after every commit, one event for every host, carrying the records as
// they are now and the ids of those that went (see src/shared/change-event.ts). Built from
// the commit's record operations, like the index update and the undo step, so a command,
// its undo, its redo and a remote change all reach the windows the same way.
import { emptyEvent, type WorkbenchEvent } from '../shared/change-event';
import type { DocumentListItem, HistoryInfo } from '../shared/api';
import { defaultCodebook } from '../shared/codebook/codebook';
import type { Annotation, Document, Entity, HighlightLink } from '../shared/model';
import type { Op } from './store/tx';

export type Listener = (event: WorkbenchEvent) => void;

/** What the feed reads of the workspace as it is after the commit. */
export interface FeedSource {
  entity(id: string): Entity | undefined;
  usageOf(entityId: string): number;
  tagCount(tag: string): number;
  documentItem(id: string): DocumentListItem | undefined;
  history(): HistoryInfo;
}

/** A document as the library lists it. */
export const documentItem = (
  document: Pick<Document, 'id' | 'title' | 'createdAt' | 'source'>,
  annotationCount: number,
): DocumentListItem => ({
  id: document.id,
  title: document.title,
  createdAt: document.createdAt,
  annotationCount,
  ...(document.source.language ? { language: document.source.language } : {}),
  ...(document.source.direction ? { direction: document.source.direction } : {}),
});

const differ = (a: readonly string[], b: readonly string[]): boolean =>
  a.length !== b.length || a.some((x) => !b.includes(x));

export class ChangeFeed {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly source: FeedSource) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: WorkbenchEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** The whole workspace was replaced (a repair): every window loads it again. */
  reset(): void {
    this.emit(emptyEvent(this.source.history(), true));
  }

  /** Only the history changed (nothing was written). */
  historyChanged(): void {
    this.emit(this.empty());
  }

  announce(ops: readonly Op[]): void {
    this.emit(this.eventOf(ops));
  }

  private empty(): WorkbenchEvent {
    return emptyEvent(this.source.history());
  }

  eventOf(ops: readonly Op[]): WorkbenchEvent {
    const event = this.empty();
    const entities = new Map<string, Entity | null>();
    const usageChanged = new Set<string>();
    const touched = new Set<string>();
    const tags = new Set<string>();
    const listed = new Set<string>();
    const removedDocs = new Set<string>();
    const annotations = new Map<string, Annotation | { id: string; documentId: string }>();
    const links = new Map<string, HighlightLink | null>();

    const highlight = (before: Annotation | undefined, after: Annotation | undefined): void => {
      const was = before?.entityIds ?? [];
      const now = after?.entityIds ?? [];
      for (const id of [...was, ...now]) touched.add(id);
      if (!before || !after || differ(was, now))
        for (const id of [...was, ...now]) usageChanged.add(id);
      const wasTags = before?.tags ?? [];
      const nowTags = after?.tags ?? [];
      if (!before || !after || differ(wasTags, nowTags))
        for (const tag of [...wasTags, ...nowTags]) tags.add(tag);
    };

    for (const op of ops) {
      switch (op.kind) {
        case 'entity':
          entities.set(op.id, op.after ?? null);
          break;
        case 'note':
          if (op.after) event.notes.put.push(op.after);
          else event.notes.removed.push(op.id);
          break;
        case 'codebook':
          // Back to no codebook of its own (an undo) means back to the default one.
          event.codebook = op.after ?? defaultCodebook();
          break;
        case 'link':
          links.set(op.id, op.after ?? null);
          break;
        case 'annotation':
          highlight(op.before, op.after);
          annotations.set(op.id, op.after ?? { id: op.id, documentId: op.documentId });
          if (!op.before || !op.after) listed.add(op.documentId);
          break;
        case 'document':
          if (op.after) {
            event.documentRecords.push(op.after);
            listed.add(op.id);
          }
          break;
        case 'file':
          for (const a of op.before?.annotations ?? []) {
            highlight(a, undefined);
            annotations.set(a.id, { id: a.id, documentId: a.documentId });
          }
          for (const a of op.after?.annotations ?? []) {
            highlight(undefined, a);
            annotations.set(a.id, a);
          }
          if (op.after) listed.add(op.id);
          else removedDocs.add(op.id);
          break;
      }
    }
    for (const value of annotations.values()) {
      if ('target' in value) event.annotations.put.push(value);
      else event.annotations.removed.push(value);
    }
    // Entities edited here, then those whose usage changed because their highlights did.
    for (const [id, entity] of entities) {
      if (entity) event.entities.put.push({ ...entity, usage: this.source.usageOf(id) });
      else event.entities.removed.push(id);
    }
    for (const id of usageChanged) {
      const entity = entities.has(id) ? undefined : this.source.entity(id);
      if (entity) event.entities.put.push({ ...entity, usage: this.source.usageOf(id) });
    }
    for (const id of listed) {
      if (removedDocs.has(id)) continue;
      const item = this.source.documentItem(id);
      if (item) event.documents.put.push(item);
    }
    event.documents.removed.push(...removedDocs);
    if (links.size) {
      event.links = { put: [], removed: [] };
      for (const [id, link] of links) {
        if (link) event.links.put.push(link);
        else event.links.removed.push(id);
      }
    }
    event.touchedEntities = [...touched];
    event.tags = [...tags].map((tag) => ({ tag, count: this.source.tagCount(tag) }));
    return event;
  }
}
