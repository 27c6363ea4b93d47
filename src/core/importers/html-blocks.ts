/// <reference lib="dom" />
// A sanitised article's elements to blocks, each with its text and marks: headings,
// paragraphs, list items and quotes as before; a table as one block whose text is its
// cells (a tab between cells, a line break between rows) with each cell's range; an
// image kept from the file as a figure, its caption (or alt text) its text; footnotes
// gathered in order into a notes section at the end, each referred to by `note-ref`
// marks; runs marked with a direction (`dir`, <bdi>) isolated from the text around them.
import type { DraftBlock } from '../../shared/blocks';
import type { ImageMediaType, Mark, TableCell, TableRow } from '../../shared/model';
import { SAFE_HREF } from '../../shared/text';
import { MEDIA_ATTR, MEDIA_TYPE_ATTR, NOTE_ATTR, NOTE_REF_ATTR } from './html-prepare';

export interface Run {
  text: string;
  marks: Mark[];
}
export interface Drafted {
  draft: DraftBlock;
  /** The marks of `draft.text`, relative to it. */
  marks: Mark[];
}

const TEXT_BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'PRE', 'DT', 'DD']);
/** Elements read as a whole, never entered for blocks inside them. */
const WHOLE = new Set([...TEXT_BLOCKS, 'TABLE', 'FIGURE', 'IMG', 'FIGCAPTION', 'CAPTION']);
/** Elements that start a new line inside a run (a cell's paragraphs, a note's). */
const BREAKS = new Set([...TEXT_BLOCKS, 'DIV', 'TR', 'TABLE', 'BLOCKQUOTE', 'UL', 'OL']);
const MARKS: Record<string, Mark['kind']> = {
  EM: 'emphasis',
  I: 'emphasis',
  STRONG: 'strong',
  B: 'strong',
  A: 'link',
};

/**
 * Inline text of an element with HTML white-space collapsing, and marks relative to it.
 * Block elements inside it (a cell's paragraphs) are kept apart by line breaks.
 */
export function inlineRun(element: Element): Run {
  let text = '';
  const marks: Mark[] = [];
  const lineBreak = (): void => {
    text = text.replace(/ +$/, '');
    if (text && !text.endsWith('\n')) text += '\n';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      let value = (node.nodeValue ?? '').replace(/\s+/g, ' ');
      if (!text || text.endsWith('\n') || text.endsWith(' ')) value = value.replace(/^ /, '');
      text += value;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el.tagName === 'BR') return lineBreak();
    if (el.tagName === 'IMG' || el.hasAttribute(NOTE_ATTR)) return;
    const breaks = BREAKS.has(el.tagName);
    if (breaks) lineBreak();
    const start = text.length;
    el.childNodes.forEach(walk);
    if (breaks) lineBreak();
    const end = text.replace(/[ \n]+$/, '').length;
    if (end <= start) return;
    const note = el.getAttribute(NOTE_REF_ATTR);
    if (note) return void marks.push({ kind: 'note-ref', start, end, note });
    const dir = el.getAttribute('dir');
    if (el.tagName === 'BDI' || dir === 'rtl' || dir === 'ltr')
      marks.push({
        kind: 'isolate',
        start,
        end,
        ...(dir === 'rtl' || dir === 'ltr' ? { dir } : {}),
      });
    const kind = MARKS[el.tagName];
    if (!kind) return;
    const href = el.getAttribute('href') ?? '';
    if (kind === 'link' && !SAFE_HREF.test(href)) return;
    marks.push({ kind, start, end, ...(kind === 'link' ? { href } : {}) });
  };
  element.childNodes.forEach(walk);
  // Trim, moving marks with the text and clipping them to it.
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const shifted = marks
    .map((m) => ({
      ...m,
      start: Math.max(0, m.start - lead),
      end: Math.min(trimmed.length, m.end - lead),
    }))
    .filter((m) => m.end > m.start);
  return { text: trimmed, marks: shifted };
}

/** The rows of this table, not of tables inside its cells. */
function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (child.tagName === 'TR') rows.push(child);
    else if (/^T(HEAD|BODY|FOOT)$/.test(child.tagName))
      for (const row of child.children) if (row.tagName === 'TR') rows.push(row);
  }
  return rows;
}

const span = (el: Element, name: string): number | undefined => {
  const n = Number(el.getAttribute(name));
  return Number.isInteger(n) && n > 1 ? Math.min(n, 1000) : undefined;
};

