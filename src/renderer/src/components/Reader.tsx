// The reader: renders a document's blocks with its highlights, turns the user's selection
// into text offsets, and offers the selection toolbar. Highlights are flat runs of text
// (see segments.ts), so overlapping highlights render without breaking each other.
import {
  Fragment,
  memo,
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
import { KIND_LABELS } from '../lib/labels';
import { segmentBlock, type Segment } from '../lib/segments';
import { blockSpan, extend, step, unitAt, units, type Span, type Unit } from '../lib/text-units';
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
  // A highlight is one stop in the Tab order, at its first run of text: the innermost
  // highlight that begins here (one that begins inside another is reached after it).
  const begins = [...segment.highlights]
    .reverse()
    .map((id) => byId.get(id))
    .find((a) => a?.target.position.start === segment.start);
  const stop = begins
    ? {
        tabIndex: 0,
        role: 'button',
        'data-highlight-stop': begins.id,
        'aria-label': `${KIND_LABELS[begins.kind]} highlight: ${begins.target.quote.exact.slice(0, 80)}`,
        onKeyDown: (event: React.KeyboardEvent) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.preventDefault();
          onSelect(begins.id);
        },
      }
    : {};
  return (
    <mark
      data-start={segment.start}
      data-annotation-ids={segment.highlights.join(' ')}
      className={classes.join(' ')}
      onClick={() => {
        if (window.getSelection()?.isCollapsed !== false) onSelect(innermost);
      }}
      {...stop}
    >
      {content}
    </mark>
  );
}

function blockElement(
  block: Block,
  children: ReactNode,
  key: number,
  pageStart?: number,
): React.JSX.Element {
  // The first block of a printed page carries its number; the stylesheet shows it as a
  // line above the block (not text of the document, so offsets and selections ignore it).
  const props = {
    'data-block-start': block.start,
    ...(pageStart === undefined ? {} : { 'data-page-start': pageStart }),
  };
  switch (block.kind) {
    case 'heading':
      return block.level === 1 ? (
        <h1 key={key} {...props}>
          {children}
        </h1>
      ) : (
        <h2 key={key} {...props}>
          {children}
        </h2>
      );
    case 'quote':
      return (
        <blockquote key={key} {...props}>
          {children}
        </blockquote>
      );
    case 'list-item':
      return (
        <li key={key} {...props}>
          {children}
        </li>
      );
    default:
      return (
        <p key={key} {...props}>
          {children}
        </p>
      );
  }
}

interface BlockProps {
  block: Block;
  index: number;
  text: string;
  marks: Mark[];
  /** The highlights over this block. */
  spans: { id: string; start: number; end: number }[];
  byId: Map<string, Annotation>;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** What of the highlights over this block shows: when it is unchanged, so is the block. */
  signature: string;
  /** Set on the first block of a printed page. */
  pageStart?: number;
}

/**
 * One block of the text with its highlights. A change to one highlight renders only the
 * blocks it covers: the others keep their signature and are not rendered again.
 */
const BlockView = memo(
  function BlockView({
    block,
    index,
    text,
    marks,
    spans,
    byId,
    selectedId,
    onSelect,
    pageStart,
  }: BlockProps) {
    return blockElement(
      block,
      segmentBlock(block, spans, marks).map((segment) => (
        <SegmentView
          key={segment.start}
          text={text}
          segment={segment}
          byId={byId}
          selectedId={selectedId}
          onSelect={onSelect}
        />
      )),
      index,
      pageStart,
    );
  },
  (a, b) =>
    a.block === b.block &&
    a.index === b.index &&
    a.text === b.text &&
    a.marks === b.marks &&
    a.onSelect === b.onSelect &&
    a.signature === b.signature &&
    a.pageStart === b.pageStart,
);

