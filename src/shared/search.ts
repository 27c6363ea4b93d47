// Search as the core and the UI both need it: how a query is read into
// words (and the spellings a Persian writer may mean by it), and the snippet builder, a
// short excerpt around the first matched word split into plain and matched parts so the UI
// can mark matches without ever rendering HTML.
import type { SnippetPart } from './methods/search';
import { scanTokenSpans, tokenSpans } from './text';

/**
 * A query read into words. Each variant is a list of words an entry must all hold; an
 * entry matching any variant is a hit. The last word of each variant may be the start of
 * a longer word (`prefix`), as the researcher is still typing it.
 */
export interface QueryPlan {
  variants: string[][];
  prefix: boolean;
}

const ARABIC_SCRIPT = /[\u0600-\u06FF]/;
/** Two Arabic-script words a space or ZWNJ apart may be one word (می‌شوند, میشوند, می شوند). */
const MAX_JOINS = 4;

/**
 * Reads a query. Persian writes a ZWNJ where a space or nothing may also stand, so where
 * two Arabic-script words of the query are a space or a ZWNJ apart, the query also asks
 * for the two joined: "می شوند" and "می‌شوند" both find "میشوند" (and "می‌شوند", which
 * the index reads the same) as well as the two words. The joined spelling comes first.
 */
export function parseQuery(query: string): QueryPlan {
  const spaced = query.replace(/\u200C/g, ' ');
  const words: { word: string; joinsNext: boolean }[] = [];
  let lastEnd = -1;
  for (const span of tokenSpans(spaced)) {
    const previous = words.at(-1);
    if (previous && lastEnd >= 0) {
      const gap = spaced.slice(lastEnd, span.start);
      previous.joinsNext =
        /^\s+$/.test(gap) &&
        ARABIC_SCRIPT.test(previous.word.at(-1) ?? '') &&
        ARABIC_SCRIPT.test(span.tokens[0]!.charAt(0));
    }
    span.tokens.forEach((word, i) => {
      if (i > 0) words.at(-1)!.joinsNext = false;
      words.push({ word, joinsNext: false });
    });
    lastEnd = span.end;
  }
  if (!words.length) return { variants: [], prefix: false };
  // A word with a possessive after it is finished: "Nouri's" asks for Nouri, not Nourizad.
  const prefix = !/[\p{L}\p{N}\p{M}.]['\u2019]s$/u.test(spaced.trim());
  const joinable = words.flatMap((w, i) => (w.joinsNext ? [i] : [])).slice(0, MAX_JOINS);
  const variants: string[][] = [];
  // Every subset of the joinable gaps, most joins first.
  const subsets = Array.from({ length: 1 << joinable.length }, (_, mask) => mask).sort(
    (a, b) => popcount(b) - popcount(a) || a - b,
  );
  for (const mask of subsets) {
    const joined = new Set(joinable.filter((_, bit) => mask & (1 << bit)));
    const variant: string[] = [];
    words.forEach((w, i) => {
      if (i > 0 && joined.has(i - 1)) variant[variant.length - 1] += w.word;
      else variant.push(w.word);
    });
    variants.push([...new Set(variant.slice(0, -1)), variant.at(-1)!]);
  }
  return { variants, prefix };
}

function popcount(n: number): number {
  let count = 0;
  for (let m = n; m; m &= m - 1) count++;
  return count;
}

/** Whether a folded word is one the plan asks for: a word whole, or its last word begun. */
export function planMatcher(plan: QueryPlan): (token: string) => boolean {
  const whole = new Set<string>();
  const begun = new Set<string>();
  for (const variant of plan.variants) {
    variant.forEach((word, i) =>
      (plan.prefix && i === variant.length - 1 ? begun : whole).add(word),
    );
  }
  const prefixes = [...begun];
  return (token) => whole.has(token) || prefixes.some((p) => token.startsWith(p));
}

/** About `width` characters around the first match, with every match in it marked. */
export function buildSnippet(
  text: string,
  plan: QueryPlan | { start: number; end: number }[],
  width = 160,
): SnippetPart[] {
  const words = Array.isArray(plan) ? plan : snippetWords(text, plan, width);
  const first = words[0]?.start ?? 0;
  let from = Math.max(0, first - Math.floor(width / 3));
  let to = Math.min(text.length, from + width);
  if (from > 0) from = text.lastIndexOf(' ', from) + 1; // a whole first word, or the start
  if (to < text.length) to = text.indexOf(' ', to) >= 0 ? text.indexOf(' ', to) : text.length;
  const parts: SnippetPart[] = [];
  let at = from;
  const push = (end: number, match: boolean): void => {
    if (end > at) parts.push({ text: text.slice(at, end).replace(/\s+/g, ' '), match });
    at = end;
  };
  if (from > 0) parts.push({ text: '…', match: false });
  for (const word of words) {
    if (word.end <= from || word.start >= to) continue;
    push(Math.max(at, word.start), false);
    push(Math.min(to, word.end), true);
  }
  push(to, false);
  if (to < text.length) parts.push({ text: '…', match: false });
  return parts;
}

/**
 * The matched words a snippet of `width` can show: those up to a width past the first
 * one, so a long paragraph is read only as far as its excerpt.
 */
export function snippetWords(
  text: string,
  plan: QueryPlan,
  width = 160,
): { start: number; end: number }[] {
  if (!plan.variants.length) return [];
  const matches = planMatcher(plan);
  const found: { start: number; end: number }[] = [];
  let until = Infinity;
  scanTokenSpans(text, (tokens, start, end) => {
    if (start >= until) return false;
    if (tokens.some(matches)) {
      found.push({ start, end });
      if (found.length === 1) until = start + width + 40;
    }
    return true;
  });
  return found;
}
