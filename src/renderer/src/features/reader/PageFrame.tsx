// One page of an original PDF: drawn once it comes near the view, with pdf.js's text layer
// over it (selectable) and, over that, the document's highlights: a text highlight as the
// boxes of the text-layer characters that show its passage (pdf-align.ts), an area
// highlight as its box. A selection in the text layer is read back as text offsets; in
// area mode a box dragged on the page (or put there and moved with the keyboard,
// area-keys.ts) becomes an area highlight. Each highlight on the page is also a button, so
// it is reached with Tab and opened with Enter, named by its kind and what it covers.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Annotation, Document, PageRegion } from '../../../../shared/model';
import { alignPage, offsetAt, runRanges, type PageAlignment } from '../../../../shared/pdf-align';
import { kindLabel } from '../../../../shared/codebook/codebook';
import { selectCodebook } from '../../store/codebook';
import { useSelector } from '../../workbench/context';
import { renderPage, type RenderedPage } from '../../lib/pdf-pages';
import { areaKey, boxRegion, type DragBox } from './area-keys';

export interface PageSelection {
  start: number;
  end: number;
  rect: { top: number; bottom: number; left: number; width: number };
}

interface Box {
  id: string;
  kind: Annotation['kind'];
  left: number;
  top: number;
  width: number;
  height: number;
  area: boolean;
}

interface Props {
  pdf: PDFDocumentProxy;
  number: number;
  scale: number;
  /** The page's size at this scale before it is drawn (from the first page). */
  estimate: { width: number; height: number };
  document: Document;
  annotations: readonly Annotation[];
  selectedId: string | null;
  areaMode: boolean;
  onSelectAnnotation: (id: string) => void;
  onSelectText: (selection: PageSelection | null) => void;
  onArea: (region: PageRegion) => void;
}

/** Where in the text layer a DOM point is: the run (span) and the character in it. */
function runPoint(spans: readonly HTMLElement[], node: Node, offset: number) {
  const span = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as HTMLElement);
  const run = span ? spans.indexOf(span) : -1;
  return run < 0 ? null : { run, char: node.nodeType === Node.TEXT_NODE ? offset : 0 };
}

/** One box per highlight, around all its pieces on this page: what its button covers. */
function areas(boxes: readonly Box[]): Box[] {
  const byId = new Map<string, Box>();
  for (const b of boxes) {
    const seen = byId.get(b.id);
    if (!seen) {
      byId.set(b.id, { ...b });
      continue;
    }
    const right = Math.max(seen.left + seen.width, b.left + b.width);
    const bottom = Math.max(seen.top + seen.height, b.top + b.height);
    seen.left = Math.min(seen.left, b.left);
    seen.top = Math.min(seen.top, b.top);
    seen.width = right - seen.left;
    seen.height = bottom - seen.top;
  }
  return [...byId.values()];
}

