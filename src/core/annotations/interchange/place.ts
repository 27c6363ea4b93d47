// Where one imported annotation's quote is in a document's text, by the re-anchoring
// engine that carries highlights through text edits, with the bounds that keep a hostile
// file from holding the workbench: a quote longer than ANNOTATION_IMPORT_LIMITS.fuzzyQuote
// is placed only where it appears exactly (white space aside), since approximate matching
// costs grow with the square of its length (one 100,000-character quote took 8.8 s), and
// the context around a quote is cut to what can tell repeats apart. Pure: it runs in the
// import worker, or in slices on the serving thread when there is no worker.
import {
  anchorSteps,
  describeRange,
  runSteps,
  tidyRange,
  type Steps,
  type TextTarget,
} from '../../../shared/anchoring';
import { foldText, toOriginalRange } from '../../../shared/anchoring/fold';
import { exactOccurrences, scoreRange } from '../../../shared/anchoring/match-quote';
import { ANNOTATION_IMPORT_LIMITS } from '../../../shared/methods/annotations';
import type { ForeignAnnotation, ForeignQuote } from './foreign';

/** Context kept on each side of a quote: twice what our own highlights store. */
const CONTEXT = 64;

/**
 * Runs of white space as anchoring's fold knows them (isWhiteSpace in shared/text.ts),
 * as one regular expression: anchoring's foldSpaces goes character by character, which
 * before the JIT has warmed to it costs tens of milliseconds on a 100,000-character
 * quote, three times what this does. A test holds the two equal for every code unit.
 */
const WHITE_RUN = /[\t-\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

export const foldWhiteSpace = (s: string): string => s.replace(WHITE_RUN, ' ');

export interface PlaceTask {
  /** The annotation's place in the file (1-based). */
  index: number;
  documentId: string;
  quote: ForeignQuote;
  position?: ForeignAnnotation['position'];
}

export interface PlaceDocument {
  id: string;
  title: string;
  text: string;
}

export type Placement =
  | { status: 'anchored'; start: number; end: number }
  | { status: 'fuzzy'; start: number; end: number; confidence: number }
  | { status: 'orphaned'; reason: string };

/** The quote with its context cut to CONTEXT characters next to it. */
export function trimmedQuote(quote: ForeignQuote): ForeignQuote {
  return {
    exact: quote.exact,
    prefix: quote.prefix.slice(-CONTEXT),
    suffix: quote.suffix.slice(0, CONTEXT),
  };
}

// Offsets in code points to UTF-16 units (W3C counts the former), built once per text:
// an import places many annotations on the same document.
let units: { text: string; map: (n: number) => number } | undefined;
function codePointOffsets(text: string): (n: number) => number {
  if (units?.text === text) return units.map;
  let map = (n: number): number => n;
  if (/[\uD800-\uDFFF]/.test(text)) {
    const table: number[] = [];
    let at = 0;
    for (const ch of text) {
      table.push(at);
      at += ch.length;
    }
    table.push(at);
    map = (n) => table[Math.min(n, table.length - 1)]!;
  }
  units = { text, map };
  return map;
}

/** The target the file describes: its quote, and its position as a hint in our text. */
export function foreignTarget(task: PlaceTask, text: string): TextTarget {
  const { quote, position } = task;
  const toUnits = position?.unit === 'codepoint' ? codePointOffsets(text) : (n: number) => n;
  const clamp = (n: number): number => Math.max(0, Math.min(n, text.length));
  const start = clamp(position ? toUnits(position.start) : 0);
  const end = clamp(position ? toUnits(position.end) : quote.exact.length);
  return {
    position: { type: 'TextPositionSelector', start, end: Math.max(start, end) },
    quote: { type: 'TextQuoteSelector', ...trimmedQuote(quote) },
  };
}

/** The exact quote (white space aside) where its context fits best, if it is there. */
function placeExactly(text: string, target: TextTarget): { start: number; end: number } | null {
  const { position, quote } = target;
  if (text.slice(position.start, position.end) === quote.exact)
    return { start: position.start, end: position.end };
  const f = foldText(text);
  const exact = foldWhiteSpace(quote.exact);
  const ctx = {
    quote: exact,
    prefix: foldWhiteSpace(quote.prefix),
    suffix: foldWhiteSpace(quote.suffix),
    hint: f.toFolded[position.start]!,
  };
  const [best] = exactOccurrences(f.text, exact, 100)
    .map((at) => scoreRange(f.text, ctx, at, at + exact.length, 0))
    .sort((a, b) => b.score - a.score);
  if (!best) return null;
  const [start, end] = toOriginalRange(f, best.start, best.end);
  return { start, end };
}

/** Places one annotation, in one go (the import worker, stopped from outside if need be). */
export function placeOne(task: PlaceTask, doc: PlaceDocument): Placement {
  return runSteps(placeSteps(task, doc));
}

/** `placeOne` in steps (shared/anchoring/steps.ts), for the serving thread's slices. */
export function* placeSteps(task: PlaceTask, doc: PlaceDocument): Steps<Placement> {
  const { text, title } = doc;
  const target = foreignTarget(task, text);
  const { length } = task.quote.exact;
  if (length > ANNOTATION_IMPORT_LIMITS.fuzzyQuote) {
    const found = placeExactly(text, target);
    const range = found && tidyRange(text, found.start, found.end);
    if (range) return { status: 'anchored', ...range };
    return {
      status: 'orphaned',
      reason: `its quote is ${length.toLocaleString('en-US')} characters long and does not appear exactly in “${title}” (quotes over ${ANNOTATION_IMPORT_LIMITS.fuzzyQuote.toLocaleString('en-US')} characters are placed only where they appear exactly)`,
    };
  }
  const found = yield* anchorSteps(text, target);
  if (found.status === 'fuzzy')
    return {
      status: 'fuzzy',
      start: found.start,
      end: found.end,
      confidence: found.confidence ?? 0,
    };
  const range = found.status === 'orphaned' ? null : tidyRange(text, found.start, found.end);
  if (!range) return { status: 'orphaned', reason: `its quote was not found in “${title}”` };
  return { status: 'anchored', ...range };
}

/** The stored target of a placed annotation: ours for an exact place, theirs for a fuzzy one. */
export function placedTarget(
  task: PlaceTask,
  text: string,
  placed: Extract<Placement, { start: number }>,
): TextTarget {
  if (placed.status === 'anchored') return describeRange(text, placed.start, placed.end);
  const target = foreignTarget(task, text);
  return { ...target, position: { ...target.position, start: placed.start, end: placed.end } };
}

/**
 * Where an annotation that could not be placed in time is kept: an orphaned highlight with
 * its quote, at a valid range near the position the file gave (every stored range lies
 * inside the text and is not empty, or the workspace reports the file as damaged).
 */
export function orphanTarget(task: PlaceTask, text: string): TextTarget {
  const target = foreignTarget(task, text);
  const start = Math.min(target.position.start, Math.max(0, text.length - 1));
  const end = Math.max(start + 1, Math.min(target.position.end, text.length));
  return { ...target, position: { ...target.position, start, end } };
}
