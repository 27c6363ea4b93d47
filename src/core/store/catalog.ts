// The catalog: what the workbench keeps in memory of every document, so a workspace of
// 20,000 sources opens without reading them: the document's record without its text,
// blocks and marks, and what the views need of its highlights (their ids, and how many
// are tagged with each entity and carry each free tag). A document's text and highlights
// are read when something asks for them (document-cache.ts). The catalog is saved in the
// manifest (manifest.ts) and kept in step with every commit.
import { z } from 'zod';
import { Document, Id, type Annotation, type DocumentFile } from '../../shared/model';

/** The record of a document without what is large: text, blocks and marks. */
export const DocumentMeta = Document.omit({ text: true, blocks: true, marks: true }).extend({
  textLength: z.number().int().nonnegative(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

export const DocumentSummary = z.strictObject({
  document: DocumentMeta,
  annotationIds: z.array(Id),
  /** Entity id → how many of its highlights are tagged with it. */
  entities: z.record(z.string(), z.number().int().positive()),
  /** Free-text tag → how many of its highlights carry it. */
  tags: z.record(z.string(), z.number().int().positive()),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

/** Counts without the prototype's names: a tag called "constructor" is a tag like any other. */
const counter = (): Record<string, number> => Object.create(null) as Record<string, number>;

export function summarize(file: DocumentFile): DocumentSummary {
  const { text, blocks: _blocks, marks: _marks, ...meta } = file.document;
  return withHighlights({ ...meta, textLength: text.length }, file.annotations);
}

/** A document's summary from its record's summary and its highlights (a highlights-only change). */
export function withHighlights(
  document: DocumentMeta,
  annotations: readonly Annotation[],
): DocumentSummary {
  const entities = counter();
  const tags = counter();
  for (const a of annotations) {
    for (const id of new Set(a.entityIds)) entities[id] = (entities[id] ?? 0) + 1;
    for (const tag of new Set(a.tags)) tags[tag] = (tags[tag] ?? 0) + 1;
  }
  return { document, annotationIds: annotations.map((a) => a.id), entities, tags };
}

/**
 * Both files of a document as last read or written here: [record size, modification time,
 * highlights size, modification time]. A file whose pair has not changed since holds what
 * was checked then; one whose pair changed was rewritten behind the workbench's back.
 */
export const DocumentStamp = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type DocumentStamp = z.infer<typeof DocumentStamp>;

export class Catalog {
  private readonly summaries = new Map<string, DocumentSummary>();
  /** Highlight id → the document it is on. */
  private readonly homes = new Map<string, string>();
  private readonly stamps = new Map<string, DocumentStamp>();

  constructor(
    summaries: Iterable<DocumentSummary> = [],
    stamps: Record<string, DocumentStamp> = {},
  ) {
    for (const s of summaries) this.set(s);
    for (const [id, stamp] of Object.entries(stamps)) if (this.has(id)) this.stamps.set(id, stamp);
  }

  stampOf(id: string): DocumentStamp | undefined {
    return this.stamps.get(id);
  }
  setStamp(id: string, stamp: DocumentStamp): void {
    if (this.has(id)) this.stamps.set(id, stamp);
  }
  /** Every stamp, for the manifest. */
  allStamps(): Record<string, DocumentStamp> {
    return Object.fromEntries(this.stamps);
  }

  get size(): number {
    return this.summaries.size;
  }
  has(id: string): boolean {
    return this.summaries.has(id);
  }
  get(id: string): DocumentSummary | undefined {
    return this.summaries.get(id);
  }
  ids(): IterableIterator<string> {
    return this.summaries.keys();
  }
  values(): IterableIterator<DocumentSummary> {
    return this.summaries.values();
  }
  /** The document a highlight is on, if any here. */
  documentOf(annotationId: string): string | undefined {
    return this.homes.get(annotationId);
  }

  /**
   * Whether no highlight id is listed twice, in one document or across two: then `documentOf`
   * knows every listed id exactly. (Each id listed sets a home; an id listed twice sets one
   * home for two listings, so the homes fall short of the listings.)
   */
  listsEachHighlightOnce(): boolean {
    let listed = 0;
    for (const summary of this.summaries.values()) listed += summary.annotationIds.length;
    return listed === this.homes.size;
  }

  /** Adds or replaces a document's summary; a replaced one keeps its place in the order. */
  set(summary: DocumentSummary): void {
    const id = summary.document.id;
    const old = this.summaries.get(id);
    if (old) for (const a of old.annotationIds) if (this.homes.get(a) === id) this.homes.delete(a);
    this.summaries.set(id, summary);
    for (const a of summary.annotationIds) this.homes.set(a, id);
  }

  delete(id: string): void {
    const old = this.summaries.get(id);
    if (!old) return;
    this.summaries.delete(id);
    this.stamps.delete(id);
    for (const a of old.annotationIds) if (this.homes.get(a) === id) this.homes.delete(a);
  }
}