export function PageFrame(props: Props): React.JSX.Element {
  const codebook = useSelector(selectCodebook);
  const { pdf, number, scale, estimate, document, annotations, selectedId, areaMode } = props;
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  const [rendered, setRendered] = useState<RenderedPage | null>(null);
  const [alignment, setAlignment] = useState<PageAlignment | null>(null);
  const [boxes, setBoxes] = useState<Box[]>([]);
  const [drag, setDrag] = useState<DragBox | null>(null);
  // A box put on the page with the keyboard, as opposed to one being dragged.
  const [keyed, setKeyed] = useState(false);
  if (!areaMode && drag && keyed) {
    setDrag(null);
    setKeyed(false);
  }

  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const seen = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && setVisible(true),
      { rootMargin: '600px 0px' },
    );
    seen.observe(el);
    return () => seen.disconnect();
  }, []);

  useEffect(() => {
    if (!visible || !canvas.current || !layer.current) return;
    let live = true;
    let done: RenderedPage | null = null;
    void pdf
      .getPage(number)
      .then((page) => renderPage(page, scale, canvas.current!, layer.current!))
      .then((page) => {
        done = page;
        if (!live) return page.cancel();
        const ranges = document.blocks.filter((b) => b.page === number);
        setAlignment(alignPage(document.text, ranges, page.runs));
        setRendered(page);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      done?.cancel();
    };
  }, [visible, pdf, number, scale, document.text, document.blocks]);

  // The highlights' boxes, measured from the text layer once it is laid out.
  useLayoutEffect(() => {
    const el = frame.current;
    if (!el || !rendered || !alignment) return;
    const origin = el.getBoundingClientRect();
    const next: Box[] = [];
    for (const a of annotations) {
      const region = a.target.region;
      if (region) {
        if (region.page === number)
          next.push({
            id: a.id,
            kind: a.kind,
            left: region.x * scale,
            top: region.y * scale,
            width: region.w * scale,
            height: region.h * scale,
            area: true,
          });
        continue;
      }
      if (a.status === 'orphaned') continue;
      const { start, end } = a.target.position;
      for (const part of runRanges(alignment, start, end)) {
        const text = rendered.spans[part.run]?.firstChild;
        if (!text) continue;
        const range = window.document.createRange();
        range.setStart(text, Math.min(part.from, text.textContent?.length ?? 0));
        range.setEnd(text, Math.min(part.to, text.textContent?.length ?? 0));
        for (const r of range.getClientRects())
          next.push({
            id: a.id,
            kind: a.kind,
            left: r.left - origin.left,
            top: r.top - origin.top,
            width: r.width,
            height: r.height,
            area: false,
          });
      }
    }
    setBoxes(next);
  }, [annotations, rendered, alignment, number, scale]);

  const readSelection = (): void => {
    const selection = window.getSelection();
    if (!rendered || !alignment || !selection || selection.isCollapsed || !selection.rangeCount)
      return props.onSelectText(null);
    const range = selection.getRangeAt(0);
    if (!layer.current?.contains(range.commonAncestorContainer)) return props.onSelectText(null);
    const from = runPoint(rendered.spans, range.startContainer, range.startOffset);
    const to = runPoint(rendered.spans, range.endContainer, range.endOffset);
    const start = from && offsetAt(alignment, from.run, from.char, 'forward');
    const end = to && offsetAt(alignment, to.run, to.char, 'backward');
    if (start === null || end === null || start === undefined || end === undefined || end <= start)
      return props.onSelectText(null);
    const rect = range.getBoundingClientRect();
    props.onSelectText({
      start,
      end,
      rect: { top: rect.top, bottom: rect.bottom, left: rect.left, width: rect.width },
    });
  };

  const point = (event: { clientX: number; clientY: number }): { x: number; y: number } => {
    const origin = frame.current!.getBoundingClientRect();
    return { x: event.clientX - origin.left, y: event.clientY - origin.top };
  };

  /** What a highlight's button says: its kind and what it covers. */
  const describe = (b: Box): string => {
    const kind = kindLabel(codebook, b.kind);
    if (b.area) return `${kind} highlight: an area of page ${number}`;
    const quote = annotations.find((a) => a.id === b.id)?.target.quote.exact ?? '';
    const short = quote.length > 60 ? `${quote.slice(0, 60).trimEnd()}…` : quote;
    return `${kind} highlight: “${short}”`;
  };

  const size = rendered ?? estimate;
  return (
    <div
      ref={frame}
      className={areaMode ? 'pdf-page area-mode' : 'pdf-page'}
      data-page={number}
      role="region"
      aria-label={`Page ${number}`}
      style={{ width: size.width, height: size.height }}
      onPointerDown={(e) => {
        if (!areaMode) return;
        const p = point(e);
        e.currentTarget.setPointerCapture(e.pointerId);
        setDrag({ x0: p.x, y0: p.y, x1: p.x, y1: p.y });
      }}
      onPointerMove={(e) => drag && setDrag({ ...drag, x1: point(e).x, y1: point(e).y })}
      onPointerUp={() => {
        if (!drag || keyed) return;
        setDrag(null);
        // A click is not an area: a box needs some size to be one.
        const region = boxRegion(drag, number, scale);
        if (region) props.onArea(region);
      }}
      tabIndex={areaMode ? 0 : undefined}
      onKeyDown={(e) => {
        if (!areaMode || e.target !== e.currentTarget) return;
        const done = areaKey(keyed ? drag : null, e.key, e.shiftKey, size.width, size.height);
        if (done.kind === 'ignored') return;
        e.preventDefault();
        if (done.kind === 'box') {
          setKeyed(true);
          setDrag(done.box);
          return;
        }
        setKeyed(false);
        setDrag(null);
        const region = done.kind === 'done' && boxRegion(done.box, number, scale);
        if (region) props.onArea(region);
      }}
      onMouseUp={() => !areaMode && readSelection()}
      onClick={(e) => {
        // A click (not a selection) on a highlight opens it.
        if (areaMode || !window.getSelection()?.isCollapsed) return;
        const { x, y } = point(e);
        const hit = boxes.findLast(
          (b) => x >= b.left && x <= b.left + b.width && y >= b.top && y <= b.top + b.height,
        );
        if (hit) props.onSelectAnnotation(hit.id);
      }}
      onKeyUp={() => !areaMode && readSelection()}
    >
      <canvas ref={canvas} aria-hidden="true" />
      <div ref={layer} className="textLayer" />
      <div className="page-highlights">
        {/* Drawn under the pointer's way (the text stays selectable through them). The
            buttons are there for the keyboard and screen readers: one per highlight. */}
        {areas(boxes).map((b) => (
          <button
            key={`key:${b.id}`}
            type="button"
            className="page-hl-key"
            aria-label={describe(b)}
            aria-current={b.id === selectedId ? 'true' : undefined}
            style={{ left: b.left, top: b.top, width: b.width, height: b.height }}
            onClick={() => props.onSelectAnnotation(b.id)}
          />
        ))}
        {boxes.map((b, i) => (
          <div
            key={`${b.id}:${i}`}
            data-annotation-id={b.id}
            title={`${kindLabel(codebook, b.kind)} highlight${b.area ? ' (an area of the page)' : ''}`}
            className={`page-hl hl-${b.kind}${b.area ? ' page-area' : ''}${b.id === selectedId ? ' page-hl-selected' : ''}`}
            style={{ left: b.left, top: b.top, width: b.width, height: b.height }}
          />
        ))}
        {drag && (
          <div
            className="page-drag"
            data-testid={keyed ? 'keyed-area' : undefined}
            style={{
              left: Math.min(drag.x0, drag.x1),
              top: Math.min(drag.y0, drag.y1),
              width: Math.abs(drag.x1 - drag.x0),
              height: Math.abs(drag.y1 - drag.y0),
            }}
          />
        )}
      </div>
      {keyed && drag && (
        <p className="visually-hidden" role="status">
          {`A box on page ${number}: arrow keys move it, Shift with an arrow resizes it, Enter highlights the area, Escape gives up.`}
        </p>
      )}
      {!rendered && <p className="page-loading muted">Page {number}…</p>}
    </div>
  );
}
