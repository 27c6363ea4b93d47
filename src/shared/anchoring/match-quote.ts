// Scoring where a quote may now be, the way hypothesis/client's match-quote.ts does it:
// the quote, its prefix and its suffix are each compared by edit distance (Myers'
// bit-parallel algorithm, from approx-string-match), so one edit next to a quote costs
// its context one character, not the whole context. Works on whitespace-folded text.
import approxSearch from 'approx-string-match';

/**
 * Weights of the four scores, as in hypothesis/client: the quote decides, context on
 * either side separates repeated passages, and position only breaks ties between places
 * that fit equally well (so text inserted before a quote does not count against it).
 */
export const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const TOTAL = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

export interface QuoteContext {
  quote: string;
  prefix: string;
  suffix: string;
  /** Where the quote was (folded offset in this text), for the position score. */
  hint: number;
}

export interface Scored {
  start: number;
  end: number;
  /** Weighted score in [0, 1]: the confidence reported for a fuzzy match. */
  score: number;
  quoteScore: number;
  /** Mean of the prefix and suffix scores (1 when the quote had no context). */
  contextScore: number;
  /** The better of the two: one intact side is enough to confirm an exact quote. */
  contextBest: number;
}

/**
 * Similarity of `str` to its best match inside `text`, 0 to 1 (1 - errors / length).
 * An empty `str` (a quote at the start or end of the text) fits anywhere.
 */
export function textMatchScore(text: string, str: string): number {
  if (str.length === 0) return 1;
  if (text.length === 0) return 0;
  if (text.includes(str)) return 1;
  const [best] = approxSearch(text, str, str.length);
  return best ? 1 - best.errors / str.length : 0;
}

/** Context scores of the range [start, end) of `text`: prefix before it, suffix after. */
export function contextScores(
  text: string,
  ctx: QuoteContext,
  start: number,
  end: number,
): { prefix: number; suffix: number } {
  const before = text.slice(Math.max(0, start - ctx.prefix.length), start);
  const after = text.slice(end, end + ctx.suffix.length);
  // The context was cut at a fixed length, so compare its inner end (next to the quote)
  // with the text here; a prefix cut mid-word at its outer end still scores fully.
  return { prefix: textMatchScore(before, ctx.prefix), suffix: textMatchScore(after, ctx.suffix) };
}

export function scoreRange(
  text: string,
  ctx: QuoteContext,
  start: number,
  end: number,
  errors: number,
): Scored {
  const quoteScore = Math.max(0, 1 - errors / Math.max(1, ctx.quote.length));
  const { prefix, suffix } = contextScores(text, ctx, start, end);
  const positionScore = 1 - Math.min(1, Math.abs(start - ctx.hint) / Math.max(1, text.length));
  const score =
    (WEIGHTS.quote * quoteScore +
      WEIGHTS.prefix * prefix +
      WEIGHTS.suffix * suffix +
      WEIGHTS.position * positionScore) /
    TOTAL;
  return {
    start,
    end,
    score,
    quoteScore,
    contextScore: (prefix + suffix) / 2,
    contextBest: Math.max(prefix, suffix),
  };
}

/** Every exact occurrence of `quote` in `text`, capped: a phrase found everywhere says little. */
export function exactOccurrences(text: string, quote: string, cap = 2000): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(quote); i >= 0 && found.length < cap; i = text.indexOf(quote, i + 1))
    found.push(i);
  return found;
}

/** The best approximate match of the quote inside text[from, to), with at most maxErrors. */
export function searchWindow(
  text: string,
  quote: string,
  from: number,
  to: number,
  maxErrors: number,
): { start: number; end: number; errors: number }[] {
  const window = text.slice(Math.max(0, from), Math.min(text.length, to));
  const base = Math.max(0, from);
  return approxSearch(window, quote, maxErrors).map((m) => ({
    start: base + m.start,
    end: base + m.end,
    errors: m.errors,
  }));
}

/** Edit distance of two short strings (two rows of the classic table). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}