/** A table as one block: cells joined by tabs, rows by line breaks, each cell's range kept. */
export function tableDraft(table: Element): Drafted | undefined {
  let text = '';
  const marks: Mark[] = [];
  const rows: TableRow[] = [];
  for (const [r, row] of ownRows(table).entries()) {
    if (r > 0) text += '\n';
    const cells: TableCell[] = [];
    const cellEls = [...row.children].filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
    for (const [c, cell] of cellEls.entries()) {
      if (c > 0) text += '\t';
      // A tab or line break inside a cell would read as a cell or row boundary.
      const run = inlineRun(cell);
      const start = text.length;
      text += run.text.replace(/[\t\n]/g, ' ');
      for (const m of run.marks) marks.push({ ...m, start: m.start + start, end: m.end + start });
      const header = cell.tagName === 'TH' || row.parentElement?.tagName === 'THEAD';
      const colSpan = span(cell, 'colspan');
      const rowSpan = span(cell, 'rowspan');
      cells.push({
        start,
        end: text.length,
        ...(header ? { header: true } : {}),
        ...(colSpan ? { colSpan } : {}),
        ...(rowSpan ? { rowSpan } : {}),
      });
    }
    rows.push({ cells });
  }
  if (!text.trim()) return undefined;
  return { draft: { kind: 'table', text, rows }, marks };
}

function figureDraft(img: Element, caption: Run | undefined): Drafted | undefined {
  const sha256 = img.getAttribute(MEDIA_ATTR);
  const mediaType = img.getAttribute(MEDIA_TYPE_ATTR) as ImageMediaType | null;
  if (!sha256 || !mediaType) return undefined;
  const alt = (img.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim().slice(0, 2000);
  const run = caption?.text ? caption : { text: alt, marks: [] };
  return {
    draft: {
      kind: 'figure',
      text: run.text,
      image: { sha256, mediaType, ...(alt ? { alt } : {}) },
    },
    marks: run.marks,
  };
}

function kindOf(el: Element): DraftBlock['kind'] {
  if (/^H[1-6]$/.test(el.tagName)) return 'heading';
  if (el.tagName === 'LI') return 'list-item';
  return el.closest('blockquote') ? 'quote' : 'paragraph';
}

const hasLooseText = (el: Element): boolean =>
  [...el.childNodes].some((n) => n.nodeType === 3 && n.nodeValue?.trim());

/** The article's blocks in document order, and its notes (in order of their names). */
export function articleDrafts(root: Element): { body: Drafted[]; notes: Drafted[] } {
  const body: Drafted[] = [];
  const notes: Drafted[] = [];
  const text = (el: Element, kind: DraftBlock['kind']): void => {
    const run = inlineRun(el);
    if (run.text)
      body.push({
        draft: {
          kind,
          text: run.text,
          ...(kind === 'heading' ? { level: Number(el.tagName[1]) } : {}),
        },
        marks: run.marks,
      });
  };
  const images = (el: Element): void => {
    for (const img of el.querySelectorAll('img')) {
      const figure = figureDraft(img, undefined);
      if (figure) body.push(figure);
    }
  };
  const visit = (el: Element): void => {
    const note = el.getAttribute(NOTE_ATTR);
    if (note) {
      const run = inlineRun(el);
      notes.push({ draft: { kind: 'note', text: run.text, note }, marks: run.marks });
      return;
    }
    switch (el.tagName) {
      case 'TABLE': {
        const caption = [...el.children].find((c) => c.tagName === 'CAPTION');
        if (caption) text(caption, 'paragraph');
        const table = tableDraft(el);
        if (table) body.push(table);
        return;
      }
      case 'FIGURE': {
        const captionEl = el.querySelector('figcaption');
        const caption = captionEl ? inlineRun(captionEl) : undefined;
        const imgs = [...el.querySelectorAll('img')];
        const figures = imgs.map((img, i) =>
          figureDraft(img, i === imgs.length - 1 ? caption : undefined),
        );
        for (const f of figures) if (f) body.push(f);
        // A figure whose image was not kept still has its caption to read.
        if (!figures.at(-1) && captionEl) text(captionEl, 'paragraph');
        for (const child of el.children)
          if (
            child.tagName !== 'FIGCAPTION' &&
            !child.querySelector('img') &&
            child.tagName !== 'IMG'
          )
            visit(child);
        return;
      }
      case 'IMG': {
        const figure = figureDraft(el, undefined);
        if (figure) body.push(figure);
        return;
      }
      case 'FIGCAPTION':
      case 'CAPTION':
        return text(el, 'paragraph');
      default:
        break;
    }
    const container = el.tagName === 'LI' && el.querySelector('p, li, table');
    if (TEXT_BLOCKS.has(el.tagName) && !container) {
      text(el, kindOf(el));
      images(el);
      return;
    }
    if (hasLooseText(el) && !el.querySelector([...WHOLE].join(','))) {
      text(el, kindOf(el));
      return;
    }
    for (const child of el.children) visit(child);
  };
  visit(root);
  // Notes read in the order of their names (n1, n2, ...): the order they are first referred to.
  notes.sort((a, b) => Number(a.draft.note!.slice(1)) - Number(b.draft.note!.slice(1)));
  return { body, notes };
}
