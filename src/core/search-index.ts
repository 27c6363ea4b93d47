// The workspace's search index: one FlexSearch Document index over document blocks,
// document titles and metadata, highlight quotes and notes, and entity names, aliases and
// descriptions. Built when the workspace opens and updated entry by entry on every change.
// Text is folded (case, diacritics, Arabic/Persian variants) by the same function for
// indexing and querying. Words are indexed whole ("strict"): FlexSearch's forward
// tokenizer would index every prefix of every word and made opening a 60 MB workspace
// four times slower. Prefixes are matched instead by expanding the query's last word to
// the words of the index's vocabulary that start with it.
import { Document as FlexDocument } from 'flexsearch';
import type { Annotation, Document, Entity } from '../shared/model';
import {
  buildSnippet,
  matchedWords,
  type SearchHit,
  type SearchKind,
  type SearchResult,
} from '../shared/search';
import { searchTokens } from '../shared/text';
import type { z } from 'zod';
import type { SearchInput } from '../shared/search';

interface Entry {
  key: string;
  kind: SearchKind;
  title: string;
  text: string;
  documentId?: string;
  /** Offset of `text` in the document's canonical text (blocks) or the highlight's range. */
  start?: number;
  end?: number;
  entityIds?: string[];
  annotationKind?: Annotation['kind'];
  entityType?: string;
}

type Query = z.output<typeof SearchInput>;

const KIND_ORDER: Record<SearchKind, number> = {
  entity: 0,
  highlight: 1,
  document: 2,
  block: 3,
  note: 4,
};

/**
 * Changes never ask FlexSearch to update or remove: without its `fastupdate` register
 * that scans the whole index (over 100 ms an edit at 2,000 documents), and with it 0.8.212
 * fails on a search for a word whose entries were all removed. Instead each version of an
 * entry is added under a new numeric id, and ids that are no longer current are dropped
 * from results. The dead postings are rebuilt away once they pass a share of the index.
 */
const COMPACT_SHARE = 0.25;

const newFlexIndex = (encode: (text: string) => string[]) =>
  new FlexDocument<{ id: number; text: string }>({
    document: { id: 'id', index: 'text' },
    tokenize: 'strict',
    encode,
    cache: false,
  });

export class SearchIndex {
  private index = newFlexIndex((text) => this.encode(text));
  /** The current FlexSearch id of each entry, and the entry of each current id. */
  private readonly idOf = new Map<string, number>();
  private readonly keyOf = new Map<number, string>();
  private nextId = 1;
  /** Ids still in FlexSearch that no longer stand for anything. */
  private dead = 0;
  private readonly entries = new Map<string, Entry>();
  /** Every word ever indexed (removed words stay: they then simply match nothing). */
  private readonly vocabulary = new Set<string>();
  private sortedVocabulary: string[] | null = [];
  private readonly blockKeys = new Map<string, string[]>();
  /** Answers of blocksWithAll since the last change: a dossier reopened asks the same. */
  private readonly lookups = new Map<string, Map<string, { start: number; end: number }[]>>();

  get size(): number {
    return this.entries.size;
  }

  /** True while FlexSearch encodes text being added: its words join the vocabulary. */
  private indexing = false;

  /**
   * FlexSearch's encoder for both indexing and queries. Collecting the vocabulary here,
   * rather than tokenizing each text a second time, keeps indexing to one pass.
   */
  private encode(text: string): string[] {
    const tokens = searchTokens(text);
    if (this.indexing) {
      for (const token of tokens) {
        if (!this.vocabulary.has(token)) {
          this.vocabulary.add(token);
          this.sortedVocabulary = null;
        }
      }
    }
    return tokens;
  }

  private put(entry: Entry): void {
    this.lookups.clear();
    this.retire(entry.key);
    this.add(entry);
    this.entries.set(entry.key, entry);
    this.compactIfNeeded();
  }

  private add(entry: Entry): void {
    const id = this.nextId++;
    this.indexing = true;
    try {
      this.index.add({ id, text: entry.text });
    } finally {
      this.indexing = false;
    }
    this.idOf.set(entry.key, id);
    this.keyOf.set(id, entry.key);
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
    if (!this.entries.delete(key)) return;
    this.retire(key);
    this.compactIfNeeded();
  }

  /** Rebuilds FlexSearch from the live entries once dead postings are a large share. */
  private compactIfNeeded(): void {
    if (this.dead < 1000 || this.dead < COMPACT_SHARE * this.entries.size) return;
    this.index = newFlexIndex((text) => this.encode(text));
    this.idOf.clear();
    this.keyOf.clear();
    this.dead = 0;
    for (const entry of this.entries.values()) this.add(entry);
  }

  putDocument(doc: Document): void {
    for (const key of this.blockKeys.get(doc.id) ?? []) this.remove(key);
    const { author, publisher, url, publishedDate, fileName } = doc.source;
    const meta = [doc.title, author, publisher, url, publishedDate, fileName]
      .filter(Boolean)
      .join(' · ');
    this.put({
      key: `d:${doc.id}`,
      kind: 'document',
      title: doc.title,
      text: meta,
      documentId: doc.id,
    });
    const keys = doc.blocks.map((block, i) => {
      const key = `b:${doc.id}:${i}`;
      const text = doc.text.slice(block.start, block.end);
      this.put({
        key,
        kind: 'block',
        title: doc.title,
        text,
        documentId: doc.id,
        start: block.start,
        end: block.end,
      });
      return key;
    });
    this.blockKeys.set(doc.id, keys);
  }

