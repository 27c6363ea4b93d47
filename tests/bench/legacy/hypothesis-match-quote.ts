// approx-string-match used directly, the way hypothesis/client's match-quote.ts does:
// exact occurrences first, else Myers' search of the whole text with up to half the
// quote's length in errors; quote, prefix, suffix and position scored by edit distance
// (weights 50/20/20/2). It reports no status, so the benchmark counts any match as placed.
import approxSearch from 'approx-string-match';
import type { TextTarget } from '../../../src/shared/anchoring';

type Match = { start: number; end: number; errors: number };

function search(text: string, str: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let i = text.indexOf(str); i !== -1; i = text.indexOf(str, i + 1))
    exact.push({ start: i, end: i + str.length, errors: 0 });
  return exact.length > 0 ? exact : approxSearch(text, str, maxErrors);
}

function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  const [m] = search(text, str, str.length);
  return m ? 1 - m.errors / str.length : 0;
}

export function hypothesisMatchQuote(
  text: string,
  target: TextTarget,
): { start: number; end: number } | null {
  const { exact: quote, prefix, suffix } = target.quote;
  const hint = target.position.start;
  const matches = search(text, quote, Math.min(256, quote.length / 2));
  let best: (Match & { score: number }) | null = null;
  for (const m of matches) {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = prefix
      ? textMatchScore(text.slice(Math.max(0, m.start - prefix.length), m.start), prefix)
      : 1;
    const suffixScore = suffix
      ? textMatchScore(text.slice(m.end, m.end + suffix.length), suffix)
      : 1;
    const posScore = 1 - Math.abs(m.start - hint) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
    if (!best || score > best.score) best = { ...m, score };
  }
  return best;
}
