// Splits a block of the canonical text into segments at every highlight and mark boundary,
// so overlapping highlights render as flat runs (each knowing every highlight over it)
// instead of nested elements that would break at each other's edges.
import type { Annotation, AnnotationKind, Block, Mark } from '../../../shared/model';

export interface Span {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** Highlights covering this run, widest first, so the innermost is last. */
  highlights: string[];
  marks: Mark[];
}

export function segmentBlock(
  block: Block,
  highlights: readonly Span[],
  marks: readonly Mark[],
): Segment[] {
  const inBlock = <T extends { start: number; end: number }>(items: readonly T[]): T[] =>
    items.filter((i) => i.start < block.end && i.end > block.start && i.start < i.end);
  const spans = inBlock(highlights).sort((a, b) => b.end - b.start - (a.end - a.start));
  const blockMarks = inBlock(marks);
  const cuts = new Set([block.start, block.end]);
  for (const item of [...spans, ...blockMarks]) {
    cuts.add(Math.max(block.start, item.start));
    cuts.add(Math.min(block.end, item.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covers = (item: { start: number; end: number }): boolean =>
      item.start <= start && item.end >= end;
    segments.push({
      start,
      end,
      highlights: spans.filter(covers).map((s) => s.id),
      marks: blockMarks.filter(covers),
    });
  }
  return segments;
}

/** How a run of highlighted text looks: the innermost highlight's kind, and one edge. */
export interface RunPaint {
  kind: AnnotationKind;
  /**
   * One line under the run, the most telling first: the open highlight, then where
   * highlights overlap, then a fuzzy anchor. One only, because the Highlight API and the
   * span fallback would combine two text-decorations differently.
   */
  edge: 'selected' | 'overlap' | 'fuzzy' | null;
}

export function runPaint(
  highlights: readonly string[],
  byId: ReadonlyMap<string, Annotation>,
  selectedId: string | null,
): RunPaint | null {
  const innermost = highlights.at(-1);
  if (innermost === undefined) return null;
  const annotation = byId.get(innermost);
  const edge =
    selectedId !== null && highlights.includes(selectedId)
      ? 'selected'
      : highlights.length > 1
        ? 'overlap'
        : annotation?.status === 'fuzzy'
          ? 'fuzzy'
          : null;
  return { kind: annotation?.kind ?? 'quote', edge };
}
