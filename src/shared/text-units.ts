// Words and sentences of a document's text, block by block: each unit is a span of the
// canonical text [start, end) that never crosses a block, with the white space around it
// left out. They come from Intl.Segmenter, so Persian, Arabic, Chinese and other scripts
// are cut by their own rules (given the document's language). The reader selects by them
// from the keyboard; the core widens an accepted mention to its sentence with them.
import type { Block } from './model';

export interface Span {
  start: number;
  end: number;
}

export type Unit = 'word' | 'sentence';

export function trimmedSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(unit: Unit, language: string | undefined): Intl.Segmenter {
  const key = `${unit}:${language ?? ''}`;
  let found = segmenters.get(key);
  if (!found) {
    try {
      found = new Intl.Segmenter(language, { granularity: unit });
    } catch {
      // A language tag the engine cannot read ("en_US"): its default rules.
      found = new Intl.Segmenter(undefined, { granularity: unit });
    }
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
      const span = trimmedSpan(text, block.start + part.index, end);
      if (span) out.push(span);
    }
  }
  return out;
}

/**
 * The sentence (or sentences) holding [start, end): the span from the start of the first
 * sentence it touches to the end of the last, within its block. A span outside every
 * block is answered as it is.
 */
export function sentenceAround(
  text: string,
  blocks: readonly Block[],
  start: number,
  end: number,
  language?: string,
): Span {
  const block = blocks.find((b) => start >= b.start && start < b.end);
  if (!block) return { start, end };
  const touching = units(text, [block], 'sentence', language).filter(
    (s) => s.end > start && s.start < end,
  );
  if (!touching.length) return { start, end };
  return {
    start: Math.min(start, touching[0]!.start),
    end: Math.max(end, touching.at(-1)!.end),
  };
}
