// What every group of handlers shares: the open store, the change feed, and the small
// helpers for ids, clocks and lookups that would otherwise be written in each of them.
import { randomBytes } from 'node:crypto';
import type { ChangeTopic, WorkbenchEvent } from '../shared/api';
import type { Annotation, DocumentFile } from '../shared/model';
import { notFound, WorkbenchError } from './errors';
import type { JsonDb } from './json-db';
import { SearchIndex } from './search-index';
import type { WorkspaceStore } from './workspace-store';

export type Listener = (event: WorkbenchEvent) => void;

export class CoreContext {
  private readonly listeners = new Set<Listener>();
  readonly index = new SearchIndex();
  /** Resolves once every record in the store is in the search index. */
  readonly indexReady: Promise<void>;

  constructor(readonly store: WorkspaceStore) {
    this.indexReady = this.buildIndex();
  }

  /**
   * Indexes the workspace in slices, yielding between them, so a large workspace is
   * readable and editable at once while its index is built. Changes made meanwhile go
   * through the same put/remove calls, and each document is indexed from its current
   * data, so nothing is indexed twice or stale.
   */
  private async buildIndex(): Promise<void> {
    for (const entity of this.store.workspace.data.entities) this.index.putEntity(entity);
    let done = 0;
    for (const db of [...this.store.documents.values()]) {
      this.index.putDocument(db.data.document);
      for (const annotation of db.data.annotations) this.index.putAnnotation(annotation);
      if (++done % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  titleOf(documentId: string): string | undefined {
    return this.store.documents.get(documentId)?.data.document.title;
  }

  newId(prefix: string): string {
    return `${prefix}_${randomBytes(12).toString('base64url')}`;
  }

  now(): string {
    return new Date().toISOString();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells every host that data changed; called only after the change is on disk. */
  emit(topic: ChangeTopic, documentId?: string): void {
    const event: WorkbenchEvent = documentId
      ? { type: 'changed', topic, documentId }
      : { type: 'changed', topic };
    for (const listener of this.listeners) listener(event);
  }

  document(id: string): JsonDb<DocumentFile> {
    const db = this.store.documents.get(id);
    if (db) return db;
    const broken = this.store.unreadable.find((d) => d.id === id);
    if (broken) {
      throw new WorkbenchError(
        'READ_ONLY',
        `documents/${id}.json cannot be opened: ${broken.reason}`,
      );
    }
    throw notFound('document', id);
  }

  /** The document file holding an annotation, found by scanning (ids are unique). */
  annotationHome(id: string): { db: JsonDb<DocumentFile>; annotation: Annotation } {
    for (const db of this.store.documents.values()) {
      const annotation = db.data.annotations.find((a) => a.id === id);
      if (annotation) return { db, annotation };
    }
    throw notFound('highlight', id);
  }

  *allAnnotations(): Iterable<{ annotation: Annotation; title: string }> {
    for (const db of this.store.documents.values()) {
      for (const annotation of db.data.annotations) {
        yield { annotation, title: db.data.document.title };
      }
    }
  }

  requireEntities(ids: readonly string[]): void {
    const known = new Set(this.store.workspace.data.entities.map((e) => e.id));
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length) throw notFound('entity', missing.join('", "'));
  }
}
