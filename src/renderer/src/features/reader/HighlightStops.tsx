// Each highlight as a named stop in the Tab order, in reading order: a transparent button
// in a layer over the text, which the pointer passes through (clicks are hit-tested by
// offsets, see highlight-hit.ts). Painted highlights are not elements in the text, so the
// stops cannot be either; a stop is placed over its highlight's first line when it gets
// focus (before the browser scrolls it into view), so its focus ring rings the words, and
// no geometry is read for the stops nobody visits.
import { kindLabel } from '../../../../shared/codebook/codebook';
import { selectCodebook } from '../../store/codebook';
import { useSelector } from '../../workbench/context';
import { memo, useEffect, type RefObject } from 'react';
import type { Annotation } from '../../../../shared/model';
import { offsetsToRange } from '../../lib/dom-offsets';
import { quoteOf } from '../../../../shared/regions';

/** Sets a stop's box over the first line of its highlight, in the layer's coordinates. */
function place(stop: HTMLElement, root: HTMLElement, annotation: Annotation): void {
  const { start, end } = annotation.target.position;
  const first = offsetsToRange(root, start, end)?.getClientRects()[0];
  if (!first) return;
  const layer = (stop.offsetParent ?? root).getBoundingClientRect();
  stop.style.top = `${first.top - layer.top}px`;
  stop.style.left = `${first.left - layer.left}px`;
  stop.style.width = `${first.width}px`;
  stop.style.height = `${first.height}px`;
}

/** Highlights in reading order: by start, and the wider of two that start together first. */
export function readingOrder(annotations: readonly Annotation[]): Annotation[] {
  return annotations
    .filter((a) => a.status !== 'orphaned')
    .sort(
      (a, b) =>
        a.target.position.start - b.target.position.start ||
        b.target.position.end - a.target.position.end,
    );
}

export const HighlightStops = memo(function HighlightStops({
  root,
  annotations,
  onSelect,
}: {
  root: RefObject<HTMLElement | null>;
  annotations: readonly Annotation[];
  onSelect: (id: string) => void;
}): React.JSX.Element {
  const codebook = useSelector(selectCodebook);
  const ordered = readingOrder(annotations);
  const byId = new Map(ordered.map((a) => [a.id, a]));

  // A reflow moves the words under the focused stop: follow them.
  useEffect(() => {
    const element = root.current;
    // Engines without ResizeObserver place a stop only as it gets focus.
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      const focused = element.ownerDocument.activeElement;
      if (!(focused instanceof HTMLElement) || !element.contains(focused)) return;
      const annotation = byId.get(focused.dataset.highlightStop ?? '');
      if (annotation) place(focused, element, annotation);
    });
    observer.observe(element);
    return () => observer.disconnect();
  });

  return (
    <div className="highlight-stops">
      {ordered.map((a) => (
        <button
          key={a.id}
          type="button"
          className="hl-stop"
          data-highlight-stop={a.id}
          aria-label={`${kindLabel(codebook, a.kind)} highlight: ${quoteOf(a).slice(0, 80)}`}
          onFocus={(event) => {
            if (root.current) place(event.currentTarget, root.current, a);
          }}
          onClick={() => onSelect(a.id)}
        />
      ))}
    </div>
  );
});