/** The highlights over each block, and a signature of what they show there. */
function spansByBlock(
  blocks: readonly Block[],
  annotations: readonly Annotation[],
  selectedId: string | null,
): { spans: BlockProps['spans']; signature: string }[] {
  const placed = annotations
    .filter((a) => a.status !== 'orphaned')
    .sort((a, b) => a.target.position.start - b.target.position.start);
  let from = 0;
  return blocks.map((block) => {
    // Sorted by start: a highlight at the front that ends before this block is done with.
    while (from < placed.length && placed[from]!.target.position.end <= block.start) from++;
    const spans: BlockProps['spans'] = [];
    const parts: string[] = [];
    for (let i = from; i < placed.length; i++) {
      const a = placed[i]!;
      const { start, end } = a.target.position;
      if (start >= block.end) break;
      if (end <= block.start) continue;
      spans.push({ id: a.id, start, end });
      parts.push(`${a.id}:${start}-${end}:${a.kind}:${a.status}:${a.id === selectedId ? 1 : 0}`);
    }
    return { spans, signature: parts.join('|') };
  });
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
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const blockIndex = new Map(document.blocks.map((b, i) => [b, i]));
  const perBlock = spansByBlock(document.blocks, annotations, selectedId);
  // A stable callback, so that blocks whose highlights did not change are not rendered again.
  const onSelectLatest = useRef(onSelectAnnotation);
  useLayoutEffect(() => {
    onSelectLatest.current = onSelectAnnotation;
  });
  const onSelect = useCallback((id: string) => onSelectLatest.current(id), []);

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
      onCreate({ start: span.start, end: span.end }, kind, intent);
      window.getSelection()?.removeAllRanges();
      setPending(null);
    },
    [pending, onCreate, view.readOnly, liveSelection],
  );

  // Selecting from the keyboard: the reader takes focus, and arrows, S and P select words,
  // sentences and paragraphs, which then highlight like a selection made with the mouse.
  const unitCache = useRef(new Map<Unit, Span[]>());
  useEffect(() => unitCache.current.clear(), [document]);
  const unitList = (unit: Unit): Span[] => {
    let list = unitCache.current.get(unit);
    if (!list) {
      list = units(document.text, document.blocks, unit, document.source.language);
      unitCache.current.set(unit, list);
    }
    return list;
  };
  const selectSpan = (span: Span | null): void => {
    if (!span || !root.current) return;
    const range = offsetsToRange(root.current, span.start, span.end);
    const selection = window.getSelection();
    if (!range || !selection) return;
    selection.removeAllRanges();
    selection.addRange(range);
    const rect = range.getBoundingClientRect();
    const reading = root.current.closest('.reading');
    const box = reading?.getBoundingClientRect();
    if (box && (rect.top < box.top + 40 || rect.bottom > box.bottom - 40))
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  };
  const onReaderKey = (event: React.KeyboardEvent<HTMLElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, button, a[href]')) return;
    const stopId = target.dataset.highlightStop;
    const stopAt = stopId ? byId.get(stopId)?.target.position : undefined;
    const selected = liveSelection();
    const current: Span | null =
      selected ?? (stopAt ? { start: stopAt.start, end: stopAt.end } : null);
    const rtl = root.current ? getComputedStyle(root.current).direction === 'rtl' : false;
    const forward = (key: string): 1 | -1 =>
      key === 'ArrowDown' || key === (rtl ? 'ArrowLeft' : 'ArrowRight') ? 1 : -1;
    const key = event.key;
    let next: Span | null | undefined;
    if (key === 'ArrowDown' || key === 'ArrowUp' || key === 'ArrowLeft' || key === 'ArrowRight') {
      const unit: Unit = key === 'ArrowDown' || key === 'ArrowUp' ? 'sentence' : 'word';
      const list = unitList(unit);
      next =
        event.shiftKey && selected
          ? extend(list, selected, forward(key))
          : step(list, current, forward(key));
    } else if (key === 's' || key === 'S') {
      next = current ? unitAt(unitList('sentence'), current.start) : unitList('sentence')[0];
    } else if (key === 'p' || key === 'P') {
      next = blockSpan(document.text, document.blocks, current?.start ?? 0);
    } else if ((key === 't' || key === 'n') && selected && !onReattach) {
      create('quote', key === 't' ? 'tag' : 'note');
      event.preventDefault();
      return;
    } else if (key === ']' || key === '[') {
      const stops = [
        ...(root.current?.querySelectorAll<HTMLElement>('[data-highlight-stop]') ?? []),
      ];
      const at = stops.indexOf(target);
      const to = key === ']' ? stops[at + 1] : at > 0 ? stops[at - 1] : stops.at(-1);
      to?.focus();
      event.preventDefault();
      return;
    } else if (key === 'Escape' && selected) {
      window.getSelection()?.removeAllRanges();
      setPending(null);
      event.preventDefault();
      return;
    } else return;
    event.preventDefault();
    if (next) selectSpan(next);
  };

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
      <p id="reader-keys" className="visually-hidden">
        Arrow keys select sentences and words, Shift extends, S selects a sentence and P a
        paragraph; then H or 1 to 4 highlights. Tab moves through highlights.
      </p>
      <article
        ref={root}
        className="reader"
        tabIndex={0}
        aria-describedby="reader-keys"
        onKeyDown={onReaderKey}
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
                spans={spans}
                byId={byId}
                selectedId={selectedId}
                onSelect={onSelect}
                signature={signature}
                {...(pageStart === undefined ? {} : { pageStart })}
              />
            );
          });
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
