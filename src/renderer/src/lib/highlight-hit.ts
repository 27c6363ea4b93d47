// Finds the highlight under the pointer by text offsets, since painted highlights are not
// elements an event could land on: the character under the point (not merely the nearest
// caret position, so a click in the margin past a line's end finds nothing), then the
// innermost highlight over it, the one whose colour the run shows.
import type { Annotation } from '../../../shared/model';
import { pointToOffset } from './dom-offsets';

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** The offset in the canonical text of the character drawn at (x, y), if any. */
export function offsetAtPoint(root: Element, x: number, y: number): number | null {
  const doc = root.ownerDocument;
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE || !root.contains(caret.node)) return null;
  const text = caret.node as Text;
  const range = doc.createRange();
  // The caret falls before or after the character hit, depending on which half was hit.
  for (const at of [caret.offset, caret.offset - 1]) {
    if (at < 0 || at >= text.length) continue;
    range.setStart(text, at);
    range.setEnd(text, at + 1);
    for (const box of range.getClientRects()) {
      if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom)
        return pointToOffset(root, text, at, 'forward');
    }
  }
  return null;
}

/** The innermost (shortest) placed highlight over the character at `offset`. */
export function highlightAt(
  annotations: readonly Annotation[],
  offset: number,
): Annotation | undefined {
  let best: Annotation | undefined;
  for (const a of annotations) {
    if (a.status === 'orphaned') continue;
    const { start, end } = a.target.position;
    if (start > offset || end <= offset) continue;
    const length = end - start;
    const bestAt = best?.target.position;
    // Of two as long, the later one, as the run shows it (segments.ts sorts the same way).
    if (!bestAt || length < bestAt.end - bestAt.start) best = a;
    else if (length === bestAt.end - bestAt.start && start >= bestAt.start) best = a;
  }
  return best;
}
