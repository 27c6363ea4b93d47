// From [start, end) offsets in a document's canonical text to the pair of W3C selectors
// that is stored: the position is cheap to re-use, the quote survives edits to the text.
import type { TextPositionSelector, TextQuoteSelector } from '../model';
import { splitsSurrogatePair } from '../text';

/** About as much context as annotation clients keep; enough to tell repeats apart. */
export const CONTEXT_LENGTH = 32;

export interface TextTarget {
  position: TextPositionSelector;
  quote: TextQuoteSelector;
}

/**
 * Tidies a user's selection: drops leading and trailing white space (double-click and
 * drag selections often carry it) and never cuts a surrogate pair in half, so an emoji
 * or a rare CJK character is selected whole. Returns null when nothing is left.
 */
export function tidyRange(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(0, Math.min(end, text.length));
  if (s > e) [s, e] = [e, s];
  if (splitsSurrogatePair(text, s)) s -= 1;
  if (splitsSurrogatePair(text, e)) e += 1;
  while (s < e && /\s/.test(text[s] ?? '')) s += 1;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e -= 1;
  return s < e ? { start: s, end: e } : null;
}

export function describeRange(text: string, start: number, end: number): TextTarget {
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1;
  return {
    position: { type: 'TextPositionSelector', start, end },
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
  };
}
