// Saved index units taken over from the cache but not yet made into entries: a document's
// blocks and its highlights, kept as the cache file gave them until something asks for that
// document (a hit among its ids, a filter on it, a change to it). At 20,000 documents the
// cache holds about 800,000 such entries; making each an entry filed in four maps held the
// thread for seconds at every warm open, although a search touches a few documents. Their
// words are in the index from the start (word-index.ts loads the lists), so a search finds
// them; the table makes a document's entries when one of its ids is hit (index-table.ts).
import type { CacheUnit } from './search-cache';
import { withBody } from './unit-body';

interface Parked {
  /** The document's number in `owners`, plus one (0 in `owner` says "not parked"). */
  n: number;
  blocks?: CacheUnit;
  highlights?: CacheUnit;
}

export class ParkedUnits {
  private readonly byDocument = new Map<string, Parked>();
  /** For each id, the number of the document whose parked unit holds it (0: none). */
  private owner = new Int32Array(0);
  /** For each parked id, its place in its unit's ids (indexOf there was O(n²) in blocks). */
  private slot = new Int32Array(0);
  private readonly owners: string[] = [];
  /** How many entries the parked units stand for. */
  entries = 0;

  /** Makes room for ids below `nextId` (the cache's), before any unit is parked. */
  reserve(nextId: number): void {
    if (this.owner.length >= nextId) return;
    this.owner = new Int32Array(nextId);
    this.slot = new Int32Array(nextId);
  }

  get size(): number {
    return this.byDocument.size;
  }

  /** Keeps a document's block unit (ids after its details entry) or highlights unit. */
  park(documentId: string, kind: 'blocks' | 'highlights', unit: CacheUnit): void {
    let parked = this.byDocument.get(documentId);
    if (!parked) {
      this.owners.push(documentId);
      parked = { n: this.owners.length };
      this.byDocument.set(documentId, parked);
    }
    parked[kind] = unit;
    const ids = unit.ids;
    // A block unit's first id is the document's details, made an entry at once.
    for (let i = kind === 'blocks' ? 1 : 0; i < ids.length; i++) {
      this.owner[ids[i]!] = parked.n;
      this.slot[ids[i]!] = i;
      this.entries += 1;
    }
  }

  /** The document whose parked unit holds `id`, if it is still parked. */
  ownerOf(id: number): string | undefined {
    const n = id < this.owner.length ? this.owner[id]! : 0;
    const documentId = n ? this.owners[n - 1] : undefined;
    return documentId !== undefined && this.byDocument.has(documentId) ? documentId : undefined;
  }

  /**
   * Where a parked block lies, without making its document's entries (find mentions asks
   * for every block holding a name's words: thousands of documents it only looks into);
   * undefined when `id` is not a parked block.
   */
  blockAt(id: number): { documentId: string; start: number; end: number } | undefined {
    const documentId = this.ownerOf(id);
    const unit = documentId === undefined ? undefined : this.byDocument.get(documentId)?.blocks;
    if (!unit) return undefined;
    // A highlight's id has its place in the highlights unit: not this unit's id there.
    const i = id < this.slot.length ? this.slot[id]! : 0;
    if (i < 1 || unit.ids[i] !== id) return undefined;
    const blocks = withBody(unit).blocks!;
    return { documentId: documentId!, start: blocks[(i - 1) * 2]!, end: blocks[(i - 1) * 2 + 1]! };
  }

  has(documentId: string, kind: 'blocks' | 'highlights'): boolean {
    return this.byDocument.get(documentId)?.[kind] !== undefined;
  }

  /** The unit parked for the document, left parked (what the cache is saved with). */
  peek(documentId: string, kind: 'blocks' | 'highlights'): CacheUnit | undefined {
    return this.byDocument.get(documentId)?.[kind];
  }

  /** Takes the document's units out, for the caller to make their entries. */
  take(documentId: string): { blocks?: CacheUnit; highlights?: CacheUnit } | undefined {
    const parked = this.byDocument.get(documentId);
    if (!parked) return undefined;
    this.byDocument.delete(documentId);
    this.entries -=
      (parked.blocks ? parked.blocks.ids.length - 1 : 0) + (parked.highlights?.ids.length ?? 0);
    return parked;
  }

  /** The documents still parked. */
  documents(): string[] {
    return [...this.byDocument.keys()];
  }
}
