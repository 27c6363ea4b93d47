// Carrying a document's structure through an edit of its text: a character diff of the
// old and new text (fast-diff, not a hand-written one) gives an offset map, and each block
// and mark boundary is moved through it. Text inserted at a boundary joins the block
// before it; a block or mark whose text was deleted entirely goes.
import diff from 'fast-diff';
import type { Block, Mark } from '../../shared/model';

type Edit = [op: -1 | 0 | 1, text: string];

interface Segment {
  op: -1 | 0 | 1;
  oldStart: number;
  oldLength: number;
  newStart: number;
  newLength: number;
}

/** Maps offsets in the old text to offsets in the new one (after text inserted there). */
export function offsetMap(before: string, after: string): (offset: number) => number {
  const segments: Segment[] = [];
  let oldStart = 0;
  let newStart = 0;
  for (const [op, text] of diff(before, after) as Edit[]) {
    const oldLength = op === 1 ? 0 : text.length;
    const newLength = op === -1 ? 0 : text.length;
    segments.push({ op, oldStart, oldLength, newStart, newLength });
    oldStart += oldLength;
    newStart += newLength;
  }
  // The last segment that starts at or before the offset decides where it goes.
  return (offset) => {
    let mapped = 0;
    for (const s of segments) {
      if (s.oldStart > offset) break;
      if (s.op === 0) mapped = s.newStart + Math.min(offset - s.oldStart, s.oldLength);
      else if (s.op === -1) mapped = s.newStart;
      else mapped = s.newStart + s.newLength;
    }
    return mapped;
  };
}

export function mapThroughEdit(
  before: string,
  after: string,
  blocks: readonly Block[],
  marks: readonly Mark[],
): { blocks: Block[]; marks: Mark[] } {
  const map = offsetMap(before, after);
  const move = <T extends { start: number; end: number }>(r: T): T => ({
    ...r,
    start: map(r.start),
    end: map(r.end),
  });
  // A table's cells move with the text like its edges; a figure may have no caption, so
  // an empty figure stays where an empty paragraph would go.
  const moveBlock = (b: Block): Block =>
    b.rows ? { ...move(b), rows: b.rows.map((r) => ({ cells: r.cells.map(move) })) } : move(b);
  const mappedBlocks: Block[] = [];
  for (const b of blocks.map(moveBlock)) {
    const previous = mappedBlocks[mappedBlocks.length - 1];
    const kept = b.start < b.end || (b.kind === 'figure' && b.start === b.end);
    if (kept && (!previous || b.start >= previous.end)) mappedBlocks.push(b);
  }
  return {
    blocks: withNewParagraphs(after, mappedBlocks),
    marks: marks.map(move).filter((m) => m.start < m.end),
  };
}

/**
 * Text that no block covers after the edit (a paragraph typed between two others, or
 * before the first) becomes paragraphs of its own, split at blank lines, so it is shown,
 * cited and searched like the rest.
 */
function withNewParagraphs(text: string, blocks: readonly Block[]): Block[] {
  const result: Block[] = [];
  let covered = 0;
  const fill = (end: number): void => {
    const gap = /\S[\s\S]*?(?=\n[ \t]*\n|$)/g;
    gap.lastIndex = 0;
    const slice = text.slice(covered, end);
    for (const m of slice.matchAll(gap)) {
      const body = m[0].trimEnd();
      if (body)
        result.push({
          kind: 'paragraph',
          start: covered + m.index,
          end: covered + m.index + body.length,
        });
    }
  };
  for (const b of blocks) {
    if (b.start > covered) fill(b.start);
    result.push(b);
    covered = b.end;
  }
  if (covered < text.length) fill(text.length);
  return result;
}
