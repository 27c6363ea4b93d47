// Maps between DOM positions in the reader and offsets in the document's canonical text.
// The reader renders each run of text in an element carrying `data-start` (its offset in
// the canonical text), so a DOM boundary point resolves to start + offset in its text
// node. Points that fall between elements resolve to the nearest text in the direction
// given, which is how a triple-click that ends at the start of the next paragraph maps
// to the end of this one.

const SEGMENT = '[data-start]';

function segmentOf(node: Node, root: Element): HTMLElement | null {
  const parent = node.parentElement?.closest<HTMLElement>(SEGMENT) ?? null;
  return parent && root.contains(parent) ? parent : null;
}

function startOf(segment: HTMLElement): number {
  return Number(segment.dataset.start);
}

function textNodes(root: Element): Text[] {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (segmentOf(n, root)) nodes.push(n as Text);
  }
  return nodes;
}

export type Bias = 'forward' | 'backward';

export function pointToOffset(
  root: Element,
  node: Node,
  offset: number,
  bias: Bias,
): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const segment = segmentOf(node, root);
    if (segment) return startOf(segment) + offset;
  }
  const point = root.ownerDocument.createRange();
  point.setStart(node, offset);
  const nodes = textNodes(root);
  if (bias === 'forward') {
    const next = nodes.find((t) => point.comparePoint(t, 0) >= 0);
    return next ? startOf(segmentOf(next, root)!) : null;
  }
  const previous = nodes.findLast((t) => point.comparePoint(t, t.length) <= 0);
  return previous ? startOf(segmentOf(previous, root)!) + previous.length : null;
}

/** The [start, end) offsets a DOM range covers, or null when it is outside the reader. */
export function rangeToOffsets(root: Element, range: Range): { start: number; end: number } | null {
  if (!root.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== root)
    return null;
  const start = pointToOffset(root, range.startContainer, range.startOffset, 'forward');
  const end = pointToOffset(root, range.endContainer, range.endOffset, 'backward');
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** The DOM boundary point for a text offset, for scrolling to and flashing a passage. */
export function offsetToPoint(
  root: Element,
  offset: number,
): { node: Text; offset: number } | null {
  for (const node of textNodes(root)) {
    const start = startOf(segmentOf(node, root)!);
    if (offset >= start && offset <= start + node.length) return { node, offset: offset - start };
  }
  return null;
}

export function offsetsToRange(root: Element, start: number, end: number): Range | null {
  const from = offsetToPoint(root, start);
  const to = offsetToPoint(root, end);
  if (!from || !to) return null;
  const range = root.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
