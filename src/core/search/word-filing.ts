// Filing ids under words straight into FlexSearch's storage, as its own `add` would: each
// word of a text once, at its first place, in the bucket its score gives it. Used where
// FlexSearch's `add` is too slow or too coarse: a very long text added in steps
// (word-index.ts `addInSteps`), and the index workers' cold build (`WordFiling`).
import type { Buckets } from './word-index';

/**
 * FlexSearch 0.8's score of a word whose first place among a text's `count` words is `i`
 * (its get_score for a plain index at the default resolution, 9): the bucket it is filed
 * in. The tests compare every list with FlexSearch's own `add`.
 */
export function firstPlaceScore(count: number, i: number): number {
  const resolution = 9;
  if (!i) return 0;
  return count <= resolution ? i : 0 | (((resolution - 1) / count) * i + 1);
}

/** Puts `id` in an ascending list: at the end, unless ids added meanwhile are above it. */
export function insertAscending(list: number[], id: number): void {
  if (!list.length || list[list.length - 1]! < id) {
    list.push(id);
    return;
  }
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  if (list[lo] !== id) list.splice(lo, 0, id);
}

/** FlexSearch's scores at its default resolution: 0 to 8. */
const SCORES = 9;
/** Ids per chunk of the pool; the slot after them holds the next chunk's offset. */
const CHUNK = 15;

/** A copy of `array` made `size` long, the rest filled with `fill`. */
function grown(array: Int32Array, size: number, fill = 0): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size).fill(fill);
  next.set(array);
  return next;
}

/**
 * The index workers' cold build files each text's words here, not with FlexSearch's
 * `add`, and the lists are handed to FlexSearch's storage (or the cache's encoder) once.
 * FlexSearch tells a word met before in the same text by a table it makes for each text,
 * one property per word, and grows a JS array per list id by id: at 20,000 documents (90
 * million words) that was most of the cold build. Here the last id filed under each word
 * tells a repeat with the lookup the filing needs anyway, and the lists grow in chunks of
 * one shared Int32Array, which the garbage collector never walks.
 */
export class PostingPool {
  private readonly numbers = new Map<string, number>();
  private readonly words: string[] = [];
  /** Per word: the last id filed under it. */
  private last = new Int32Array(1024);
  /** Per list (word × score): its first and last chunk, and how many ids it holds. */
  private head = new Int32Array(1024 * SCORES);
  private tail = new Int32Array(1024 * SCORES);
  private sizes = new Int32Array(1024 * SCORES);
  private pool = new Int32Array(1 << 16);
  private end = 0;
  /** The highest id filed: the lists are ascending while ids come in order. */
  private top = 0;

  /** Words filed since the pool was last drained. */
  get size(): number {
    return this.words.length;
  }

  /** Files `id` under each of `tokens` (a text's words, in order), at its first place. */
  file(id: number, tokens: readonly string[]): void {
    if (id <= this.top)
      throw new Error(`ids are filed in ascending order (${id} after ${this.top})`);
    this.top = id;
    const count = tokens.length;
    for (let i = 0; i < count; i++) {
      const token = tokens[i]!;
      let n = this.numbers.get(token);
      if (n === undefined) n = this.number(token);
      else if (this.last[n] === id) continue;
      this.last[n] = id;
      this.append(n * SCORES + firstPlaceScore(count, i), id);
    }
  }

  private number(word: string): number {
    const n = this.words.length;
    this.numbers.set(word, n);
    this.words.push(word);
    if (n === this.last.length) {
      this.last = grown(this.last, n * 2);
      this.head = grown(this.head, n * 2 * SCORES);
      this.tail = grown(this.tail, n * 2 * SCORES);
      this.sizes = grown(this.sizes, n * 2 * SCORES);
    }
    return n;
  }

  private append(list: number, id: number): void {
    const size = this.sizes[list]!;
    if (!size) this.head[list] = this.tail[list] = this.chunk();
    else if (size % CHUNK === 0) {
      const next = this.chunk();
      this.pool[this.tail[list]! + CHUNK] = next;
      this.tail[list] = next;
    }
    this.pool[this.tail[list]! + (size % CHUNK)] = id;
    this.sizes[list] = size + 1;
  }

  private chunk(): number {
    if (this.end + CHUNK + 1 > this.pool.length) this.pool = grown(this.pool, this.pool.length * 2);
    const at = this.end;
    this.end += CHUNK + 1;
    return at;
  }

  private ids(list: number): number[] {
    const out: number[] = [];
    for (
      let at = this.head[list]!, left = this.sizes[list]!;
      left > 0;
      at = this.pool[at + CHUNK]!
    ) {
      const n = Math.min(left, CHUNK);
      for (let i = 0; i < n; i++) out.push(this.pool[at + i]!);
      left -= n;
    }
    return out;
  }

  /**
   * Moves every list into FlexSearch's map, after (or merged with) what the map holds for
   * the word, and starts empty.
   */
  drain(map: Map<string, Buckets>): void {
    this.words.forEach((word, n) => {
      let buckets = map.get(word);
      if (!buckets) map.set(word, (buckets = []));
      for (let score = 0; score < SCORES; score++) {
        const list = n * SCORES + score;
        if (!this.sizes[list]) continue;
        const ids = this.ids(list);
        const held = buckets[score];
        // Lists filed in FlexSearch's storage meanwhile (a long text added in steps) drain
        // the pool first, so the pool's ids come after theirs.
        if (!held?.length) buckets[score] = ids;
        else for (const id of ids) insertAscending(held, id);
      }
    });
    this.discard();
  }

  /** Starts empty, the lists filed so far dropped (ids filed later still ascend). */
  discard(): void {
    this.numbers.clear();
    this.words.length = 0;
    this.last.fill(0);
    this.sizes.fill(0);
    this.end = 0;
  }
}
