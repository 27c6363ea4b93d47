// PDF text items to lines, and the lines printed on every page (running headers, footers,
// page numbers) found and left out. pdf.js gives positioned runs of text in content-stream
// order, which is not always reading order; a line here is the runs on one baseline that
// sit close together, so the two halves of a two-column row stay two lines.

export interface PdfItem {
  text: string;
  /** Left edge and baseline in PDF user space (y grows upwards). */
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface PdfLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  rtl: boolean;
  lines: PdfLine[];
}

/** A gap wider than this many font sizes between runs on a baseline is a column gutter. */
const GUTTER = 1.5;
/** The top and bottom share of a page where running heads and page numbers live. */
const MARGIN = 0.12;
const PAGE_NUMBER =
  /^[\s\-–—]*(?:(?:page|p\.|صفحه)\s*)?(?:\p{Nd}+|[ivxlcdm]+)(?:\s*(?:of|\/|از)\s*\p{Nd}+)?[\s\-–—]*$/iu;

function joinRuns(runs: PdfItem[], rtl: boolean): PdfLine {
  // Runs hold logical-order text already (pdf.js reorders right-to-left runs); only their
  // order along the line depends on the page's direction.
  const ordered = rtl ? [...runs].reverse() : runs;
  let text = '';
  ordered.forEach((run, i) => {
    const previous = ordered[i - 1];
    if (previous) {
      const gap = rtl ? previous.x - (run.x + run.width) : run.x - (previous.x + previous.width);
      if (gap > run.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(run.text)) text += ' ';
    }
    text += run.text;
  });
  const first = runs[0]!;
  const last = runs[runs.length - 1]!;
  return {
    text: text.replace(/\s+/g, ' ').trim(),
    x0: first.x,
    x1: last.x + last.width,
    y: first.y,
    size: Math.max(...runs.map((r) => r.size)),
  };
}

/** Lines of one page, top to bottom and, on one baseline, in visual order. */
export function itemsToLines(items: readonly PdfItem[], rtl: boolean): PdfLine[] {
  const rows: PdfItem[][] = [];
  const sorted = items.filter((item) => item.text.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - item.y) < Math.max(row[0]!.size, item.size) * 0.5)
      row.push(item);
    else rows.push([item]);
  }
  const lines: PdfLine[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let run: PdfItem[] = [];
    for (const item of row) {
      const previous = run[run.length - 1];
      if (previous && item.x - (previous.x + previous.width) > GUTTER * item.size) {
        lines.push(joinRuns(run, rtl));
        run = [];
      }
      run.push(item);
    }
    if (run.length) lines.push(joinRuns(run, rtl));
  }
  return lines.filter((line) => line.text);
}

const inMargin = (line: PdfLine, page: PdfPage): boolean =>
  line.y > page.height * (1 - MARGIN) || line.y < page.height * MARGIN;

/** Digits stand for any number, so "Report 2024 · page 3" matches "Report 2024 · page 4". */
const runningKey = (text: string): string =>
  text
    .replace(/\p{Nd}+/gu, '#')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * The pages without their running heads and feet: a line in the top or bottom margin that
 * is a bare page number, or whose text (numbers aside) recurs in the margin of at least
 * half the pages, is not part of the text.
 */
export function dropRunningLines(pages: readonly PdfPage[]): PdfPage[] {
  const seen = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set(
      page.lines.filter((l) => inMargin(l, page)).map((l) => runningKey(l.text)),
    );
    for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const threshold = Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((page) => ({
    ...page,
    lines: page.lines.filter(
      (line) =>
        !inMargin(line, page) ||
        !(PAGE_NUMBER.test(line.text) || (seen.get(runningKey(line.text)) ?? 0) >= threshold),
    ),
  }));
}
