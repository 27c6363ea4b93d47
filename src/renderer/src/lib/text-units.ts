// Words, sentences and paragraphs of a document's text, for selecting from the keyboard.
// Words and sentences come from ../../../shared/text-units.ts (the core cuts a mention's
// sentence with the same rules); paragraphs, stepping and extending are the reader's own.
import type { Block } from '../../../shared/model';
import { trimmedSpan, units, type Span, type Unit } from '../../../shared/text-units';

export { units, type Span, type Unit };

/** The block's text without its surrounding white space. */
export function blockSpan(text: string, blocks: readonly Block[], at: number): Span | null {
  const block =
    blocks.find((b) => at >= b.start && at < b.end) ?? blocks.find((b) => b.start >= at);
  return block ? trimmedSpan(text, block.start, block.end) : null;
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
