// Words, sentences and paragraphs of a document's text, for selecting from the keyboard.
// Each unit is a span of the canonical text [start, end) that never crosses a block, with
// the white space around it left out. Sentences and words come from Intl.Segmenter, so
// Persian, Arabic and other scripts are cut by their own rules.
import type { Block } from '../../../shared/model';

export interface Span {
  start: number;
  end: number;
}

export type Unit = 'word' | 'sentence';

function trimmed(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(unit: Unit, language: string | undefined): Intl.Segmenter {
  const key = `${unit}:${language ?? ''}`;
  let found = segmenters.get(key);
  if (!found) {
    found = new Intl.Segmenter(language, { granularity: unit });
    segmenters.set(key, found);
  }
  return found;
}

/** Every unit of the given kind in reading order, across all blocks. */
export function units(
  text: string,
  blocks: readonly Block[],
  unit: Unit,
  language?: string,
): Span[] {
  const out: Span[] = [];
  for (const block of blocks) {
    const slice = text.slice(block.start, block.end);
    for (const part of segmenter(unit, language).segment(slice)) {
      if (unit === 'word' && part.isWordLike === false) continue;
      let end = block.start + part.index + part.segment.length;
      // A word takes the punctuation written against it ("them." "Council,").
      if (unit === 'word') while (end < block.end && /[^\s\p{L}\p{N}]/u.test(text[end]!)) end++;
      const span = trimmed(text, block.start + part.index, end);
      if (span) out.push(span);
    }
  }
  return out;
}

/** The block's text without its surrounding white space. */
export function blockSpan(text: string, blocks: readonly Block[], at: number): Span | null {
  const block =
    blocks.find((b) => at >= b.start && at < b.end) ?? blocks.find((b) => b.start >= at);
  return block ? trimmed(text, block.start, block.end) : null;
}

/** The unit after (`+1`) or before (`-1`) the selection; the first or last when there is none. */
export function step(list: readonly Span[], current: Span | null, direction: 1 | -1): Span | null {
  if (list.length === 0) return null;
  if (!current) return direction === 1 ? list[0]! : list[list.length - 1]!;
  if (direction === 1) return list.find((u) => u.start >= current.end) ?? null;
  for (let i = list.length - 1; i >= 0; i--) if (list[i]!.end <= current.start) return list[i]!;
  return null;
}

/** The unit that holds `at`, or else the next one. */
export function unitAt(list: readonly Span[], at: number): Span | null {
  return list.find((u) => u.end > at) ?? null;
}

/**
 * Moves the selection's end by one unit: forward to the end of the next unit, or back to
 * the end of the unit before its last one (never shrinking below one unit).
 */
export function extend(list: readonly Span[], current: Span, direction: 1 | -1): Span {
  if (direction === 1) {
    const next = list.find((u) => u.end > current.end);
    return next ? { start: current.start, end: next.end } : current;
  }
  // Drop the last unit inside the selection (with any punctuation after it).
  const inside = list.filter((u) => u.start >= current.start && u.end <= current.end);
  const keep = inside.at(-2);
  return keep ? { start: current.start, end: keep.end } : current;
}
