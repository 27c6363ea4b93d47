// The words under the search index: a FlexSearch index of whole folded words, read one
// word at a time (a query word's postings, a Term; terms.ts intersects them), a very long
// text added in steps, and postings adopted from the saved cache when a word is asked for.
import { Index } from 'flexsearch';
import { isWhiteSpace, searchTokens } from '../../shared/text';
import type { PostingSource } from './search-cache';
import { EMPTY, type Term } from './terms';
import { firstPlaceScore, insertAscending, PostingPool } from './word-filing';

/** One word's postings as FlexSearch keeps them: a list of ids per score, best first. */
export type Buckets = (number[] | undefined)[];

/**
 * FlexSearch 0.8's own storage for a plain index: each word's buckets, and the ids it
 * holds. Its export writes these as JSON text (larger than the workspace), so the cache
 * reads and fills them directly, in its own compact form; the cache tests compare every
 * hit with a fresh build, so a change to this layout fails them.
 */
interface Storage {
  map: Map<string, Buckets>;
  reg: Set<number>;
}

/** How many words a begun last word stands for at most. */
const MAX_EXPANSIONS = 50;

/**
 * A text longer than this is added in steps (`addInSteps`): FlexSearch takes a text in one
 * call, and one paragraph of millions of characters (a PDF of one run-on page) held the
 * serving thread for seconds.
 */
export const LONG_TEXT = 200_000;
/** Work between two steps of `addInSteps`: characters read into words, words looked at. */
const STEP_CHARS = 100_000;
const STEP_WORDS = 50_000;

/**
 * Where a piece of `text` that starts at `from` may end, `size` characters on or more: just
 * after white space, so no word is cut and folding and joining (a possessive, "U.S.",
 * "5,000", a final sigma) read each piece as they read the whole. Text without white space
 * is not cut.
 */
function pieceEnd(text: string, from: number, size: number): number {
  let end = Math.min(text.length, from + size);
  while (end < text.length && !isWhiteSpace(text.charCodeAt(end - 1))) end += 1;
  return end;
}

export class WordIndex {
  /**
   * `vocabulary: false` for an index that is only built and saved (the index workers):
   * it is never searched by prefix, and keeping every word's set costs a lookup a token.
   */
  constructor(private readonly options: { vocabulary: boolean } = { vocabulary: true }) {
    this.pool = options.vocabulary ? null : new PostingPool();
  }

  private index = this.create();
  /** Where an index only built and saved files a text's words (word-filing.ts). */
  private readonly pool: PostingPool | null;
  /** Every word ever indexed (removed words stay: they then simply match nothing). */
  private readonly vocabulary = new Set<string>();
  private sortedVocabulary: string[] | null = [];
  /** True while FlexSearch encodes text being added: its words join the vocabulary. */
  private indexing = false;
  /** A folded query word being looked up: FlexSearch is handed it as it is. */
  private literal: string | null = null;
  /**
   * The words of a loaded cache whose lists are not read yet: each is read into
   * FlexSearch's map the first time it is searched for, indexed again, or saved.
   */
  private lazy: { source: PostingSource; live: Uint8Array | undefined; limit: number } | null =
    null;

  private create(): Index {
    return new Index({
      tokenize: 'strict',
      encode: (text: string) => this.encode(text),
      cache: false,
    });
  }

  /**
   * FlexSearch's encoder. Collecting the vocabulary here, rather than tokenizing each text
   * a second time, keeps indexing to one pass.
   */
  private encode(text: string): string[] {
    if (this.literal !== null) return [this.literal];
    const tokens = searchTokens(text);
    if (this.indexing && this.options.vocabulary) {
      // A cached word's lists are not read to add to it: FlexSearch's lists for it hold
      // only what was added since, and reading the cached ones puts them first (below).
      // Reading "the" to save a highlight cost a save at 20,000 documents 100 ms.
      for (const token of tokens) {
        if (!this.vocabulary.has(token)) {
          this.vocabulary.add(token);
          this.sortedVocabulary = null;
        }
      }
    }
    return tokens;
  }

