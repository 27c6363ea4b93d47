// The reader: renders a document's blocks with its highlights, turns the user's selection
// into text offsets, and offers the selection toolbar. Highlights are flat runs of text
// (see segments.ts), so overlapping highlights render without breaking each other.
import {
  Fragment,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { DocumentView } from '../../../shared/api';
import type { Annotation, AnnotationKind, Block, Mark } from '../../../shared/model';
import { offsetsToRange, rangeToOffsets } from '../lib/dom-offsets';
import { segmentBlock, type Segment } from '../lib/segments';
import { SAFE_HREF } from '../../../shared/text';
import type { ReaderFocus } from '../store/selection';
import { SelectionToolbar, type SelectionIntent } from './SelectionToolbar';

export interface PendingSelection {
  start: number;
  end: number;
  rect: { top: number; bottom: number; left: number; width: number };
}

interface ReaderProps {
  view: DocumentView;
  selectedId: string | null;
  focus: ReaderFocus | null;
  onSelectAnnotation: (id: string) => void;
  onCreate: (
    selection: { start: number; end: number },
    kind: AnnotationKind,
    intent: SelectionIntent,
  ) => void;
  /** Set while a highlight waits to be re-attached: the toolbar then offers only that. */
  onReattach?: (selection: { start: number; end: number }) => void;
}

function renderMarks(text: string, marks: Mark[]): ReactNode {
  return marks.reduce<ReactNode>((inner, mark) => {
    if (mark.kind === 'emphasis') return <em>{inner}</em>;
    if (mark.kind === 'strong') return <strong>{inner}</strong>;
    const href = mark.href && SAFE_HREF.test(mark.href) ? mark.href : undefined;
    return (
      <a href={href} title={mark.href} target="_blank" rel="noopener noreferrer nofollow">
        {inner}
      </a>
    );
  }, text);
}

function SegmentView({
  text,
  segment,
  byId,
  selectedId,
  onSelect,
}: {
  text: string;
  segment: Segment;
  byId: Map<string, Annotation>;
  selectedId: string | null;
  onSelect: (id: string) => void;
}): React.JSX.Element {
  const content = renderMarks(text.slice(segment.start, segment.end), segment.marks);
  const innermost = segment.highlights.at(-1);
  if (!innermost) return <span data-start={segment.start}>{content}</span>;
  const annotation = byId.get(innermost);
  const classes = ['hl', `hl-${annotation?.kind ?? 'quote'}`];
  if (annotation?.status === 'fuzzy') classes.push('hl-fuzzy');
  if (segment.highlights.length > 1) classes.push('hl-overlap');
  if (segment.highlights.includes(selectedId ?? '')) classes.push('hl-selected');
  return (
    <mark
      data-start={segment.start}
      data-annotation-ids={segment.highlights.join(' ')}
      className={classes.join(' ')}
      onClick={() => {
        if (window.getSelection()?.isCollapsed !== false) onSelect(innermost);
      }}
    >
      {content}
    </mark>
  );
}

function blockElement(block: Block, children: ReactNode, key: number): React.JSX.Element {
  const at = block.start;
  switch (block.kind) {
    case 'heading':
      return block.level === 1 ? (
        <h1 key={key} data-block-start={at}>
          {children}
        </h1>
      ) : (
        <h2 key={key} data-block-start={at}>
          {children}
        </h2>
      );
    case 'quote':
      return (
        <blockquote key={key} data-block-start={at}>
          {children}
        </blockquote>
      );
    case 'list-item':
      return (
        <li key={key} data-block-start={at}>
          {children}
        </li>
      );
    default:
      return (
        <p key={key} data-block-start={at}>
          {children}
        </p>
      );
  }
}

/** Groups consecutive list items into one <ul>, as they were in the source. */
function groupBlocks(blocks: Block[]): Block[][] {
  const groups: Block[][] = [];
  for (const block of blocks) {
    const last = groups.at(-1);
    if (block.kind === 'list-item' && last?.[0]?.kind === 'list-item') last.push(block);
    else groups.push([block]);
  }
  return groups;
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
  const placed = annotations.filter((a) => a.status !== 'orphaned');
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const spans = placed.map((a) => ({
    id: a.id,
    start: a.target.position.start,
    end: a.target.position.end,
  }));

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

  const create = useCallback(
    (kind: AnnotationKind, intent: SelectionIntent) => {
      if (!pending || view.readOnly) return;
      onCreate({ start: pending.start, end: pending.end }, kind, intent);
      window.getSelection()?.removeAllRanges();
      setPending(null);
    },
    [pending, onCreate, view.readOnly],
  );

  useEffect(() => {
    const KEYS: Record<string, AnnotationKind> = {
      h: 'quote',
      '1': 'quote',
      '2': 'claim',
      '3': 'evidence',
      '4': 'question',
    };
    const onKey = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      if (!pending || onReattach || event.altKey || event.ctrlKey || event.metaKey) return;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const kind = KEYS[event.key.toLowerCase()];
      if (!kind) return;
      event.preventDefault();
      create(kind, 'highlight');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pending, create, onReattach]);

  useLayoutEffect(() => {
    if (!focus || !root.current || focus.documentId !== document.id) return;
    const annotationId = focus.annotationId;
    if (annotationId) {
      const parts = [...root.current.querySelectorAll<HTMLElement>('[data-annotation-ids]')].filter(
        (el) => (el.dataset.annotationIds ?? '').split(' ').includes(annotationId),
      );
      parts[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      for (const el of parts) el.classList.add('flash');
      const timer = setTimeout(() => parts.forEach((el) => el.classList.remove('flash')), 1600);
      return () => clearTimeout(timer);
    }
    if (focus.start === undefined || focus.end === undefined) return;
    const range = offsetsToRange(root.current, focus.start, focus.end);
    if (!range) return;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    // The Custom Highlight API marks exactly the passage without touching the DOM.
    const highlights = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
    highlights?.set('passage-flash', new Highlight(range));
    const timer = setTimeout(() => highlights?.delete('passage-flash'), 1800);
    return () => clearTimeout(timer);
  }, [focus, document.id]);

  const dir = document.source.direction ?? 'auto';
  return (
    <>
      <article
        ref={root}
        className="reader"
        aria-label={`Document: ${document.title}`}
        dir={dir}
        lang={document.source.language}
      >
        {groupBlocks(document.blocks).map((group, g) => {
          const rendered = group.map((block, i) =>
            blockElement(
              block,
              segmentBlock(block, spans, document.marks).map((segment) => (
                <SegmentView
                  key={segment.start}
                  text={document.text}
                  segment={segment}
                  byId={byId}
                  selectedId={selectedId}
                  onSelect={onSelectAnnotation}
                />
              )),
              i,
            ),
          );
          return group[0]?.kind === 'list-item' ? (
            <ul key={g}>{rendered}</ul>
          ) : (
            <Fragment key={g}>{rendered}</Fragment>
          );
        })}
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
    </>
  );
}
