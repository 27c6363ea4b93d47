// Re-anchoring a stored highlight against a document's current text, cheapest and surest
// strategy first: the stored position, then the exact quote (white space ignored), then
// an approximate match near where pieces of the quote and its context survived. Only a
// placement confirmed by its context is reported as certain ("anchored" or "moved");
// anything less sure is "fuzzy" with its confidence, or "orphaned": still listed, never
// dropped, never silently misplaced.
import type { AnchorStatus } from '../model';
import { runSteps, type Steps } from './steps';
import type { TextTarget } from './describe';
import { foldSpaces, foldText, toOriginalRange } from './fold';
import { fuzzySteps, MAX_ERROR_RATE } from './fuzzy-match';
import { exactOccurrences, scoreRange, textMatchScore, type QuoteContext } from './match-quote';

export interface Anchor {
  start: number;
  end: number;
  status: AnchorStatus;
  /** For a fuzzy match: the weighted score of the place found, 0 to 1. */
  confidence?: number;
}

/** Below this weighted score a place is not offered even as fuzzy: the highlight orphans. */
export const MIN_FUZZY_SCORE = 0.68;
/**
 * Context at least this close on one side makes an exact quote a certain placement: text
 * inserted right after a quote changes its suffix, not where the quote is.
 */
const SURE_CONTEXT = 0.75;
/**
 * When two copies of a quote both keep some context (a repeated sentence), the better
 * one is certain only by this lead in mean context score; otherwise it is offered as fuzzy.
 */
const CLEAR_LEAD = 0.25;

/**
 * An exact copy farther than this from where the quote should be (characters, or a share
 * of the text) is checked against approximate matches near there: a sentence repeated
 * elsewhere must not stand in for the edited original.
 */
const FAR = (length: number): number => Math.max(2000, length * 0.02);

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** True when the quote still sits at its stored position with its context around it. */
function holdsAtPosition(text: string, target: TextTarget): boolean {
  const { position, quote } = target;
  if (text.slice(position.start, position.end) !== quote.exact) return false;
  const before = text.slice(Math.max(0, position.start - quote.prefix.length), position.start);
  const after = text.slice(position.end, position.end + quote.suffix.length);
  if (before === quote.prefix && after === quote.suffix) return true;
  return (
    Math.max(textMatchScore(before, quote.prefix), textMatchScore(after, quote.suffix)) >=
    SURE_CONTEXT
  );
}

/**
 * Where the highlight `target` is in `text`. `hint` is where it is expected (a canonical
 * offset), when the caller knows better than the stored position: after text was
 * inserted before it, for example (see anchor-all.ts).
 */
export function anchor(text: string, target: TextTarget, hint?: number): Anchor {
  return runSteps(anchorSteps(text, target, hint));
}

/** `anchor` in steps (steps.ts): only approximate matching takes more than one. */
export function* anchorSteps(text: string, target: TextTarget, hint?: number): Steps<Anchor> {
  const { position, quote } = target;
  if (holdsAtPosition(text, target))
    return { start: position.start, end: position.end, status: 'anchored' };

  const f = foldText(text);
  const ctx: QuoteContext = {
    quote: foldSpaces(quote.exact),
    prefix: foldSpaces(quote.prefix),
    suffix: foldSpaces(quote.suffix),
    hint: f.toFolded[Math.max(0, Math.min(hint ?? position.start, text.length))]!,
  };
  const exact = exactOccurrences(f.text, ctx.quote)
    .map((at) => scoreRange(f.text, ctx, at, at + ctx.quote.length, 0))
    .sort((a, b) => b.score - a.score);
  const [first, second] = exact;
  const sure =
    first &&
    first.contextBest >= SURE_CONTEXT &&
    (!second ||
      second.contextBest < SURE_CONTEXT ||
      first.contextScore - second.contextScore >= CLEAR_LEAD);
  let best = first;
  if (sure) {
    const far = Math.abs(first.start - ctx.hint) > FAR(f.text.length);
    const near = far ? yield* fuzzySteps(f, ctx, FAR(f.text.length)) : undefined;
    const rival =
      near && near.score >= MIN_FUZZY_SCORE && near.contextScore >= first.contextScore - 0.1;
    if (!rival) {
      const [start, end] = toOriginalRange(f, first.start, first.end);
      const same = start === position.start && text.slice(start, end) === quote.exact;
      return { start, end, status: same ? 'anchored' : 'moved' };
    }
    best = near;
  } else {
    // Not certain: the exact quote elsewhere competes with approximate matches near the
    // surviving context, and the winner is offered as fuzzy with its score.
    const fuzzy = yield* fuzzySteps(f, ctx);
    if (fuzzy && (!first || fuzzy.score > first.score)) best = fuzzy;
  }
  if (best && best.quoteScore >= 1 - MAX_ERROR_RATE && best.score >= MIN_FUZZY_SCORE) {
    const [start, end] = toOriginalRange(f, best.start, best.end);
    return { start, end, status: 'fuzzy', confidence: round2(best.score) };
  }
  return { start: position.start, end: position.end, status: 'orphaned' };
}