  /** Adds a text under `id`, which must be greater than every id added before it. */
  add(id: number, text: string): void {
    if (this.pool) {
      this.pool.file(id, searchTokens(text));
      this.raw.reg.add(id);
      return;
    }
    this.indexing = true;
    try {
      this.index.add(id, text);
    } finally {
      this.indexing = false;
    }
  }

  /**
   * What `add` does, in steps: the caller runs the thread between them (yielding when its
   * slice of time is spent). The text is read into words a piece at a time, each word's
   * first place is found, and the id is filed under each word in the bucket FlexSearch's
   * own `add` would give it, so searches find exactly what they would after `add`. Ids
   * added by others between steps may be higher: the lists are kept ascending.
   * `pieceChars` is for tests (short texts in many pieces).
   */
  *addInSteps(id: number, text: string, pieceChars = STEP_CHARS): Generator<void, void, void> {
    const tokens: string[] = [];
    for (let from = 0; from < text.length;) {
      const end = pieceEnd(text, from, pieceChars);
      for (const token of searchTokens(text.slice(from, end))) tokens.push(token);
      from = end;
      yield;
    }
    if (!tokens.length) return;
    const first = new Map<string, number>();
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (!first.has(token)) first.set(token, i);
      if (i % STEP_WORDS === STEP_WORDS - 1) yield;
    }
    let done = 0;
    for (const [word, i] of first) {
      if (this.options.vocabulary && !this.vocabulary.has(word)) {
        this.vocabulary.add(word);
        this.sortedVocabulary = null;
      }
      // FlexSearch's storage as it is now (a `clear` between steps starts a new one).
      const { map } = this.storage;
      let buckets = map.get(word);
      if (!buckets) map.set(word, (buckets = []));
      const score = firstPlaceScore(tokens.length, i);
      insertAscending((buckets[score] ??= []), id);
      if (++done % STEP_WORDS === 0) yield;
    }
    this.storage.reg.add(id);
  }

  /** Starts an empty FlexSearch index (the vocabulary is kept: it only widens prefixes). */
  clear(): void {
    this.pool?.discard();
    this.index = this.create();
    // The cached lists hold ids from before the clear.
    this.lazy = null;
    this.generation += 1;
  }

  /** Counts `clear` and `drop` calls: lists saved before one no longer hold. */
  generation = 0;

  /**
   * Takes ids out of every list: those of entries replaced or removed. Lists not read yet
   * from a cache lose them as they are read. No text is needed, so a workspace whose texts
   * are not in memory prunes as cheaply as a small one.
   */
  drop(dead: ReadonlySet<number>): void {
    if (!dead.size) return;
    const { map, reg } = this.storage;
    for (const id of dead) reg.delete(id);
    if (this.lazy) {
      const lazy = this.lazy;
      if (!lazy.live) {
        lazy.live = new Uint8Array(lazy.limit).fill(1);
        lazy.live[0] = 0;
      }
      for (const id of dead) if (id < lazy.limit) lazy.live[id] = 0;
    }
    const live = (id: number): boolean => !dead.has(id);
    for (const [word, buckets] of map) {
      let left = false;
      for (let score = 0; score < buckets.length; score++) {
        const list = buckets[score];
        if (!list) continue;
        if (list.some((id) => dead.has(id))) {
          const kept = list.filter(live);
          buckets[score] = kept.length ? kept : undefined;
        }
        left ||= (buckets[score]?.length ?? 0) > 0;
      }
      if (!left) map.delete(word);
    }
    this.generation += 1;
  }

  private get raw(): Storage {
    return this.index as unknown as Storage;
  }

  /** FlexSearch's storage, holding every list (those still in the pool are moved in first). */
  private get storage(): Storage {
    this.drainPool();
    return this.raw;
  }

  private drainPool(): void {
    if (this.pool?.size) this.pool.drain(this.raw.map);
  }

  /**
   * Every word and its buckets, as they stand (cached words not yet read are read as they
   * come); the lists are FlexSearch's own, not copies.
   */
  *postings(): IterableIterator<[string, Buckets]> {
    // A Map's iteration also visits the words read in while it runs (by a search). A word
    // added to since the cache was loaded gets its cached lists first (in place).
    for (const [word, buckets] of this.storage.map) {
      if (this.lazy) this.materialise(word);
      yield [word, this.storage.map.get(word) ?? buckets];
    }
    for (const word of [...(this.lazy?.source.words() ?? [])]) {
      this.materialise(word);
      const buckets = this.storage.map.get(word);
      if (buckets) yield [word, buckets];
    }
  }

  /**
   * Takes over a saved cache's words on an empty index, for the entries `ids`; each
   * word's lists are read when first needed. With `live` (a flag per id), every other id
   * is dropped as they are read, so a word's size, which decides how a search is led, is
   * what a fresh build would give. Later `add`s must use ids above all of them.
   */
  load(source: PostingSource, ids: Iterable<number>, live?: Uint8Array): void {
    const { map } = this.storage;
    if (map.size || this.lazy) throw new Error('WordIndex.load needs an empty index');
    let limit = live?.length ?? 0;
    // The cached words join the vocabulary as they are read in, or when it is next sorted.
    // The ids do not go into FlexSearch's register: it is consulted only to update or
    // remove an id (never asked of it here, see index-table.ts) and to tell whether an id
    // added is new (every id added after a load is), and filling it with 800,000 ids held
    // the thread a quarter of a second at 20,000 documents.
    for (const id of ids) if (id >= limit) limit = id + 1;
    this.lazy = { source, live, limit };
    this.sortedVocabulary = null;
  }

  /** Reads a cached word's lists into FlexSearch's map, before any added since. */
  private materialise(word: string): void {
    const lazy = this.lazy!;
    let buckets: Buckets | undefined;
    try {
      buckets = lazy.source.take(word);
    } catch {
      // Malformed lists in a file whose checksum held: only a cache, so the word is
      // simply not taken from it (entries indexed from now on still find it).
      return;
    }
    if (!buckets) return;
    this.vocabulary.add(word);
    if (lazy.live && !prune(buckets, lazy.live)) return;
    const { map } = this.storage;
    const newer = map.get(word);
    if (!newer) {
      map.set(word, buckets);
      return;
    }
    // Ids added since the cache was loaded are all higher: the cached ones go first.
    buckets.forEach((list, score) => {
      const after = newer[score];
      if (list) newer[score] = after ? list.concat(after) : list;
    });
  }

  /** The postings of one folded word. */
  term(word: string): Term {
    if (this.lazy) this.materialise(word);
    this.literal = word;
    try {
      // `resolve: false` hands back FlexSearch's own lists by score, not copied or merged.
      this.drainPool();
      const buckets = this.index.search(word, { resolve: false }).result as unknown as (
        number[] | null | undefined
      )[];
      const lists = buckets.filter((list): list is number[] => !!list?.length);
      return lists.length ? { lists, size: lists.reduce((n, l) => n + l.length, 0) } : EMPTY;
    } finally {
      this.literal = null;
    }
  }

  /** The postings of the words starting with `prefix`: the word itself first, then shortest. */
  prefixTerm(prefix: string): Term {
    const lists: (readonly number[])[] = [];
    let size = 0;
    for (const word of this.expansions(prefix)) {
      const term = this.term(word);
      lists.push(...term.lists);
      size += term.size;
    }
    return size ? { lists, size } : EMPTY;
  }

  private expansions(prefix: string): string[] {
    this.sortedVocabulary ??= [
      ...new Set([...this.vocabulary, ...(this.lazy?.source.words() ?? [])]),
    ].sort();
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
    return found.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, MAX_EXPANSIONS);
  }
}

/** Drops the ids not flagged in `live` from the buckets, in place; false if none is left. */
function prune(buckets: Buckets, live: Uint8Array): boolean {
  let left = false;
  for (let score = 0; score < buckets.length; score++) {
    const list = buckets[score];
    if (!list) continue;
    if (list.every((id) => live[id] === 1)) left = true;
    else {
      const kept = list.filter((id) => live[id] === 1);
      buckets[score] = kept.length ? kept : undefined;
      left ||= kept.length > 0;
    }
  }
  return left;
}
