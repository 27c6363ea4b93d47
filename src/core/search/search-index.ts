// The workspace's search index: document blocks, document details, highlight quotes and
// notes, free-standing notes, and entity names, aliases and descriptions. Built when the
// workspace opens and updated entry by entry on every change. Text is folded (case,
// diacritics, Arabic/Persian variants, "U.S.", "5,000", a possessive "'s") by the same
// function for indexing and querying. Words are indexed whole ("strict"); a query's last
// word is expanded to the vocabulary's words that start with it. Blocks and highlights keep
// no text once indexed: a hit's snippet is cut from its document, read when it is shown.
import type { z } from 'zod';
import type { Annotation, Document, DocumentFile, Entity, Note } from '../../shared/model';
import type { NoteLinkTarget } from '../../shared/note-links';
import { parseQuery, type QueryPlan } from '../../shared/search';
import type { SearchInput, SearchKind, SearchResult } from '../../shared/methods/search';
import { documentPath, highlightsPath } from '../store/layout';
import type { DocumentSummary } from '../store/catalog';
import { unitHash, type CacheManifest, type CacheUnit, type IndexCache } from './search-cache';
import {
  annotationEntry,
  annotationText,
  blockKey,
  documentEntries,
  documentEntry,
  entityEntry,
  hitOf,
  kept,
  noteEntry,
  type Entry,
  type Indexable,
} from './search-entries';
import { intersect, WordIndex, type Buckets } from './word-index';

type Query = z.output<typeof SearchInput>;

/** What a search needs from the workspace beyond the index. */
export interface SearchScope {
  titleOf(documentId: string): string | undefined;
  /** The entity or document a note's `[[...]]` link names, if any. */
  resolveLink(text: string): NoteLinkTarget | undefined;
  /** The documents hits are cut from (read if need be). */
  documents(ids: readonly string[]): Promise<Map<string, DocumentFile>>;
}

/** What adopting a saved index needs of the workspace: no document's text. */
export interface AdoptSource {
  entities: Iterable<Entity>;
  notes: Iterable<Note>;
  documents: Iterable<DocumentSummary>;
  /** What the custody log says a record file holds (its SHA-256). */
  fileHash: (path: string) => string | null | undefined;
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
 * that scans the whole index, and with it 0.8.212 fails on a search for a word whose
 * entries were all removed. Instead each version of an entry is added under a new numeric
 * id, ids no longer current are dropped from results, and their postings are pruned once
 * they pass a share of the index.
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
  /** Ids no longer current, not yet pruned from the postings. */
  private readonly dead = new Set<number>();
  private readonly entries = new Map<string, Entry>();
  private readonly blockKeys = new Map<string, string[]>();
  /** The keys a document or entity filter can let through, so a filter leads a search. */
  private readonly byDocument = new Map<string, Set<string>>();
  private readonly byEntity = new Map<string, Set<string>>();
  private readonly noteKeys = new Set<string>();
  /** Answers of blocksWithAll since the last change: a dossier reopened asks the same. */
  private readonly lookups = new Map<string, Map<string, { start: number; end: number }[]>>();
  /** The cache hash of each entity and note unit, by its entry. */
  private readonly hashes = new WeakMap<Entry, string>();

  get size(): number {
    return this.entries.size;
  }

  /** True until the first entry is added: only then may a saved index be adopted. */
  get pristine(): boolean {
    return this.nextId === 1 && !this.entries.size;
  }

