// The documents read so far, text and highlights, kept while memory allows: a least
// recently used cache bounded by an estimate of the memory each takes. Reading a document
// puts it here; a commit replaces the documents it changed. Evicting one loses nothing
// (its files hold it); the next read brings it back.
import type { DocumentFile } from '../../shared/model';

/** Bytes a document is reckoned to take: its text (UTF-16), its blocks, marks and highlights. */
export function estimateBytes(file: DocumentFile): number {
  const { document, annotations } = file;
  let bytes =
    512 + document.text.length * 2 + (document.blocks.length + document.marks.length) * 64;
  for (const a of annotations)
    bytes += 400 + (a.target.quote.exact.length + a.note.length) * 2 + a.tags.length * 32;
  return bytes;
}

/** 256 MB: a few thousand articles, and room for the index and the window's other state. */
export const DEFAULT_CACHE_BYTES = 256 * 1024 * 1024;

export class DocumentCache {
  private readonly entries = new Map<string, { file: DocumentFile; bytes: number }>();
  private total = 0;
  /** How many times a document was read from disk into the cache (for tests and the bench). */
  reads = 0;
  /** How many times a document's record alone (text, no highlights) was read for a view. */
  recordReads = 0;
  /** How many record files were looked at as bytes alone, not parsed (record-screen.ts). */
  screens = 0;
  /** Of the records read for a view, how many a worker read and counted (counted in recordReads too). */
  workerCounts = 0;
  /** How many times a document's highlights alone were read for a command (highlights-only.ts). */
  highlightReads = 0;

  constructor(readonly budget = DEFAULT_CACHE_BYTES) {}

  get size(): number {
    return this.entries.size;
  }
  get bytes(): number {
    return this.total;
  }

  /** The document if it is here, made the most recently used. */
  get(id: string): DocumentFile | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.file;
  }

  /** The document if it is here, without touching its place. */
  peek(id: string): DocumentFile | undefined {
    return this.entries.get(id)?.file;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  set(id: string, file: DocumentFile): void {
    this.delete(id);
    const bytes = estimateBytes(file);
    this.entries.set(id, { file, bytes });
    this.total += bytes;
    // The newest stays even when it alone is over the budget.
    for (const [key, entry] of this.entries) {
      if (this.total <= this.budget || key === id) break;
      this.entries.delete(key);
      this.total -= entry.bytes;
    }
  }

  delete(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.total -= entry.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  values(): IterableIterator<{ file: DocumentFile }> {
    return this.entries.values();
  }
}
