// The search index as it is saved and taken over (search-cache.ts holds the file format):
// which saved units still hold, judged without reading any document, and what to save.
import type { Document, DocumentFile, Entity, Note } from '../../shared/model';
import { documentPath, highlightsPath } from '../store/layout';
import type { DocumentSummary } from '../store/catalog';
import { unitHash, type CacheManifest, type CacheUnit, type IndexCache } from './search-cache';
import {
  documentEntry,
  entityEntry,
  noteEntry,
  type Entry,
  type Indexable,
} from './search-entries';
import { IndexTable } from './index-table';
import type { Buckets } from './word-index';

/** What adopting a saved index needs of the workspace: no document's text. */
export interface AdoptSource {
  entities: Iterable<Entity>;
  notes: Iterable<Note>;
  documents: Iterable<DocumentSummary>;
  /** What the custody log says a record file holds (its SHA-256). */
  fileHash: (path: string) => string | null | undefined;
}

/**
 * Saved units taken over between two pauses: about 1,300 entries, a few milliseconds (500
 * units held the thread for up to 100 ms at 20,000 documents on this 2-core machine).
 */
const ADOPT_SLICE = 100;

export class CachedIndex extends IndexTable {
  /**
   * Takes over a saved index (`search-cache.ts`) on an empty one, without reading any
   * document: each document's details and blocks, and its highlights, are taken when the
   * file they were built from is the one the custody log says is there; entities and notes
   * when their texts hash as they did. Ids of units that changed or went are dead. Returns
   * the documents whose details, blocks or highlights still need indexing (`fillHighlights`,
   * `fillDocumentSteps`).
   */
  async adopt(
    cache: IndexCache,
    source: AdoptSource,
    pause: () => Promise<void> = () => Promise.resolve(),
  ): Promise<{ documents: string[]; unchanged: boolean }> {
    if (!this.pristine) throw new Error('adopt needs an empty index');
    const summaries = new Map<string, DocumentSummary>();
    for (const s of source.documents) summaries.set(s.document.id, s);
    const entities = new Map([...source.entities].map((e) => [`e:${e.id}`, entityEntry(e)]));
    const notes = new Map([...source.notes].map((n) => [`n:${n.id}`, noteEntry(n)]));
    const taken: number[] = [];
    const covered = new Set<string>();
    this.parked.reserve(cache.manifest.nextId);
    let saved = 0;
    let units = 0;
    for (const unit of cache.manifest.units) {
      if (++units % ADOPT_SLICE === 0) await pause();
      saved += unit.ids.length;
      if (this.take(unit, summaries, entities, notes, source.fileHash)) {
        taken.push(...unit.ids);
        covered.add(unit.key);
      }
    }
    const stale = new Set<string>();
    for (const id of summaries.keys()) {
      if (!covered.has(`d:${id}`) || !covered.has(`h:${id}`)) stale.add(id);
    }
    let live: Uint8Array | undefined;
    if (saved > taken.length) {
      live = new Uint8Array(cache.manifest.nextId);
      for (const id of taken) live[id] = 1;
    }
    this.words.load(cache.postings, taken, live);
    this.nextId = cache.manifest.nextId;
    let changed = 0;
    for (const [key, entry] of [...entities, ...notes]) {
      if (covered.has(key)) continue;
      this.put(entry);
      changed += 1;
    }
    return { documents: [...stale], unchanged: saved === taken.length && !changed && !stale.size };
  }

  /** Takes one saved unit over if what it was built from is still there. */
  protected take(
    unit: CacheUnit,
    summaries: ReadonlyMap<string, DocumentSummary>,
    entities: ReadonlyMap<string, Indexable>,
    notes: ReadonlyMap<string, Indexable>,
    fileHash: AdoptSource['fileHash'],
  ): boolean {
    const [kind, id] = [unit.key.slice(0, 1), unit.key.slice(2)];
    if (kind === 'e' || kind === 'n') {
      const entry = (kind === 'e' ? entities : notes).get(unit.key);
      if (!entry || unitHash([entry.text]) !== unit.hash) return false;
      this.hashes.set(entry, unit.hash);
      this.enter(entry, unit.ids[0]!);
      return true;
    }
    const summary = summaries.get(id);
    if (!summary) return false;
    // The document's details become an entry now (the library's titles); its blocks and
    // highlights are parked until asked for (parked-units.ts).
    if (kind === 'd') {
      if (fileHash(documentPath(id)) !== unit.hash) return false;
      this.enter(documentEntry(summary.document), unit.ids[0]!);
      if (unit.ids.length > 1) this.parked.park(id, 'blocks', unit);
      else this.blockKeys.set(id, []);
      return true;
    }
    if (kind !== 'h' || fileHash(highlightsPath(id)) !== unit.hash) return false;
    if (unit.ids.length) this.parked.park(id, 'highlights', unit);
    return true;
  }

