// The workspace's search index: document blocks, document titles and metadata, highlight
// quotes and notes, free-standing notes, and entity names, aliases and descriptions. Built
// when the workspace opens and updated entry by entry on every change. Text is folded
// (case, diacritics, Arabic/Persian variants, "U.S.", "5,000", a possessive "'s") by the
// same function for indexing and querying. Words are indexed whole ("strict"): FlexSearch's
// forward tokenizer would index every prefix of every word and made opening a 60 MB
// workspace four times slower. Prefixes are matched instead by expanding the query's last
// word to the words of the index's vocabulary that start with it.
import type { z } from 'zod';
import type { Annotation, Document, DocumentFile, Entity, Note } from '../../shared/model';
import type { NoteLinkTarget } from '../../shared/note-links';
import { parseQuery, type QueryPlan } from '../../shared/search';
import type { SearchInput, SearchKind, SearchResult } from '../../shared/methods/search';
import { unitHash, type CacheManifest, type IndexCache } from './search-cache';
import {
  annotationEntry,
  documentEntries,
  entityEntry,
  hitOf,
  noteEntry,
  type Entry,
} from './search-entries';
import { intersect, WordIndex, type Buckets } from './word-index';

/** A search, with the highlights a code filter lets through (computed by the handler). */
type Query = z.output<typeof SearchInput> & { highlightIds?: ReadonlySet<string> };

/** What a search needs from the workspace beyond the index. */
export interface SearchScope {
  titleOf(documentId: string): string | undefined;
  /** The entity or document a note's `[[...]]` link names, if any. */
  resolveLink(text: string): NoteLinkTarget | undefined;
}

const KIND_ORDER: Record<SearchKind, number> = {
  entity: 0,
  highlight: 1,
  note: 2,
  document: 3,
  block: 4,
};

/** Hits are counted up to this many (or the limit, if higher): `total` says "at least". */
const TOTAL_CAP = 200;

/**
 * Changes never ask FlexSearch to update or remove: without its `fastupdate` register
 * that scans the whole index (over 100 ms an edit at 2,000 documents), and with it 0.8.212
 * fails on a search for a word whose entries were all removed. Instead each version of an
 * entry is added under a new numeric id, and ids that are no longer current are dropped
 * from results. The dead postings are rebuilt away once they pass a share of the index.
 */
const COMPACT_SHARE = 0.25;

export class SearchIndex {
  private readonly words: WordIndex;

  /** `buildOnly`: built to be saved as a cache part, never searched (index-part.ts). */
  constructor({ buildOnly = false }: { buildOnly?: boolean } = {}) {
    this.words = new WordIndex({ vocabulary: !buildOnly });
  }
  /** The current FlexSearch id of each entry, and the entry of each current id. */
  private readonly idOf = new Map<string, number>();
  private readonly keyOf = new Map<number, string>();
  private nextId = 1;
  /** Ids still in FlexSearch that no longer stand for anything. */
  private dead = 0;
  private readonly entries = new Map<string, Entry>();
  private readonly blockKeys = new Map<string, string[]>();
  /** The keys a document or entity filter can let through, so a filter leads a search. */
  private readonly byDocument = new Map<string, Set<string>>();
  private readonly byEntity = new Map<string, Set<string>>();
  private readonly noteKeys = new Set<string>();
  /** Answers of blocksWithAll since the last change: a dossier reopened asks the same. */
  private readonly lookups = new Map<string, Map<string, { start: number; end: number }[]>>();
  /** The cache hash of each unit, by its first entry (replaced whenever the unit changes). */
  private readonly hashes = new WeakMap<Entry, string>();

  get size(): number {
    return this.entries.size;
  }

  /** True until the first entry is added: only then may a saved index be adopted. */
  get pristine(): boolean {
    return this.nextId === 1 && !this.entries.size;
  }

  private put(entry: Entry): void {
    this.lookups.clear();
    const old = this.entries.get(entry.key);
    if (old) this.file(old, false);
    this.retire(entry.key);
    this.add(entry);
    this.entries.set(entry.key, entry);
    this.file(entry, true);
    this.compactIfNeeded();
  }

  private add(entry: Entry): void {
    const id = this.nextId++;
    this.words.add(id, entry.text);
    this.idOf.set(entry.key, id);
    this.keyOf.set(id, entry.key);
  }

