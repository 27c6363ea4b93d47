// The search index's table of entries: each entry (a document's details, a block, a
// highlight, an entity, a note) under a FlexSearch id, filed by the documents and entities a
// filter can ask for. Every change adds a new version of an entry under a new id; the old id
// is dead and its postings are pruned later (see COMPACT_SHARE). Queries are in
// search-index.ts, the saved form in cached-index.ts.
import type { Annotation, Document, DocumentFile, Entity, Note } from '../../shared/model';
import {
  annotationEntry,
  blockKey,
  documentEntries,
  entityEntry,
  kept,
  noteEntry,
  type Entry,
  type Indexable,
} from './search-entries';
import { ParkedUnits } from './parked-units';
import type { CacheUnit } from './search-cache';
import { withBody } from './unit-body';
import { LONG_TEXT, WordIndex } from './word-index';

/**
 * Changes never ask FlexSearch to update or remove: without its `fastupdate` register
 * that scans the whole index, and with it 0.8.212 fails on a search for a word whose
 * entries were all removed. Instead each version of an entry is added under a new numeric
 * id, ids no longer current are dropped from results, and their postings are pruned once
 * they pass a share of the index.
 */
const COMPACT_SHARE = 0.25;

export class IndexTable {
  protected readonly words: WordIndex;

  /** `buildOnly`: built to be saved as a cache part, never searched (index-part.ts). */
  constructor({ buildOnly = false }: { buildOnly?: boolean } = {}) {
    this.words = new WordIndex({ vocabulary: !buildOnly });
  }
  /** The current FlexSearch id of each entry, and the entry of each current id. */
  protected readonly idOf = new Map<string, number>();
  protected readonly keyOf = new Map<number, string>();
  protected nextId = 1;
  /** Ids no longer current, not yet pruned from the postings. */
  protected readonly dead = new Set<number>();
  protected readonly entries = new Map<string, Entry>();
  protected readonly blockKeys = new Map<string, string[]>();
  /** The keys a document or entity filter can let through, so a filter leads a search. */
  protected readonly byDocument = new Map<string, Set<string>>();
  protected readonly byEntity = new Map<string, Set<string>>();
  protected readonly noteKeys = new Set<string>();
  /** Answers of blocksWithAll since the last change: a dossier reopened asks the same. */
  protected readonly lookups = new Map<string, Map<string, { start: number; end: number }[]>>();
  /** The cache hash of each entity and note unit, by its entry. */
  protected readonly hashes = new WeakMap<Entry, string>();
  /**
   * Documents being indexed in steps (`putDocumentSteps`), each with the token of the
   * writer doing it: any other writer of the document takes the token, and the steps
   * still under way stop. The cache saves none of them (they are not whole).
   */
  protected readonly writing = new Map<string, object>();
  /** Documents' blocks and highlights taken over from the cache, not yet entries. */
  protected readonly parked = new ParkedUnits();

  get size(): number {
    return this.entries.size + this.parked.entries;
  }

  /** The key of a current id: a parked document's entries are made when one is asked for. */
  protected keyAt(id: number): string | undefined {
    const key = this.keyOf.get(id);
    if (key !== undefined) return key;
    const documentId = this.parked.ownerOf(id);
    if (documentId === undefined) return undefined;
    this.unpark(documentId);
    return this.keyOf.get(id);
  }

  /**
   * Makes the entries of a document's parked units (parked-units.ts), as `adopt` took them
   * over; anything that reads or changes a document's entries calls this first.
   */
  protected unpark(documentId: string): void {
    const units = this.parked.take(documentId);
    if (!units) return;
    if (units.blocks) this.enterBlocks(documentId, units.blocks);
    if (units.highlights) this.enterHighlights(documentId, units.highlights);
  }

  /** Every parked document's entries (before looking at all of them). */
  protected unparkAll(): void {
    for (const documentId of this.parked.documents()) this.unpark(documentId);
  }

  /** A saved `d:` unit's blocks, under the document's title as its details entry has it. */
  protected enterBlocks(documentId: string, saved: CacheUnit): void {
    const unit = withBody(saved);
    const title = this.entries.get(`d:${documentId}`)?.title ?? '';
    const keys: string[] = [];
    for (let i = 1; i < unit.ids.length; i++) {
      const key = blockKey(documentId, i - 1);
      keys.push(key);
      const [start, end] = [unit.blocks![(i - 1) * 2]!, unit.blocks![(i - 1) * 2 + 1]!];
      this.enter({ key, kind: 'block', title, documentId, start, end }, unit.ids[i]!);
    }
    this.blockKeys.set(documentId, keys);
  }

  /** A saved `h:` unit's highlights. */
  protected enterHighlights(documentId: string, saved: CacheUnit): void {
    const unit = withBody(saved);
    unit.highlights!.forEach((h, i) => {
      this.enter(
        {
          key: `a:${h.id}`,
          kind: 'highlight',
          title: '',
          documentId,
          start: h.start,
          end: h.end,
          entityIds: h.entityIds,
          annotationKind: h.kind,
        },
        unit.ids[i]!,
      );
    });
  }

  /** True until the first entry is added: only then may a saved index be adopted. */
  get pristine(): boolean {
    return this.nextId === 1 && !this.entries.size;
  }