  private put(entry: Indexable): void {
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
  private enter(entry: Entry, id: number): void {
    this.idOf.set(entry.key, id);
    this.keyOf.set(id, entry.key);
    this.entries.set(entry.key, entry);
    this.file(entry, true);
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
    this.dead.add(id);
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

  /** Prunes dead ids from the postings once they are a large share (no text is needed). */
  private compactIfNeeded(): void {
    if (this.dead.size < 1000 || this.dead.size < COMPACT_SHARE * this.entries.size) return;
    this.words.drop(this.dead);
    this.dead.clear();
  }

  putDocument(doc: Document): void {
    for (const key of this.blockKeys.get(doc.id) ?? []) this.remove(key);
    const [details, ...blocks] = documentEntries(doc);
    this.put(details!);
    for (const block of blocks) this.put(block);
    this.blockKeys.set(
      doc.id,
      blocks.map((b) => b.key),
    );
  }

  /**
   * Takes over a saved index (`search-cache.ts`) on an empty one, without reading any
   * document: each document's details and blocks, and its highlights, are taken when the
   * file they were built from is the one the custody log says is there; entities and notes
   * when their texts hash as they did. Ids of units that changed or went are dead. Returns
   * the documents whose details, blocks or highlights still need indexing (`fill`).
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
    let saved = 0;
    let units = 0;
    for (const unit of cache.manifest.units) {
      if (++units % 500 === 0) await pause();
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
  private take(
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
    if (kind === 'd') {
      if (fileHash(documentPath(id)) !== unit.hash) return false;
      const meta = summary.document;
      this.enter(documentEntry(meta), unit.ids[0]!);
      const keys: string[] = [];
      for (let i = 1; i < unit.ids.length; i++) {
        const key = blockKey(id, i - 1);
        keys.push(key);
        const [start, end] = [unit.blocks![(i - 1) * 2]!, unit.blocks![(i - 1) * 2 + 1]!];
        this.enter(
          { key, kind: 'block', title: meta.title, documentId: id, start, end },
          unit.ids[i]!,
        );
      }
      this.blockKeys.set(id, keys);
      return true;
    }
    if (kind !== 'h' || fileHash(highlightsPath(id)) !== unit.hash) return false;
    unit.highlights!.forEach((h, i) => {
      this.enter(
        {
          key: `a:${h.id}`,
          kind: 'highlight',
          title: '',
          documentId: id,
          start: h.start,
          end: h.end,
          entityIds: h.entityIds,
          annotationKind: h.kind as Annotation['kind'],
        },
        unit.ids[i]!,
      );
    });
    return true;
  }

  /** Indexes what `adopt` did not take over of a document, as it is now. */
  fill(file: DocumentFile): void {
    if (!this.entries.has(`d:${file.document.id}`)) this.putDocument(file.document);
    else if (!this.blockKeys.has(file.document.id)) this.putDocument(file.document);
    const ids = new Set(file.annotations.map((a) => `a:${a.id}`));
    // Highlights of this document the cache held but the file no longer has, go.
    for (const key of this.byDocument.get(file.document.id) ?? [])
      if (key.startsWith('a:') && !ids.has(key)) this.remove(key);
    for (const a of file.annotations) this.putAnnotation(a);
  }

  /**
   * What the cache saves, as the index stands: every unit with its ids, its hash and what
   * its entries need, and the lists (FlexSearch's own, which later additions extend with
   * higher ids only). `intact` turns false once postings are pruned (the lists changed).
   */
  cacheSource(fileHash: AdoptSource['fileHash']): {
    manifest: Omit<CacheManifest, 'probe'>;
    live: Set<number>;
    postings: Iterable<[string, Buckets]>;
    intact: () => boolean;
  } {
    const units: CacheUnit[] = [];
    const live = new Set<number>();
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
      live.add(id);
      if (entry.kind === 'document') {
        const documentId = key.slice(2);
        const blocks = (this.blockKeys.get(documentId) ?? []).map((k) => this.entries.get(k)!);
        const ids = [id, ...blocks.map((b) => this.idOf.get(b.key)!)];
        ids.forEach((i) => live.add(i));
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
      const list = highlights.get(documentId) ?? [];
      const ids = list.map((e) => this.idOf.get(e.key)!);
      ids.forEach((i) => live.add(i));
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

  /** A document's entries and its highlights' as `file` has them (none, without a file). */
  replaceDocument(id: string, file: DocumentFile | undefined): void {
    for (const key of [...(this.byDocument.get(id) ?? [])])
      if (key.startsWith('a:')) this.remove(key);
    this.removeDocument(id);
    if (!file) return;
    this.putDocument(file.document);
    for (const a of file.annotations) this.putAnnotation(a);
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

  async search(q: Query, scope: SearchScope): Promise<SearchResult> {
    const plan = parseQuery(q.query);
    if (!plan.variants.length) return { hits: [], total: 0 };
    const cap = Math.max(TOTAL_CAP, q.limit);
    const found = this.collect(plan, cap, (e) => this.accepts(e, q, scope), this.within(q));
    const ranked = found
      .map((entry, rank) => ({ entry, rank }))
      .sort((a, b) => KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] || a.rank - b.rank)
      .slice(0, q.limit)
      .map(({ entry }) => entry);
    // Snippets of blocks and highlights are cut from their documents, read only for these.
    const needed = new Set<string>();
    for (const e of ranked) if (e.text === undefined && e.documentId) needed.add(e.documentId);
    const documents = needed.size ? await scope.documents([...needed]) : new Map();
    const hits = [];
    for (const entry of ranked) {
      const source = sourceOf(entry, documents);
      if (!source) continue;
      hits.push(hitOf(source.entry, source.text, plan, (id) => scope.titleOf(id)));
    }
    return { hits, total: found.length - (ranked.length - hits.length) };
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

/** The text an entry was indexed from: its own, or (a block, a highlight) its document's. */
function textOf(entry: Entry): string {
  return entry.text ?? '';
}

/** An entry with its text, from the documents read for the hits (undefined: it is gone). */
function sourceOf(
  entry: Entry,
  documents: ReadonlyMap<string, DocumentFile>,
): { entry: Entry; text: string } | undefined {
  if (entry.text !== undefined) return { entry, text: entry.text };
  const file = documents.get(entry.documentId ?? '');
  if (!file) return undefined;
  if (entry.kind === 'block')
    return { entry, text: file.document.text.slice(entry.start, entry.end) };
  const a = file.annotations.find((x) => `a:${x.id}` === entry.key);
  return a
    ? { entry: { ...entry, title: a.target.quote.exact }, text: annotationText(a) }
    : undefined;
}