  /** Files the entry under its document(s) and entities, or takes it out. */
  private file(entry: Entry, present: boolean): void {
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
  private retire(key: string): void {
    const id = this.idOf.get(key);
    if (id === undefined) return;
    this.idOf.delete(key);
    this.keyOf.delete(id);
    this.dead += 1;
  }

  private remove(key: string): void {
    this.lookups.clear();
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.file(old, false);
    this.retire(key);
    this.compactIfNeeded();
  }

  /** Rebuilds FlexSearch from the live entries once dead postings are a large share. */
  private compactIfNeeded(): void {
    if (this.dead < 1000 || this.dead < COMPACT_SHARE * this.entries.size) return;
    this.words.clear();
    this.idOf.clear();
    this.keyOf.clear();
    this.dead = 0;
    for (const entry of this.entries.values()) this.add(entry);
  }

  putDocument(doc: Document): void {
    for (const key of this.blockKeys.get(doc.id) ?? []) this.remove(key);
    const [meta, ...blocks] = documentEntries(doc);
    this.put(meta!);
    for (const block of blocks) this.put(block);
    this.blockKeys.set(
      doc.id,
      blocks.map((b) => b.key),
    );
  }

  /**
   * Takes over a saved index (`search-cache.ts`) on an empty one: its lists, and the ids of
   * every unit (a document with its blocks, a highlight, an entity, a note) whose texts hash
   * as they did when it was saved. Ids of units that changed or went are dead, like those of
   * a replaced entry. Changed entities and notes are indexed here; returns the documents
   * whose document or highlights still need indexing, which `fill` does. `pause` is awaited
   * between slices of documents; nothing else may change the index meanwhile.
   */
  async adopt(
    cache: IndexCache,
    records: { entities: Iterable<Entity>; notes: Iterable<Note>; files: Iterable<DocumentFile> },
    pause: () => Promise<void> = () => Promise.resolve(),
  ): Promise<{ documents: string[]; unchanged: boolean }> {
    if (!this.pristine) throw new Error('adopt needs an empty index');
    const { units, nextId } = cache.manifest;
    const taken: number[] = [];
    const take = (entries: Entry[]): boolean => {
      const unit = units[entries[0]!.key];
      if (!unit || unit[1].length !== entries.length) return false;
      if (unit[0] !== unitHash(entries.map((e) => e.text))) return false;
      this.hashes.set(entries[0]!, unit[0]);
      entries.forEach((entry, i) => {
        const id = unit[1][i]!;
        this.idOf.set(entry.key, id);
        this.keyOf.set(id, entry.key);
        this.entries.set(entry.key, entry);
        this.file(entry, true);
        taken.push(id);
      });
      return true;
    };
    const stale = new Set<string>();
    let files = 0;
    for (const { document, annotations } of records.files) {
      // In slices: hashing every text of a large workspace takes a while.
      if (++files % 100 === 0) await pause();
      const entries = documentEntries(document);
      if (take(entries))
        this.blockKeys.set(
          document.id,
          entries.slice(1).map((e) => e.key),
        );
      else stale.add(document.id);
      for (const a of annotations) if (!take([annotationEntry(a)])) stale.add(document.id);
    }
    const entities = [...records.entities].filter((e) => !take([entityEntry(e)]));
    const notes = [...records.notes].filter((n) => !take([noteEntry(n)]));
    const saved = Object.values(units).reduce((n, [, ids]) => n + ids.length, 0);
    let live: Uint8Array | undefined;
    if (saved > taken.length) {
      live = new Uint8Array(nextId);
      for (const id of taken) live[id] = 1;
    }
    this.words.load(cache.postings, taken, live);
    this.nextId = nextId;
    for (const entity of entities) this.putEntity(entity);
    for (const note of notes) this.putNote(note);
    const unchanged = saved === taken.length && !entities.length && !notes.length && !stale.size;
    return { documents: [...stale], unchanged };
  }

  /** Indexes what `adopt` did not take over of a document, as it is now. */
  fill(file: DocumentFile): void {
    if (!this.entries.has(`d:${file.document.id}`)) this.putDocument(file.document);
    for (const a of file.annotations) if (!this.entries.has(`a:${a.id}`)) this.putAnnotation(a);
  }

  /**
   * What the cache saves, as the index stands: each unit's hash and ids, the current ids,
   * and the lists (FlexSearch's own, which later additions extend with higher ids only).
   * `intact` turns false once the lists are rebuilt (compaction), when the ids go stale.
   */
  cacheSource(): {
    manifest: Omit<CacheManifest, 'probe'>;
    live: Set<number>;
    postings: Iterable<[string, Buckets]>;
    intact: () => boolean;
  } {
    const units: CacheManifest['units'] = {};
    const live = new Set<number>();
    const unit = (keys: readonly string[]): void => {
      const entries = keys.map((k) => this.entries.get(k)!);
      const ids = keys.map((k) => this.idOf.get(k)!);
      for (const id of ids) live.add(id);
      let hash = this.hashes.get(entries[0]!);
      if (hash === undefined) {
        hash = unitHash(entries.map((e) => e.text));
        this.hashes.set(entries[0]!, hash);
      }
      units[keys[0]!] = [hash, ids];
    };
    for (const key of this.entries.keys()) {
      if (key.startsWith('b:')) continue;
      if (key.startsWith('d:')) unit([key, ...(this.blockKeys.get(key.slice(2)) ?? [])]);
      else unit([key]);
    }
    const generation = this.words.generation;
    return {
      manifest: { nextId: this.nextId, units },
      live,
      postings: this.words.postings(),
      intact: () => this.words.generation === generation,
    };
  }

  removeDocument(id: string): void {
    for (const key of this.blockKeys.get(id) ?? []) this.remove(key);
    this.blockKeys.delete(id);
    this.remove(`d:${id}`);
  }

  putAnnotation(a: Annotation): void {
    this.put(annotationEntry(a));
  }

  removeAnnotation(id: string): void {
    this.remove(`a:${id}`);
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

  private accepts(entry: Entry, q: Query, scope: SearchScope): boolean {
    if (q.kinds && !q.kinds.includes(entry.kind)) return false;
    if (q.annotationKind && entry.annotationKind !== q.annotationKind) return false;
    if (q.highlightIds && !(entry.kind === 'highlight' && q.highlightIds.has(entry.key.slice(2))))
      return false;
    if (q.documentId && !this.links(entry, 'document', q.documentId, scope)) return false;
    if (q.entityId && !this.links(entry, 'entity', q.entityId, scope)) return false;
    return true;
  }

  /** Whether the entry is of (or, for a note, links to) the given document or entity. */
  private links(entry: Entry, kind: NoteLinkTarget['kind'], id: string, scope: SearchScope) {
    if (kind === 'entity' && entry.kind === 'entity') return entry.key === `e:${id}`;
    const direct = kind === 'entity' ? entry.entityIds : (entry.documentIds ?? [entry.documentId]);
    if (direct?.includes(id)) return true;
    return !!entry.links?.some((text) => {
      const target = scope.resolveLink(text);
      return target?.kind === kind && target.id === id;
    });
  }

  /** The ids a document or entity filter lets through, in index order, if it is given. */
  private within(q: Query): number[] | undefined {
    const keys = (filterKeys: Iterable<string>): Set<string> =>
      new Set([...filterKeys, ...this.noteKeys]);
    const sets: Set<string>[] = [];
    if (q.documentId) sets.push(keys(this.byDocument.get(q.documentId) ?? []));
    if (q.entityId) sets.push(keys([...(this.byEntity.get(q.entityId) ?? []), `e:${q.entityId}`]));
    if (!sets.length) return undefined;
    const smallest = sets.reduce((a, b) => (b.size < a.size ? b : a));
    const ids: number[] = [];
    for (const key of smallest) {
      const id = this.idOf.get(key);
      if (id !== undefined) ids.push(id);
    }
    return ids.sort((a, b) => a - b);
  }

  /**
   * Entries holding every word of some variant of the plan, best first, for which
   * `take` returns true; stops when `take` has had `cap` of them.
   */
  private collect(
    plan: QueryPlan,
    cap: number,
    take: (entry: Entry) => boolean,
    within?: readonly number[],
  ): Entry[] {
    const found: Entry[] = [];
    const seen = new Set<string>();
    for (const variant of plan.variants) {
      const terms = variant.map((word, i) =>
        plan.prefix && i === variant.length - 1
          ? this.words.prefixTerm(word)
          : this.words.term(word),
      );
      intersect(
        terms,
        (id) => {
          const key = this.keyOf.get(id);
          if (key === undefined || seen.has(key)) return true;
          seen.add(key);
          const entry = this.entries.get(key)!;
          if (take(entry)) found.push(entry);
          return found.length < cap;
        },
        within,
      );
      if (found.length >= cap) break;
    }
    return found;
  }

  search(q: Query, scope: SearchScope): SearchResult {
    const plan = parseQuery(q.query);
    if (!plan.variants.length) return { hits: [], total: 0 };
    const cap = Math.max(TOTAL_CAP, q.limit);
    const found = this.collect(plan, cap, (e) => this.accepts(e, q, scope), this.within(q));
    const ranked = found
      .map((entry, rank) => ({ entry, rank }))
      .sort((a, b) => KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] || a.rank - b.rank)
      .slice(0, q.limit);
    return {
      hits: ranked.map(({ entry }) => hitOf(entry, plan, (id) => scope.titleOf(id))),
      total: found.length,
    };
  }

  /** The engine alone, without filters or snippets: what the benchmark compares. */
  keys(query: string, limit: number): string[] {
    return this.collect(parseQuery(query), limit, () => true).map((e) => e.key);
  }

  /**
   * The blocks holding every one of `tokens` as a whole word, by document: where find
   * mentions needs to look, so it reads a few paragraphs instead of every document.
   */
  blocksWithAll(tokens: readonly string[]): Map<string, { start: number; end: number }[]> {
    const cacheKey = tokens.join(' ');
    const cached = this.lookups.get(cacheKey);
    if (cached) return cached;
    const out = new Map<string, { start: number; end: number }[]>();
    this.lookups.set(cacheKey, out);
    if (!tokens.length) return out;
    const plan = { variants: [[...tokens]], prefix: false };
    this.collect(plan, Infinity, (entry) => {
      if (entry.kind !== 'block' || !entry.documentId || entry.start === undefined) return false;
      const list = out.get(entry.documentId) ?? [];
      list.push({ start: entry.start, end: entry.end ?? entry.start });
      out.set(entry.documentId, list);
      return false;
    });
    return out;
  }
}