  protected put(entry: Indexable): void {
    if (entry.documentId) this.unpark(entry.documentId);
    this.lookups.clear();
    const old = this.entries.get(entry.key);
    if (old) this.file(old, false);
    this.retire(entry.key);
    const id = this.nextId++;
    this.words.add(id, entry.text);
    this.enter(kept(entry), id);
    this.compactIfNeeded();
  }

  /** Makes `entry` the entry of `id`. */
  protected enter(entry: Entry, id: number): void {
    this.idOf.set(entry.key, id);
    this.keyOf.set(id, entry.key);
    this.entries.set(entry.key, entry);
    this.file(entry, true);
  }

  /** Files the entry under its document(s) and entities, or takes it out. */
  protected file(entry: Entry, present: boolean): void {
    const under = (map: Map<string, Set<string>>, id: string): void => {
      const keys = map.get(id) ?? new Set<string>();
      if (present) keys.add(entry.key);
      else keys.delete(entry.key);
      if (keys.size) map.set(id, keys);
      else map.delete(id);
    };
    for (const id of entry.documentIds ?? (entry.documentId ? [entry.documentId] : []))
      under(this.byDocument, id);
    for (const id of entry.entityIds ?? []) under(this.byEntity, id);
    if (entry.kind === 'note') {
      if (present) this.noteKeys.add(entry.key);
      else this.noteKeys.delete(entry.key);
    }
  }

  /** Makes the entry's current id dead, so its postings no longer count. */
  protected retire(key: string): void {
    const id = this.idOf.get(key);
    if (id === undefined) return;
    this.idOf.delete(key);
    this.keyOf.delete(id);
    this.dead.add(id);
  }

  protected remove(key: string, documentId?: string): void {
    if (documentId) this.unpark(documentId);
    this.lookups.clear();
    let old = this.entries.get(key);
    // A highlight whose document was not named may be parked: every document is unparked
    // rather than let it come back later (callers name the document; this is the net).
    if (!old && this.parked.size && key.startsWith('a:')) {
      this.unparkAll();
      old = this.entries.get(key);
    }
    if (!old) return;
    this.entries.delete(key);
    this.file(old, false);
    this.retire(key);
    this.compactIfNeeded();
  }

  /** Prunes dead ids from the postings once they are a large share (no text is needed). */
  protected compactIfNeeded(): void {
    // Parked entries count: they are in the lists as much as the others (`size`).
    if (this.dead.size < 1000 || this.dead.size < COMPACT_SHARE * this.size) return;
    this.words.drop(this.dead);
    this.dead.clear();
  }

  putDocument(doc: Document): void {
    for (const _ of this.putDocumentSteps(doc));
  }

  /**
   * `putDocument` in steps, for the caller to run the thread between them: a block longer
   * than LONG_TEXT is added a piece at a time (word-index.ts). Returns false when another
   * writer of this document (a later version, a removal) came in between: what it wrote
   * stands, and these steps stop.
   */
  *putDocumentSteps(doc: Document): Generator<void, boolean, void> {
    const mine = {};
    this.unpark(doc.id);
    this.writing.set(doc.id, mine);
    for (const key of this.blockKeys.get(doc.id) ?? []) this.remove(key);
    const [details, ...blocks] = documentEntries(doc);
    this.put(details!);
    // Filled as blocks go in, so a writer coming in between removes those already in.
    const keys: string[] = [];
    this.blockKeys.set(doc.id, keys);
    for (const block of blocks) {
      if (block.text.length <= LONG_TEXT) {
        this.put(block);
        keys.push(block.key);
        continue;
      }
      const id = this.enterNew(block);
      keys.push(block.key);
      for (const _ of this.words.addInSteps(id, block.text)) {
        yield;
        if (this.writing.get(doc.id) !== mine) return false;
      }
      // Searches made between the steps saw part of the block.
      this.lookups.clear();
    }
    this.writing.delete(doc.id);
    return true;
  }

  /** Makes `entry` current under a new id whose words the caller adds (see `put`). */
  private enterNew(entry: Indexable): number {
    if (entry.documentId) this.unpark(entry.documentId);
    this.lookups.clear();
    const old = this.entries.get(entry.key);
    if (old) this.file(old, false);
    this.retire(entry.key);
    const id = this.nextId++;
    this.enter(kept(entry), id);
    this.compactIfNeeded();
    return id;
  }

  /**
   * A document's highlights as `file` has them (none, without a file), and its details and
   * blocks gone: the caller indexes its text anew, in steps.
   */
  clearDocument(id: string, file: DocumentFile | undefined): void {
    this.unpark(id);
    for (const key of [...(this.byDocument.get(id) ?? [])])
      if (key.startsWith('a:')) this.remove(key);
    this.removeDocument(id);
    for (const a of file?.annotations ?? []) this.putAnnotation(a);
  }

  removeDocument(id: string): void {
    this.unpark(id);
    this.writing.delete(id);
    for (const key of this.blockKeys.get(id) ?? []) this.remove(key);
    this.blockKeys.delete(id);
    this.remove(`d:${id}`);
  }

  putAnnotation(a: Annotation): void {
    this.put(annotationEntry(a));
  }

  removeAnnotation(id: string, documentId?: string): void {
    this.remove(`a:${id}`, documentId);
  }

  putEntity(e: Entity): void {
    this.put(entityEntry(e));
  }

  removeEntity(id: string): void {
    this.remove(`e:${id}`);
  }

  putNote(note: Note): void {
    this.put(noteEntry(note));
  }

  removeNote(id: string): void {
    this.remove(`n:${id}`);
  }
}
