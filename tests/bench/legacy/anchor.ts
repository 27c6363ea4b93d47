// The anchoring engine before issue 8 (exact common-prefix context scores, a Sellers
// dynamic programme for approximate matches), kept only so `npm run bench` can measure the
// new engine against it on the same inputs. Not used by the app.
import type { Anchor, TextTarget } from '../../../src/shared/anchoring';
import { approximateSearch } from './approximate-search';

/** Share of the quote that may be edited before a fuzzy match is refused. */
const MAX_ERROR_RATE = 0.25;

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return n;
}

/**
 * How well a candidate [start, end) fits the stored quote, in [0, 1]: how much of the
 * quote matched, then how much of the context, then how near the old position it is.
 */
export function scoreCandidate(
  text: string,
  target: TextTarget,
  start: number,
  end: number,
  errors: number,
): number {
  const { exact, prefix, suffix } = target.quote;
  const quoteScore = 1 - errors / exact.length;
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  const prefixScore = prefix.length ? commonSuffixLength(before, prefix) / prefix.length : 1;
  const suffixScore = suffix.length ? commonPrefixLength(after, suffix) / suffix.length : 1;
  const distance = Math.abs(start - target.position.start);
  const positionScore = 1 - Math.min(1, distance / Math.max(1, text.length));
  return (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92;
}

function exactOccurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) found.push(i);
  return found;
}

export function legacyAnchor(text: string, target: TextTarget): Anchor {
  const { position, quote } = target;
  if (text.slice(position.start, position.end) === quote.exact) {
    return { start: position.start, end: position.end, status: 'anchored' };
  }

  const exact = exactOccurrences(text, quote.exact);
  if (exact.length > 0) {
    const len = quote.exact.length;
    const best = exact.reduce((a, b) =>
      scoreCandidate(text, target, b, b + len, 0) > scoreCandidate(text, target, a, a + len, 0)
        ? b
        : a,
    );
    return { start: best, end: best + len, status: 'moved' };
  }

  const maxErrors = Math.floor(quote.exact.length * MAX_ERROR_RATE);
  if (maxErrors > 0) {
    const candidates = approximateSearch(text, quote.exact, maxErrors);
    let best: Anchor | null = null;
    let bestScore = -Infinity;
    for (const c of candidates) {
      const score = scoreCandidate(text, target, c.start, c.end, c.errors);
      if (score > bestScore) {
        bestScore = score;
        const confidence = Math.round((1 - c.errors / quote.exact.length) * 100) / 100;
        best = { start: c.start, end: c.end, status: 'fuzzy', confidence };
      }
    }
    if (best) return best;
  }

  return { start: position.start, end: position.end, status: 'orphaned' };
}
