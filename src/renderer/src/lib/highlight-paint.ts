// Paints the reader's highlights with the CSS Custom Highlight API: one `Highlight` per
// kind and per edge (registered in `CSS.highlights` as wb-quote, wb-claim, …, wb-selected;
// a kind's the first time it is painted, as the codebook's kinds are the user's), holding
// DOM ranges over the text, styled by `::highlight(...)` (reader.css for the edges,
// lib/kind-styles.ts for each kind's colour). Adding or
// removing a highlight changes only those ranges, never a text node. The runs painted are
// the same flat runs the span fallback renders (segments.ts), so both look alike.
import type { Annotation, AnnotationKind, Block } from '../../../shared/model';
import { offsetsToRange } from './dom-offsets';
import { runPaint, segmentBlock, type RunPaint, type Span } from './segments';

const EDGES = ['selected', 'overlap', 'fuzzy'] as const;
const NAMES = EDGES.map((name) => `wb-${name}`);

/** True where the engine paints registered highlights; elsewhere the reader wraps spans. */
export function canPaintHighlights(): boolean {
  return (
    typeof CSS !== 'undefined' &&
    typeof CSS.highlights !== 'undefined' &&
    typeof Highlight === 'function'
  );
}

// Shared by every painter in the window, counted, so that two readers add their ranges to
// the same registered highlights and neither removes the other's when it goes.
const registry = new Map<string, { highlight: Highlight; users: number }>();

function acquire(name: string): Highlight {
  let entry = registry.get(name);
  if (!entry) {
    entry = { highlight: new Highlight(), users: 0 };
    registry.set(name, entry);
  }
  if (CSS.highlights.get(name) !== entry.highlight) CSS.highlights.set(name, entry.highlight);
  entry.users++;
  return entry.highlight;
}

function release(name: string): void {
  const entry = registry.get(name);
  if (!entry || --entry.users > 0) return;
  registry.delete(name);
  if (CSS.highlights.get(name) === entry.highlight) CSS.highlights.delete(name);
}

interface Painted {
  signature: string;
  ranges: [Highlight, Range][];
}

export class HighlightPainter {
  private readonly highlights = new Map<string, Highlight>();
  /** What each block (by index) has painted, and the signature it was painted for. */
  private readonly painted = new Map<number, Painted>();
  /** Highlights being saved, painted before the core has answered (see `pending`). */
  private readonly provisional = new Set<[Highlight, Range]>();

  constructor() {
    for (const name of NAMES) this.highlights.set(name, acquire(name));
  }

  /**
   * Brings the painted ranges up to date with the highlights over each block: a block
   * whose signature is unchanged is skipped, so one new highlight repaints only the
   * blocks it covers.
   */
  paint(
    root: Element,
    blocks: readonly Block[],
    perBlock: readonly { spans: Span[]; signature: string }[],
    byId: ReadonlyMap<string, Annotation>,
    selectedId: string | null,
  ): void {
    let elements: HTMLElement[] | null = null;
    blocks.forEach((block, i) => {
      const { spans, signature } = perBlock[i] ?? { spans: [], signature: '' };
      const before = this.painted.get(i);
      if ((before?.signature ?? '') === signature) return;
      if (before) this.unpaint(before);
      this.painted.delete(i);
      if (!signature) return;
      elements ??= [...root.querySelectorAll<HTMLElement>('[data-block-start]')];
      const element = elements[i];
      if (!element || Number(element.dataset.blockStart) !== block.start) return;
      const ranges: Painted['ranges'] = [];
      for (const segment of segmentBlock(block, spans, [])) {
        const paint = runPaint(segment.highlights, byId, selectedId);
        const range = paint && offsetsToRange(element, segment.start, segment.end);
        if (!paint || !range) continue;
        for (const name of namesOf(paint)) {
          const highlight = this.highlight(name);
          highlight.add(range);
          ranges.push([highlight, range]);
        }
      }
      this.painted.set(i, { signature, ranges });
    });
  }

  /**
   * Paints a highlight that is being saved at once, in its kind's colour, so it shows on
   * the key press rather than when the core answers; the function returned takes it away
   * (once the saved highlight is painted, or if the save failed).
   */
  pending(kind: AnnotationKind, range: Range): () => void {
    const highlight = this.highlight(`wb-${kind}`);
    const entry: [Highlight, Range] = [highlight, range];
    highlight.add(range);
    this.provisional.add(entry);
    return () => {
      if (this.provisional.delete(entry)) highlight.delete(range);
    };
  }

  /** Takes every range away, for a new text whose elements the old ranges no longer fit. */
  clear(): void {
    for (const painted of this.painted.values()) this.unpaint(painted);
    this.painted.clear();
    this.unpaint({ signature: '', ranges: [...this.provisional] });
    this.provisional.clear();
  }

  dispose(): void {
    this.clear();
    for (const name of this.highlights.keys()) release(name);
    this.highlights.clear();
  }

  /** The registered highlight of a name, acquired the first time this painter uses it. */
  private highlight(name: string): Highlight {
    let highlight = this.highlights.get(name);
    if (!highlight) {
      highlight = acquire(name);
      this.highlights.set(name, highlight);
    }
    return highlight;
  }

  private unpaint(painted: Painted): void {
    for (const [highlight, range] of painted.ranges) highlight.delete(range);
  }
}

function namesOf(paint: RunPaint): string[] {
  return paint.edge ? [`wb-${paint.kind}`, `wb-${paint.edge}`] : [`wb-${paint.kind}`];
}
