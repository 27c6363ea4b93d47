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

/**
 * Files whole texts' words into a FlexSearch map. FlexSearch tells a word met before in
 * the same text by a table it makes for each text, one property per word, and at 20,000
 * documents (90 million words) that table was most of the cold build's time. Remembering
 * the last id filed under each word tells it with the lookup the filing needs anyway.
 */
export class WordFiling {
  private readonly words = new Map<string, { buckets: Buckets; last: number }>();

  constructor(private readonly map: () => Map<string, Buckets>) {}

  /** Files `id` under each of `tokens` (a text's words, in order). */
  file(id: number, tokens: readonly string[]): void {
    const count = tokens.length;
    for (let i = 0; i < count; i++) {
      const token = tokens[i]!;
      let word = this.words.get(token);
      if (!word) {
        const map = this.map();
        let buckets = map.get(token);
        if (!buckets) map.set(token, (buckets = []));
        this.words.set(token, (word = { buckets, last: 0 }));
      } else if (word.last === id) continue;
      word.last = id;
      insertAscending((word.buckets[firstPlaceScore(count, i)] ??= []), id);
    }
  }

  /** Forgets what it knew of the map: its lists were replaced or removed. */
  reset(): void {
    this.words.clear();
  }
}
