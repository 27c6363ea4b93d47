// The pages of a document's original PDF, beside (instead of) its reflowed text: the
// original as the core kept it, drawn by pdf.js page by page as they come into view, with
// the document's highlights on them. Text selected on a page becomes a highlight of the
// text (so it shows in the reader too); in area mode a box dragged on a page becomes an
// area highlight. Going to a page (from a citation's "p. N") scrolls to it.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import type { DocumentView } from '../../../../shared/api';
import type { AnnotationKind, PageRegion } from '../../../../shared/model';
import { openPdf } from '../../lib/pdf-pages';
import { useView } from '../../hooks/use-view';
import { PageFrame, type PageSelection } from './PageFrame';
import { SelectionToolbar, type SelectionIntent } from './SelectionToolbar';

interface Props {
  view: DocumentView;
  readOnly: boolean;
  selectedId: string | null;
  /** The page to go to, and a counter that changes with each request. */
  page: number | null;
  request: number;
  onSelectAnnotation: (id: string) => void;
  onCreate: (
    range: { start: number; end: number },
    kind: AnnotationKind,
    intent: SelectionIntent,
  ) => Promise<unknown> | void;
  onCreateRegion: (region: PageRegion) => void;
  onShowText: () => void;
}

/** Pages are drawn to fit the column, within these scales. */
const MIN_SCALE = 0.6;
const MAX_SCALE = 2;

export function PageView(props: Props): React.JSX.Element {
  const { view, readOnly, selectedId, page, request } = props;
  const { document, annotations } = view;
  const box = useRef<HTMLDivElement>(null);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [first, setFirst] = useState<{ width: number; height: number } | null>(null);
  const [scale, setScale] = useState(1);
  const [areaMode, setAreaMode] = useState(false);
  const [pending, setPending] = useState<PageSelection | null>(null);
  const [current, setCurrent] = useState(page ?? 1);
  // A new request for a page sets the page box as it renders (no effect needed for that).
  const [answered, setAnswered] = useState(request);
  if (answered !== request) {
    setAnswered(request);
    if (page) setCurrent(page);
  }

  // The kept file, checked by the core against its hash: a derived view of the store
  // (store/views/originals.ts), opened by pdf.js here once it is there.
  const original = useView(
    'original',
    { id: document.id, sha256: document.original?.sha256 ?? '' },
    { enabled: document.original !== undefined },
  );
  const kept = original.data;
  useEffect(() => {
    if (!kept) return;
    let live = true;
    let opened: PDFDocumentProxy | null = null;
    // No reset of the state here: ReadingColumn gives each document its own PageView.
    void (async () => {
      try {
        opened = await openPdf(kept.bytes);
        if (!live) return void opened.destroy();
        const p1 = (await opened.getPage(1)).getViewport({ scale: 1 });
        const width = (box.current?.clientWidth ?? 800) - 32;
        const fit = Math.min(MAX_SCALE, Math.max(MIN_SCALE, width / p1.width));
        setScale(fit);
        setFirst({ width: p1.width * fit, height: p1.height * fit });
        setPdf(opened);
      } catch {
        if (live) setFailed(`${kept.original.fileName} could not be shown as pages.`);
      }
    })();
    return () => {
      live = false;
      void opened?.destroy();
    };
  }, [kept]);
  const problem = original.error
    ? `The original file could not be read: ${original.error}`
    : failed;

  // A citation's "p. N": scroll that page into view.
  useEffect(() => {
    if (!pdf || !page) return;
    box.current
      ?.querySelector(`[data-page="${page}"]`)
      ?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [pdf, page, request]);

  const goTo = (n: number): void => {
    if (!pdf || n < 1 || n > pdf.numPages) return;
    setCurrent(n);
    box.current?.querySelector(`[data-page="${n}"]`)?.scrollIntoView({ block: 'start' });
  };

  const create = (kind: AnnotationKind, intent: SelectionIntent): void => {
    if (!pending || readOnly) return;
    void props.onCreate({ start: pending.start, end: pending.end }, kind, intent);
    window.getSelection()?.removeAllRanges();
    setPending(null);
  };

  return (
    <section className="page-view" aria-label={`Pages of ${document.title}`} ref={box}>
      <div className="page-tools row" role="toolbar" aria-label="Pages">
        <button type="button" onClick={props.onShowText}>
          Show the text
        </button>
        {pdf && (
          <label className="row">
            Page
            <input
              type="number"
              min={1}
              max={pdf.numPages}
              value={current}
              onChange={(e) => goTo(Number(e.target.value))}
              aria-label="Go to page"
            />
            of {pdf.numPages}
          </label>
        )}
        {!readOnly && (
          <button
            type="button"
            aria-pressed={areaMode}
            onClick={() => setAreaMode((on) => !on)}
            title="Drag a box on a page to highlight an area (a table, a photo, a signature)"
          >
            Highlight an area
          </button>
        )}
      </div>
      {areaMode && (
        <p className="muted page-hint" role="status">
          Drag a box around a table, a photo or a signature to highlight it. With the keyboard: Tab
          to a page, press Enter for a box, move it with the arrow keys (Shift resizes it) and press
          Enter to highlight it.
        </p>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {!pdf && !problem && <p className="muted">Opening the original…</p>}
      {pdf && first && (
        <div className="pdf-pages">
          {Array.from({ length: pdf.numPages }, (_, i) => (
            <PageFrame
              key={i + 1}
              pdf={pdf}
              number={i + 1}
              scale={scale}
              estimate={first}
              document={document}
              annotations={annotations}
              selectedId={selectedId}
              areaMode={areaMode}
              onSelectAnnotation={props.onSelectAnnotation}
              onSelectText={setPending}
              onArea={(region) => {
                setAreaMode(false);
                props.onCreateRegion(region);
              }}
            />
          ))}
        </div>
      )}
      {pending && !readOnly && <SelectionToolbar rect={pending.rect} onChoose={create} />}
    </section>
  );
}