  removeDocument(id: string): void {
    for (const key of this.blockKeys.get(id) ?? []) this.remove(key);
    this.blockKeys.delete(id);
    this.remove(`d:${id}`);
  }

  putAnnotation(a: Annotation): void {
    const text = [a.target.quote.exact, a.note, ...a.tags].filter(Boolean).join('\n');
    this.put({
      key: `a:${a.id}`,
      kind: 'highlight',
      title: a.target.quote.exact,
      text,
      documentId: a.documentId,
      start: a.target.position.start,
      end: a.target.position.end,
      entityIds: a.entityIds,
      annotationKind: a.kind,
    });
  }

  removeAnnotation(id: string): void {
    this.remove(`a:${id}`);
  }

  putEntity(e: Entity): void {
    const text = [e.name, ...e.aliases, e.description].filter(Boolean).join('\n');
    this.put({ key: `e:${e.id}`, kind: 'entity', title: e.name, text, entityType: e.type });
  }

  removeEntity(id: string): void {
    this.remove(`e:${id}`);
  }

  private accepts(entry: Entry, q: Query): boolean {
    if (q.kinds && !q.kinds.includes(entry.kind)) return false;
    if (q.documentId && entry.documentId !== q.documentId) return false;
    if (q.annotationKind && entry.annotationKind !== q.annotationKind) return false;
    if (q.entityId) {
      if (entry.kind === 'entity') return entry.key === `e:${q.entityId}`;
      if (!entry.entityIds?.includes(q.entityId)) return false;
    }
    return true;
  }

  search(q: Query, titleOf: (documentId: string) => string | undefined): SearchResult {
    const tokens = searchTokens(q.query);
    if (tokens.length === 0) return { hits: [], total: 0 };
    const filtered = q.kinds || q.documentId || q.entityId || q.annotationKind;
    const fetch = filtered ? 10_000 : Math.max(200, q.limit * 4);
    const keys = this.matchingKeys(tokens, fetch);
    const entries = keys
      .map((key) => this.entries.get(key))
      .filter((e): e is Entry => e !== undefined && this.accepts(e, q));
    const ranked = entries
      .map((entry, rank) => ({ entry, rank }))
      .sort((a, b) => KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] || a.rank - b.rank)
      .slice(0, q.limit);
    return {
      hits: ranked.map(({ entry }) => this.toHit(entry, tokens, titleOf)),
      total: entries.length,
    };
  }

  /** Words of the vocabulary starting with `prefix`, the word itself first, then shortest. */
  private expansions(prefix: string, max: number): string[] {
    this.sortedVocabulary ??= [...this.vocabulary].sort();
    const words = this.sortedVocabulary;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (words[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let i = lo; i < words.length && words[i]!.startsWith(prefix); i++) found.push(words[i]!);
    return found.sort((a, b) => a.length - b.length || a.localeCompare(b)).slice(0, max);
  }

  /** The engine alone, without filters or snippets: what the benchmark compares. */
  keys(query: string, limit: number): string[] {
    const tokens = searchTokens(query);
    return tokens.length ? this.matchingKeys(tokens, limit) : [];
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
    const found = this.index.search(tokens.join(' '), { index: 'text', limit: 1_000_000 });
    for (const field of found) {
      for (const id of field.result) {
        const key = this.keyOf.get(Number(id));
        const entry = key === undefined ? undefined : this.entries.get(key);
        if (entry?.kind !== 'block' || !entry.documentId || entry.start === undefined) continue;
        const list = out.get(entry.documentId) ?? [];
        list.push({ start: entry.start, end: entry.end ?? entry.start });
        out.set(entry.documentId, list);
      }
    }
    return out;
  }

  /** Keys of entries holding every query word, the last one as a prefix, best first. */
  private matchingKeys(tokens: string[], limit: number): string[] {
    const head = tokens.slice(0, -1);
    const keys = new Set<string>();
    // Dead ids may take places in FlexSearch's answer: ask for enough to fill `limit`.
    const fetch = limit + Math.min(this.dead, 10_000);
    for (const last of this.expansions(tokens.at(-1)!, 50)) {
      const found = this.index.search([...head, last].join(' '), { index: 'text', limit: fetch });
      for (const field of found) {
        for (const id of field.result) {
          const key = this.keyOf.get(Number(id));
          if (key !== undefined) keys.add(key);
        }
      }
      if (keys.size >= limit) break;
    }
    return [...keys].slice(0, limit);
  }

  private toHit(
    entry: Entry,
    tokens: string[],
    titleOf: (id: string) => string | undefined,
  ): SearchHit {
    const hit: SearchHit = {
      kind: entry.kind,
      id: entry.key.slice(2),
      title: entry.title,
      snippet: buildSnippet(entry.text, tokens),
    };
    if (entry.documentId) {
      hit.documentId = entry.documentId;
      hit.documentTitle = titleOf(entry.documentId) ?? entry.title;
    }
    if (entry.kind === 'block' && entry.start !== undefined) {
      // From the first matched word to the last one near it, so a phrase flashes whole.
      const words = matchedWords(entry.text, tokens);
      const first = words[0];
      const last = words.filter((w) => first && w.end - first.start <= 200).at(-1);
      hit.start = entry.start + (first?.start ?? 0);
      hit.end = entry.start + (last?.end ?? entry.text.length);
    } else if (entry.kind === 'highlight') {
      hit.start = entry.start;
      hit.end = entry.end;
    }
    if (entry.annotationKind) hit.annotationKind = entry.annotationKind;
    if (entry.entityType) hit.entityType = entry.entityType;
    return hit;
  }
}
