// Places carried through a converter as text: a comment's start and end are written into
// the file as private-use characters around its id, come out of mammoth and the HTML
// pipeline inside the canonical text, and are taken out here, every block, cell and mark
// moved to the text without them. Private-use characters never occur in the marker's
// shape in real documents' text (U+E000 digits U+E001); any stray one is left as it was.
import type { Block, Mark } from '../../shared/model';

const START_OPEN = '\uE000';
const START_CLOSE = '\uE001';
const END_OPEN = '\uE002';
const END_CLOSE = '\uE003';
const MARKER = /\uE000(\d{1,9})\uE001|\uE002(\d{1,9})\uE003/g;

export const commentStart = (id: string): string => `${START_OPEN}${id}${START_CLOSE}`;
export const commentEnd = (id: string): string => `${END_OPEN}${id}${END_CLOSE}`;

export interface Unmarked {
  text: string;
  blocks: Block[];
  marks: Mark[];
  /** Where each id's start and end are in the text without markers. */
  starts: Map<string, number>;
  ends: Map<string, number>;
}

/** `text` without markers, and what its blocks and marks become. */
export function takeMarkers(
  text: string,
  blocks: readonly Block[],
  marks: readonly Mark[],
): Unmarked {
  const removed: { at: number; length: number }[] = [];
  const starts = new Map<string, number>();
  const ends = new Map<string, number>();
  let kept = 0;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    out += text.slice(last, m.index);
    kept += m.index - last;
    if (m[1] !== undefined) starts.set(m[1], kept);
    else ends.set(m[2]!, kept);
    removed.push({ at: m.index, length: m[0].length });
    last = m.index + m[0].length;
  }
  out += text.slice(last);
  if (!removed.length) return { text, blocks: [...blocks], marks: [...marks], starts, ends };
  /** An offset in the marked text moved to the text without markers. */
  const map = (offset: number): number => {
    let shift = 0;
    for (const r of removed) {
      if (r.at >= offset) break;
      shift += Math.min(r.length, offset - r.at);
    }
    return offset - shift;
  };
  const move = <T extends { start: number; end: number }>(r: T): T => ({
    ...r,
    start: map(r.start),
    end: map(r.end),
  });
  const moved = blocks
    .map((b) =>
      b.rows ? { ...move(b), rows: b.rows.map((r) => ({ cells: r.cells.map(move) })) } : move(b),
    )
    // A block that held nothing but a marker goes; a figure may have no caption.
    .filter((b) => b.start < b.end || b.kind === 'figure');
  return {
    text: out,
    blocks: moved,
    marks: marks.map(move).filter((m) => m.start < m.end),
    starts,
    ends,
  };
}

/** A title (taken from the text) without markers. */
export const unmarked = (text: string): string => text.replace(MARKER, '');
