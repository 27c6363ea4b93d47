// Approximate placement of an edited quote: windows near where the quote should be (the
// hint) and where exact pieces of it and its context survived (seeds.ts) are searched by
// edit distance, each match's ends are corrected by its context, and the best-scored wins.
// It runs in steps, yielding before each window and each match verified (steps.ts): a long
// near-miss quote can match at many places in its windows, and its caller may need to stop.
import type { Steps } from './steps';
import type { FoldedText } from './fold';
import {
  editDistance,
  scoreRange,
  searchWindow,
  type QuoteContext,
  type Scored,
} from './match-quote';
import { seedStarts } from './seeds';

/** At most this share of the quote may differ (hypothesis/client allows half, too). */
export const MAX_ERROR_RATE = 0.5;
/** How many clusters of surviving pieces are verified by edit distance. */
const SEEDS = 4;
/** Prefix or suffix characters next to the quote used to correct a fuzzy match's ends. */
const EDGE = 16;

/**
 * Moves a fuzzy match's ends to where its context begins and ends: an approximate match
 * may drop or add a word at either end, but the unchanged text beside the quote marks
 * the true boundary.
 */
function refineEdges(f: FoldedText, ctx: QuoteContext, start: number, end: number, slack: number) {
  let s = start;
  let e = end;
  const prefix = ctx.prefix.slice(-EDGE);
  if (prefix.trim().length >= 4) {
    const near = searchWindow(f.text, prefix, s - prefix.length - slack, s + slack, 3);
    const best = near.sort(
      (a, b) => a.errors - b.errors || Math.abs(a.end - s) - Math.abs(b.end - s),
    )[0];
    if (best && best.end < e) s = best.end;
  }
  const suffix = ctx.suffix.slice(0, EDGE);
  if (suffix.trim().length >= 4) {
    const near = searchWindow(f.text, suffix, e - slack, e + suffix.length + slack, 3);
    const best = near.sort(
      (a, b) => a.errors - b.errors || Math.abs(a.start - e) - Math.abs(b.start - e),
    )[0];
    if (best && best.start > s) e = best.start;
  }
  while (s < e && f.text[s] === ' ') s += 1;
  while (e > s && f.text[e - 1] === ' ') e -= 1;
  return { s, e };
}

/**
 * The best approximate match, looking only within `within` characters of the hint if given,
 * in steps: one before each window searched and each match verified.
 */
export function* fuzzySteps(
  f: FoldedText,
  ctx: QuoteContext,
  within = Infinity,
): Steps<Scored | undefined> {
  const len = ctx.quote.length;
  const maxErrors = Math.floor(len * MAX_ERROR_RATE);
  if (maxErrors === 0) return undefined;
  const margin = maxErrors + 8;
  const seeds = seedStarts(f.text, ctx.quote, ctx.prefix, ctx.suffix, margin, SEEDS);
  const starts = [ctx.hint, ...seeds.map((s) => s.start)].filter(
    (at) => Math.abs(at - ctx.hint) <= within,
  );
  const slack = Math.min(maxErrors, 40) + 4;
  let best: Scored | undefined;
  const seen = new Set<string>();
  for (const at of starts) {
    yield;
    for (const m of searchWindow(f.text, ctx.quote, at - margin, at + len + margin, maxErrors)) {
      yield;
      const { s, e } = refineEdges(f, ctx, m.start, m.end, slack);
      const key = `${s}:${e}`;
      if (s >= e || seen.has(key)) continue;
      seen.add(key);
      const slice = f.text.slice(s, e);
      const errors = s === m.start && e === m.end ? m.errors : editDistance(ctx.quote, slice);
      const scored = scoreRange(f.text, ctx, s, e, errors);
      if (!best || scored.score > best.score) best = scored;
    }
  }
  return best;
}
