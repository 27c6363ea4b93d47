// The pointer on painted highlights: a click that selected nothing opens the highlight
// under it, and the pointer shows a hand over highlights. Both hit-test by text offsets
// (highlight-hit.ts), so they work the same on painted highlights and on wrapped spans.
import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { Annotation } from '../../../shared/model';
import { highlightAt, offsetAtPoint } from '../lib/highlight-hit';

export function useHighlightPointer(
  root: RefObject<HTMLElement | null>,
  annotations: readonly Annotation[],
  onSelect: (id: string) => void,
): {
  onClick: (event: React.MouseEvent) => void;
  onPointerMove: (event: React.PointerEvent) => void;
} {
  const latest = useRef(annotations);
  useLayoutEffect(() => {
    latest.current = annotations;
  });
  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const under = useCallback(
    (x: number, y: number): Annotation | undefined => {
      const offset = root.current ? offsetAtPoint(root.current, x, y) : null;
      return offset === null ? undefined : highlightAt(latest.current, offset);
    },
    [root],
  );

  const onClick = useCallback(
    (event: React.MouseEvent) => {
      // A drag or double-click that selected text is a selection, not a click on a highlight.
      if (window.getSelection()?.isCollapsed === false || event.button !== 0) return;
      const annotation = under(event.clientX, event.clientY);
      if (annotation) onSelect(annotation.id);
    },
    [under, onSelect],
  );

  // At most one hit-test a frame, however fast the pointer moves.
  const onPointerMove = useCallback(
    (event: React.PointerEvent) => {
      if (event.pointerType !== 'mouse' || frame.current) return;
      const { clientX, clientY } = event;
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        root.current?.classList.toggle('over-highlight', under(clientX, clientY) !== undefined);
      });
    },
    [root, under],
  );

  return { onClick, onPointerMove };
}
