// The reader's text, block by block, each run of text in an element that knows its offset
// (dom-offsets.ts). Where the Highlight API paints the highlights (highlight-paint.ts) the
// blocks hold only the text and its marks, and never render again for a highlight. Where
// it is missing, the fallback: each block split into flat runs at every highlight and mark
// boundary (segments.ts), so overlapping highlights render without breaking each other,
// and memoised by a signature of the highlights over it, so one change renders only the
// blocks it covers. Tables, figures and notes have their own elements (StructuredBlocks).
import { memo, type ReactNode } from 'react';
import type { Annotation, Block, Mark } from '../../../../shared/model';
import { SAFE_HREF } from '../../../../shared/text';
import { runPaint, segmentBlock, type Segment } from '../../lib/segments';
import { FigureElement, NoteElement, NoteRef, TableElement } from './StructuredBlocks';

function renderMarks(text: string, marks: Mark[]): ReactNode {
  return marks.reduce<ReactNode>((inner, mark) => {
    if (mark.kind === 'emphasis') return <em>{inner}</em>;
    if (mark.kind === 'strong') return <strong>{inner}</strong>;
    // A run in the other direction keeps its own order and cannot reorder its neighbours.
    if (mark.kind === 'isolate') return <bdi dir={mark.dir}>{inner}</bdi>;
    if (mark.kind === 'note-ref') return <NoteRef note={mark.note ?? ''}>{inner}</NoteRef>;
    const href = mark.href && SAFE_HREF.test(mark.href) ? mark.href : undefined;
    return (
      <a href={href} title={mark.href} target="_blank" rel="noopener noreferrer nofollow">
        {inner}
      </a>
    );
  }, text);
}

export function SegmentView({
  text,
  segment,
  byId,
  selectedId,
}: {
  text: string;
  segment: Segment;
  byId: ReadonlyMap<string, Annotation>;
  selectedId: string | null;
}): React.JSX.Element {
  const content = renderMarks(text.slice(segment.start, segment.end), segment.marks);
  const paint = runPaint(segment.highlights, byId, selectedId);
  if (!paint) return <span data-start={segment.start}>{content}</span>;
  const classes = ['hl', `hl-${paint.kind}`];
  if (paint.edge) classes.push(`hl-${paint.edge}`);
  return (
    <mark
      data-start={segment.start}
      data-annotation-ids={segment.highlights.join(' ')}
      className={classes.join(' ')}
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
  dir?: 'auto',
): React.JSX.Element {
  // The first block of a printed page carries its number; the stylesheet shows it as a
  // line above the block (not text of the document, so offsets and selections ignore it).
  const props = {
    'data-block-start': block.start,
    ...(pageStart === undefined ? {} : { 'data-page-start': pageStart }),
    // In a document of mixed directions each block finds its own from its first letter.
    ...(dir ? { dir } : {}),
  };
  switch (block.kind) {
    case 'table':
      return (
        <TableElement key={key} block={block} cells={children as ReactNode[][]} props={props} />
      );
    case 'figure':
      return (
        <FigureElement key={key} block={block} props={props}>
          {children}
        </FigureElement>
      );
    case 'note':
      return (
        <NoteElement key={key} block={block} props={props}>
          {children}
        </NoteElement>
      );
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
  byId: ReadonlyMap<string, Annotation>;
  selectedId: string | null;
  /** What of the highlights over this block shows: when it is unchanged, so is the block. */
  signature: string;
  /** Set on the first block of a printed page. */
  pageStart?: number;
  /** 'auto' when the document mixes directions. */
  dir?: 'auto';
}

/**
 * One block of the text with its highlights. A change to one highlight renders only the
 * blocks it covers: the others keep their signature and are not rendered again.
 */
export const BlockView = memo(
  function BlockView({
    block,
    index,
    text,
    marks,
    spans,
    byId,
    selectedId,
    pageStart,
    dir,
  }: BlockProps) {
    const segments = (range: Block): ReactNode[] =>
      segmentBlock(range, spans, marks).map((segment) => (
        <SegmentView
          key={segment.start}
          text={text}
          segment={segment}
          byId={byId}
          selectedId={selectedId}
        />
      ));
    // A table's cells are segmented one by one: each cell is a range of its own.
    const children = block.rows
      ? block.rows.map((row) =>
          row.cells.map((cell) =>
            segments({ kind: 'paragraph', start: cell.start, end: cell.end }),
          ),
        )
      : segments(block);
    return blockElement(block, children, index, pageStart, dir);
  },
  (a, b) =>
    a.block === b.block &&
    a.index === b.index &&
    a.text === b.text &&
    a.marks === b.marks &&
    a.signature === b.signature &&
    a.pageStart === b.pageStart &&
    a.dir === b.dir,
);

/** The highlights over each block, and a signature of what they show there. */
export function spansByBlock(
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
export function groupBlocks(blocks: Block[]): Block[][] {
  const groups: Block[][] = [];
  for (const block of blocks) {
    const last = groups.at(-1);
    if (block.kind === 'list-item' && last?.[0]?.kind === 'list-item') last.push(block);
    else groups.push([block]);
  }
  return groups;
}
