// Keeps the reader's painted highlights (highlight-paint.ts) in step with what it renders:
// one painter per reader, emptied when the text changes (its elements are new), brought up
// to date after every render (only blocks whose highlights changed are repainted), and
// unregistered when the reader goes. It also paints a highlight being saved at once.
import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { Annotation, AnnotationKind, Document } from '../../../shared/model';
import { HighlightPainter } from '../lib/highlight-paint';
import type { Span } from '../lib/segments';

export function useHighlightPaint({
  enabled,
  root,
  document,
  perBlock,
  byId,
  selectedId,
}: {
  /** False where the Highlight API is missing: then the blocks wrap spans instead. */
  enabled: boolean;
  root: RefObject<HTMLElement | null>;
  document: Document;
  perBlock: readonly { spans: Span[]; signature: string }[];
  byId: ReadonlyMap<string, Annotation>;
  selectedId: string | null;
}): (kind: AnnotationKind, range: Range) => (() => void) | undefined {
  const painter = useRef<HighlightPainter | null>(null);
  useLayoutEffect(() => {
    if (!enabled) return;
    const created = new HighlightPainter();
    painter.current = created;
    return () => {
      created.dispose();
      painter.current = null;
    };
  }, [enabled]);
  // A new text (or the same text re-split) renders new text nodes: start from nothing.
  useLayoutEffect(() => painter.current?.clear(), [document.text, document.blocks, document.marks]);
  useLayoutEffect(() => {
    if (root.current)
      painter.current?.paint(root.current, document.blocks, perBlock, byId, selectedId);
  });
  // A highlight being saved, painted at once (HighlightPainter.pending).
  return (kind, range) => painter.current?.pending(kind, range);
}
