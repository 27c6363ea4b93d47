// The reader: renders a document's blocks (ReaderBlocks.tsx) and paints its highlights over
// them (use-highlight-paint.ts, or wrapped spans where the Highlight API is missing), turns
// the user's selection, by mouse or keyboard, into text offsets, opens the highlight under
// a click, and offers the selection toolbar and the kind keys.
import { Fragment, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { DocumentView } from '../../../../shared/api';
import type { AnnotationKind } from '../../../../shared/model';
import { offsetsToRange, rangeToOffsets } from '../../lib/dom-offsets';
import { canPaintHighlights } from '../../lib/highlight-paint';
import { selectCodebook } from '../../store/codebook';
import { useSelector } from '../../workbench/context';
import { useKindKeys } from '../../lib/keymap';
import type { Span as HighlightSpan } from '../../lib/segments';
import type { Span } from '../../lib/text-units';
import { useHighlightPointer } from '../../hooks/use-highlight-pointer';
import { useHighlightPaint } from '../../hooks/use-highlight-paint';
import { useKeyboardSelection } from '../../hooks/use-keyboard-selection';
import type { ReaderFocus } from '../../store/selection';
import { HighlightStops } from './HighlightStops';
import { BlockView, groupBlocks, spansByBlock } from './ReaderBlocks';
import { SelectionToolbar, type SelectionIntent } from './SelectionToolbar';
import { ReaderDocument } from './StructuredBlocks';

/**
 * Past this many blocks, only the blocks near the view are laid out and painted (see
 * `.reader-long` in reader.css); the rest stay in the page, so find-in-page, selections
 * and their offsets work across the whole text.
 */
export const LONG_DOCUMENT_BLOCKS = 150;

export interface PendingSelection {
  start: number;
  end: number;
  rect: { top: number; bottom: number; left: number; width: number };
}

/** The spans a painted block wraps: none, so its elements never change for a highlight. */
const NONE: HighlightSpan[] = [];

interface ReaderProps {
  view: DocumentView;
  selectedId: string | null;
  focus: ReaderFocus | null;
  onSelectAnnotation: (id: string) => void;
  /** Saves a new highlight; the promise, if any, settles once it is saved (or failed). */
  onCreate: (
    selection: { start: number; end: number },
    kind: AnnotationKind,
    intent: SelectionIntent,
  ) => Promise<unknown> | void;
  /** Set while a highlight waits to be re-attached: the toolbar then offers only that. */
  onReattach?: (selection: { start: number; end: number }) => void;
}

export function Reader({
  view,
  selectedId,
  focus,
  onSelectAnnotation,
  onCreate,
  onReattach,
}: ReaderProps): React.JSX.Element {
  const { document, annotations } = view;
  const root = useRef<HTMLElement>(null);
  const [pending, setPending] = useState<PendingSelection | null>(null);
  const codebook = useSelector(selectCodebook);
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const blockIndex = new Map(document.blocks.map((b, i) => [b, i]));
  const perBlock = spansByBlock(document.blocks, annotations, selectedId);
  // Decided once: the same engine keeps or lacks the API for the reader's whole life.
  const [painted] = useState(canPaintHighlights);
  // A stable callback, so that blocks whose highlights did not change are not rendered again.
  const onSelectLatest = useRef(onSelectAnnotation);
  useLayoutEffect(() => {
    onSelectLatest.current = onSelectAnnotation;
  });
  const onSelect = useCallback((id: string) => onSelectLatest.current(id), []);
  const paintPending = useHighlightPaint({
    enabled: painted,
    root,
    document,
    perBlock,
    byId,
    selectedId,
  });
  const pointer = useHighlightPointer(root, annotations, onSelect);

  const readSelection = useCallback(() => {
    const selection = window.getSelection();
    if (!root.current || !selection || selection.isCollapsed || selection.rangeCount === 0) {
      setPending(null);
      return;
    }
    const range = selection.getRangeAt(0);
    const offsets = rangeToOffsets(root.current, range);
    if (!offsets) return setPending(null);
    const rect = range.getBoundingClientRect();
    setPending({
      ...offsets,
      rect: { top: rect.top, bottom: rect.bottom, left: rect.left, width: rect.width },
    });
  }, []);

  useEffect(() => {
    const onChange = (): void => readSelection();
    // Scrolling moves the selection on screen: follow it with the toolbar.
    window.document.addEventListener('selectionchange', onChange);
    window.addEventListener('scroll', onChange, true);
    return () => {
      window.document.removeEventListener('selectionchange', onChange);
      window.removeEventListener('scroll', onChange, true);
    };
  }, [readSelection]);

  /** The selection as it is in the page now: keys can outrun the pending state. */
  const liveSelection = useCallback((): Span | null => {
    const live = window.getSelection();
    if (!root.current || !live || live.isCollapsed || live.rangeCount === 0) return null;
    return rangeToOffsets(root.current, live.getRangeAt(0));
  }, []);

  const create = useCallback(
    (kind: AnnotationKind, intent: SelectionIntent) => {
      const span = liveSelection() ?? pending;
      if (!span || view.readOnly) return;
      // Shown on the key press, not when the core answers: taken away a frame after the
      // save settles, by when the saved highlight is painted in its place (or it failed).
      const range = root.current && offsetsToRange(root.current, span.start, span.end);
      const unpaint = range ? paintPending(kind, range) : undefined;
      const saved = onCreate({ start: span.start, end: span.end }, kind, intent);
      if (unpaint)
        void Promise.resolve(saved)
          .catch(() => undefined)
          .then(() => requestAnimationFrame(unpaint));
      window.getSelection()?.removeAllRanges();
      setPending(null);
    },
    [pending, onCreate, view.readOnly, liveSelection, paintPending],
  );

  // Selecting from the keyboard (see use-keyboard-selection.ts).
  const onReaderKey = useKeyboardSelection({
    root,
    document,
    byId,
    liveSelection,
    ...(onReattach ? {} : { create }),
    clear: () => setPending(null),
  });

  // The kinds' keys (src/shared/concepts/keymap.ts) while text is selected: a key highlights
  // as the codebook's kind in its place (1 the first, 9 the ninth, the user's own kinds
  // after the built-in ones), so reordering the codebook moves the keys with it. A number
  // with no kind in its place is left alone.
  useKindKeys(
    (place) => {
      const kind = codebook.kinds[place];
      if (!kind) return false;
      create(kind.id, 'highlight');
    },
    pending !== null && !onReattach,
  );

  useLayoutEffect(() => {
    if (!focus || !root.current || focus.documentId !== document.id) return;
    const annotationId = focus.annotationId;
    const at = annotationId ? byId.get(annotationId)?.target.position : focus;
    if (at?.start === undefined || at.end === undefined) return;
    const range = offsetsToRange(root.current, at.start, at.end);
    if (!range) return;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (painted) {
      // The Custom Highlight API marks exactly the passage without touching the DOM.
      CSS.highlights.set('passage-flash', new Highlight(range));
      const timer = setTimeout(() => CSS.highlights.delete('passage-flash'), 1800);
      return () => clearTimeout(timer);
    }
    if (!annotationId) return;
    const parts = [...root.current.querySelectorAll<HTMLElement>('[data-annotation-ids]')].filter(
      (el) => (el.dataset.annotationIds ?? '').split(' ').includes(annotationId),
    );
    for (const el of parts) el.classList.add('flash');
    const timer = setTimeout(() => parts.forEach((el) => el.classList.remove('flash')), 1600);
    return () => clearTimeout(timer);
    // Only a new focus flashes; the highlights are read as they are at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus, document.id]);

  const dir = document.source.direction ?? 'auto';
  const blockDir = document.source.direction === 'auto' ? ('auto' as const) : undefined;
  return (
    <ReaderDocument value={{ id: document.id, text: document.text }}>
      <p id="reader-keys" className="visually-hidden">
        Arrow keys select sentences and words, Shift extends, S selects a sentence and P a
        paragraph; then H or 1 to 4 highlights. Tab moves through highlights.
      </p>
      <article
        ref={root}
        className={document.blocks.length > LONG_DOCUMENT_BLOCKS ? 'reader reader-long' : 'reader'}
        tabIndex={0}
        aria-describedby="reader-keys"
        onKeyDown={onReaderKey}
        onClick={pointer.onClick}
        onPointerMove={pointer.onPointerMove}
        aria-label={`Document: ${document.title}`}
        dir={dir}
        lang={document.source.language}
      >
        {groupBlocks(document.blocks).map((group, g) => {
          const rendered = group.map((block, i) => {
            const at = blockIndex.get(block) ?? 0;
            const { spans, signature } = perBlock[at]!;
            const previous = document.blocks[at - 1];
            const pageStart =
              block.page !== undefined && block.page !== previous?.page ? block.page : undefined;
            return (
              <BlockView
                key={i}
                block={block}
                index={i}
                text={document.text}
                marks={document.marks}
                spans={painted ? NONE : spans}
                byId={byId}
                selectedId={selectedId}
                signature={painted ? '' : signature}
                {...(pageStart === undefined ? {} : { pageStart })}
                {...(blockDir ? { dir: blockDir } : {})}
              />
            );
          });
          return group[0]?.kind === 'list-item' ? (
            <ul key={g}>{rendered}</ul>
          ) : (
            <Fragment key={g}>{rendered}</Fragment>
          );
        })}
        <HighlightStops root={root} annotations={annotations} onSelect={onSelect} />
      </article>
      {pending && !view.readOnly && (
        <SelectionToolbar
          rect={pending.rect}
          onChoose={create}
          {...(onReattach
            ? {
                onReattach: () => {
                  onReattach({ start: pending.start, end: pending.end });
                  window.getSelection()?.removeAllRanges();
                  setPending(null);
                },
              }
            : {})}
        />
      )}
    </ReaderDocument>
  );
}
