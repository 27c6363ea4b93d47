// A PDF page's lines to blocks in reading order. Columns are found per band of the page
// (the rows between two lines that cross the middle), read left to right, or right to
// left on a right-to-left page. Paragraphs are rebuilt from line geometry: a wider gap
// than the usual line spacing, a change of type size, or an indented first line starts a
// new one. A paragraph never runs across a page break, so every block has one page to cite.
import type { DraftBlock } from '../../shared/blocks';
import type { PdfLine, PdfPage } from './pdf-lines';

type Side = 'left' | 'right' | 'full';

function sideOf(line: PdfLine, page: PdfPage): Side {
  const middle = page.width / 2;
  if (line.x1 <= middle + line.size * 0.5) return 'left';
  if (line.x0 >= middle - line.size * 0.5) return 'right';
  return 'full';
}

/** The page's lines in reading order, each with the column it was read in. */
export function readingOrder(page: PdfPage): { line: PdfLine; column: number }[] {
  const out: { line: PdfLine; column: number }[] = [];
  let band: PdfLine[] = [];
  let column = 0;
  const flushBand = (): void => {
    const left = band.filter((l) => sideOf(l, page) === 'left');
    const right = band.filter((l) => sideOf(l, page) === 'right');
    // Two columns only when both sides hold several lines; a short closing line or a
    // right-aligned date alone does not make a column.
    if (left.length >= 2 && right.length >= 2) {
      const [first, second] = page.rtl ? [right, left] : [left, right];
      for (const line of first) out.push({ line, column });
      column += 1;
      for (const line of second) out.push({ line, column });
    } else for (const line of band) out.push({ line, column });
    column += 1;
    band = [];
  };
  for (const line of page.lines) {
    if (sideOf(line, page) === 'full') {
      if (band.length) flushBand();
      out.push({ line, column });
    } else band.push(line);
  }
  if (band.length) flushBand();
  return out;
}

/**
 * The page's usual line spacing: the lower quartile of the steps between lines of one
 * column, since the larger steps are the paragraph gaps being looked for. With too few
 * steps to tell, none (the caller then assumes 1.2 times the type size).
 */
const lineSpacing = (steps: number[]): number => {
  if (steps.length < 2) return 0;
  const sorted = [...steps].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 4)] ?? 0;
};

/** Whether a word occurs in the document (lower case): see `vocabulary`. */
export type Attested = (word: string) => boolean;

/** Every word of every line, lower case: what a hyphen at a line end is judged against. */
export function vocabulary(pages: readonly PdfPage[]): Attested {
  const words = new Set<string>();
  for (const page of pages)
    for (const line of page.lines)
      for (const word of line.text.toLowerCase().match(/\p{L}+/gu) ?? []) words.add(word);
  return (word) => words.has(word.toLowerCase());
}

/**
 * Joins a line to the paragraph so far. A soft hyphen at the end is a break inside a word
 * and goes. A hard hyphen goes only when the word joined without it is found elsewhere in
 * the document ("docu-" + "mented" where "documented" occurs); otherwise it is part of the
 * text ("Cisco-" + "provided" stays "Cisco-provided"), joined without a space, so that a
 * quote matches what is printed.
 */
export function joinLine(
  paragraph: string,
  line: string,
  attested: Attested = () => false,
): string {
  if (!paragraph) return line;
  if (paragraph.endsWith('\u00AD')) return paragraph.slice(0, -1) + line;
  const head = /(\p{L}+)[-\u2010]$/u.exec(paragraph);
  const tail = /^\p{Ll}\p{L}*/u.exec(line);
  if (head && tail && attested(head[1]! + tail[0])) return paragraph.slice(0, -1) + line;
  if (/[\p{L}\p{N}][-\u2010]$/u.test(paragraph)) return paragraph + line;
  return `${paragraph} ${line}`;
}

interface Paragraph {
  text: string;
  size: number;
  lines: number;
}

function pageParagraphs(page: PdfPage, attested: Attested): Paragraph[] {
  const ordered = readingOrder(page);
  const steps: number[] = [];
  ordered.forEach(({ line, column }, i) => {
    const previous = ordered[i - 1];
    if (previous?.column === column && previous.line.y > line.y)
      steps.push(previous.line.y - line.y);
  });
  const spacing = lineSpacing(steps);
  const paragraphs: Paragraph[] = [];
  ordered.forEach(({ line, column }, i) => {
    const previous = ordered[i - 1];
    const current = paragraphs[paragraphs.length - 1];
    const indent = page.rtl
      ? (previous?.line.x1 ?? 0) - line.x1
      : line.x0 - (previous?.line.x0 ?? line.x0);
    const breaks =
      !previous ||
      !current ||
      Math.abs(line.size - previous.line.size) > previous.line.size * 0.15 ||
      (previous.column === column &&
        (previous.line.y - line.y > (spacing || line.size * 1.2) * 1.5 ||
          indent > line.size * 1.5)) ||
      (previous.column !== column && /[.!?:؟]["'”’)]?$/u.test(previous.line.text));
    if (breaks) paragraphs.push({ text: line.text, size: line.size, lines: 1 });
    else {
      current.text = joinLine(current.text, line.text, attested);
      current.lines += 1;
    }
  });
  return paragraphs;
}

/** Blocks of every page; larger type than the body's, in a short block, is a heading. */
export function pagesToDrafts(pages: readonly PdfPage[]): DraftBlock[] {
  const attested = vocabulary(pages);
  const perPage = pages.map((page) => ({
    page: page.number,
    paragraphs: pageParagraphs(page, attested),
  }));
  const weights = new Map<number, number>();
  for (const { paragraphs } of perPage)
    for (const p of paragraphs) {
      const size = Math.round(p.size * 2) / 2;
      weights.set(size, (weights.get(size) ?? 0) + p.text.length);
    }
  const body = [...weights].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  const isHeading = (p: Paragraph): boolean =>
    p.size > body * 1.15 && p.text.length <= 200 && p.lines <= 3;
  const headingSizes = [
    ...new Set(perPage.flatMap((p) => p.paragraphs.filter(isHeading).map((h) => h.size))),
  ].sort((a, b) => b - a);
  return perPage.flatMap(({ page, paragraphs }) =>
    paragraphs.map((p): DraftBlock => {
      if (!isHeading(p)) return { kind: 'paragraph', text: p.text, page };
      const level = Math.min(6, headingSizes.indexOf(p.size) + 1);
      return { kind: 'heading', text: p.text, level, page };
    }),
  );
}
