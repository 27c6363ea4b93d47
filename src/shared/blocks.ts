// Plain text to blocks: blank lines separate paragraphs, bulleted or numbered lines become
// list items, and a short first line that reads like a title becomes the heading. The
// canonical text is rebuilt from the blocks, so every block is an exact [start, end).
import type { Block, FigureImage, TableRow } from './model';

const BULLET = /^\s*(?:[•·▪◦‣●○■□\-*–]|\d{1,3}[.)])[\s\u00A0]+/;

export interface DraftBlock {
  kind: Block['kind'];
  text: string;
  level?: number;
  page?: number;
  /** A table's rows, with cell offsets relative to `text`. */
  rows?: TableRow[];
  image?: FigureImage;
  note?: string;
}

/** A table's rows moved by `by` characters (from draft-relative to document offsets). */
export function shiftRows(rows: readonly TableRow[], by: number): TableRow[] {
  return rows.map((row) => ({
    cells: row.cells.map((c) => ({ ...c, start: c.start + by, end: c.end + by })),
  }));
}

function looksLikeTitle(line: string): boolean {
  return line.length > 0 && line.length <= 200 && !/[.!?:;,]$/.test(line);
}

function draftBlocks(text: string): DraftBlock[] {
  const drafts: DraftBlock[] = [];
  const groups = text.split(/\n[ \t\u00A0]*\n/);
  for (const group of groups) {
    let paragraph: string[] = [];
    const flush = (): void => {
      const body = paragraph.join('\n').trim();
      if (body) drafts.push({ kind: 'paragraph', text: body });
      paragraph = [];
    };
    for (const line of group.split('\n')) {
      if (BULLET.test(line)) {
        flush();
        const item = line.replace(BULLET, '').trim();
        if (item) drafts.push({ kind: 'list-item', text: item });
      } else {
        paragraph.push(line.trimEnd());
      }
    }
    flush();
  }
  const first = drafts[0];
  if (first?.kind === 'paragraph' && !first.text.includes('\n') && looksLikeTitle(first.text)) {
    drafts[0] = { kind: 'heading', text: first.text, level: 1 };
  }
  return drafts;
}

/** Joins blocks into canonical text: a blank line between blocks, one break inside a list. */
export function assembleBlocks(drafts: DraftBlock[]): { text: string; blocks: Block[] } {
  let text = '';
  const blocks: Block[] = [];
  drafts.forEach((draft, i) => {
    if (i > 0) {
      const previous = drafts[i - 1];
      text += previous?.kind === 'list-item' && draft.kind === 'list-item' ? '\n' : '\n\n';
    }
    const start = text.length;
    text += draft.text;
    blocks.push({
      kind: draft.kind,
      start,
      end: text.length,
      ...(draft.level ? { level: draft.level } : {}),
      ...(draft.page ? { page: draft.page } : {}),
      ...(draft.rows ? { rows: shiftRows(draft.rows, start) } : {}),
      ...(draft.image ? { image: draft.image } : {}),
      ...(draft.note ? { note: draft.note } : {}),
    });
  });
  return { text, blocks };
}

/** Canonical text and blocks for already-normalised plain text. */
export function plainTextToBlocks(text: string): { text: string; blocks: Block[] } {
  return assembleBlocks(draftBlocks(text));
}