  /**
   * Indexes what `adopt` did not take over of a document, as it is now: its highlights as
   * `file` has them, at once, as the file was just read (its text: `fillDocumentSteps`).
   */
  fillHighlights(file: DocumentFile): void {
    this.unpark(file.document.id);
    const ids = new Set(file.annotations.map((a) => `a:${a.id}`));
    // Highlights of this document the cache held but the file no longer has, go.
    for (const key of [...(this.byDocument.get(file.document.id) ?? [])])
      if (key.startsWith('a:') && !ids.has(key)) this.remove(key);
    for (const a of file.annotations) this.putAnnotation(a);
  }

  /**
   * The document's details and blocks, in steps (a paragraph may hold 20 M characters): unless
   * they are in already, taken over from the cache or written since by a later commit,
   * which then stands (looked at when the steps begin, so a caller may queue them).
   */
  *fillDocumentSteps(doc: Document): Generator<void, void, void> {
    const blocksIn = this.blockKeys.has(doc.id) || this.parked.has(doc.id, 'blocks');
    if (this.entries.has(`d:${doc.id}`) && blocksIn) return;
    yield* this.putDocumentSteps(doc);
  }

  /**
   * What the cache saves, as the index stands: every unit with its ids, its hash and what
   * its entries need, and the lists (FlexSearch's own, which later additions extend with
   * higher ids only). `intact` turns false once postings are pruned (the lists changed).
   */
  cacheSource(fileHash: AdoptSource['fileHash']): {
    manifest: Omit<CacheManifest, 'probe'>;
    /** A flag per id: 1 for the ids the cache keeps (a Set cost seconds at 20,000 documents). */
    live: Uint8Array;
    postings: Iterable<[string, Buckets]>;
    intact: () => boolean;
  } {
    const units: CacheUnit[] = [];
    const live = new Uint8Array(this.nextId);
    const highlights = new Map<string, Entry[]>();
    for (const [key, entry] of this.entries) {
      const id = this.idOf.get(key)!;
      if (entry.kind === 'highlight') {
        const list = highlights.get(entry.documentId!) ?? [];
        list.push(entry);
        highlights.set(entry.documentId!, list);
        continue;
      }
      if (entry.kind === 'block') continue;
      // A document still being indexed in steps is not saved: the next open indexes it.
      if (entry.kind === 'document' && this.writing.has(key.slice(2))) continue;
      live[id] = 1;
      if (entry.kind === 'document') {
        const documentId = key.slice(2);
        // Parked units are saved as they were read: the entries they stand for are unchanged.
        const parked = this.parked.peek(documentId, 'blocks');
        if (parked) {
          for (const i of parked.ids) live[i] = 1;
          units.push(parked);
          continue;
        }
        const blocks = (this.blockKeys.get(documentId) ?? []).map((k) => this.entries.get(k)!);
        const ids = [id, ...blocks.map((b) => this.idOf.get(b.key)!)];
        for (const i of ids) live[i] = 1;
        units.push({
          key,
          hash: fileHash(documentPath(documentId)) ?? '',
          ids,
          blocks: blocks.flatMap((b) => [b.start!, b.end!]),
        });
      } else {
        let hash = this.hashes.get(entry);
        if (hash === undefined) {
          hash = unitHash([textOf(entry)]);
          this.hashes.set(entry, hash);
        }
        units.push({ key, hash, ids: [id] });
      }
    }
    // Every document has a highlights unit, an empty one too: else it would be read again.
    for (const unit of [...units]) {
      if (!unit.key.startsWith('d:')) continue;
      const documentId = unit.key.slice(2);
      const parked = this.parked.peek(documentId, 'highlights');
      if (parked) {
        for (const i of parked.ids) live[i] = 1;
        units.push(parked);
        continue;
      }
      const list = highlights.get(documentId) ?? [];
      const ids = list.map((e) => this.idOf.get(e.key)!);
      for (const i of ids) live[i] = 1;
      units.push({
        key: `h:${documentId}`,
        hash: fileHash(highlightsPath(documentId)) ?? '',
        ids,
        highlights: list.map((e) => ({
          id: e.key.slice(2),
          start: e.start!,
          end: e.end!,
          kind: e.annotationKind!,
          entityIds: [...(e.entityIds ?? [])],
        })),
      });
    }
    const generation = this.words.generation;
    return {
      manifest: { nextId: this.nextId, units },
      live,
      postings: this.words.postings(),
      intact: () => this.words.generation === generation,
    };
  }
}

/** The text an entry was indexed from: its own, or (a block, a highlight) its document's. */
function textOf(entry: Entry): string {
  return entry.text ?? '';
}
