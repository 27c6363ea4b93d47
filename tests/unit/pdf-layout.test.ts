// The pure steps of PDF import, case by case: line-end hyphens (mended only inside a
// word), PDF dates, and which margin lines count as running heads or page numbers.
import { describe, expect, it } from 'vitest';
import { dropRunningLines, type PdfLine, type PdfPage } from '../../src/core/importers/pdf-lines';
import { joinLine } from '../../src/core/importers/pdf-paragraphs';
import { pdfDate } from '../../src/core/importers/pdf';

describe('joinLine', () => {
  // "documented" occurs elsewhere in the document; "Ciscoprovided" and "selftest" do not.
  const attested = (word: string): boolean => ['documented', 'interrogation'].includes(word);
  it.each([
    ['docu-', 'mented in writing', 'documented in writing'],
    ['the Cisco-', 'provided firmware', 'the Cisco-provided firmware'],
    ['its self-', 'test runs', 'its self-test runs'],
    ['the Franco-', 'German border', 'the Franco-German border'],
    ['in 2019-', '2023', 'in 2019-2023'],
    ['a pause -', 'then more', 'a pause - then more'],
    ['inter\u00AD', 'rogation', 'interrogation'],
    ['held for', 'months', 'held for months'],
    ['', 'first line', 'first line'],
  ])('%j + %j gives %j', (paragraph, line, joined) => {
    expect(joinLine(paragraph, line, attested)).toBe(joined);
  });

  it('keeps a hyphen at a line end when the joined word is found nowhere else', () => {
    expect(joinLine('were docu-', 'mented')).toBe('were docu-mented');
  });
});

describe('pdfDate', () => {
  it.each([
    ["D:20240305142000+01'00'", '2024-03-05T14:20:00+01:00'],
    ['D:20240305142000Z', '2024-03-05T14:20:00Z'],
    ['D:20240305', '2024-03-05'],
    ['not a date', undefined],
    [undefined, undefined],
  ])('%j is %j', (value, iso) => expect(pdfDate(value)).toBe(iso));
});

const line = (text: string, y: number): PdfLine => ({ text, x0: 72, x1: 300, y, size: 10 });
const page = (number: number, lines: PdfLine[]): PdfPage => ({
  number,
  width: 595,
  height: 842,
  rtl: false,
  lines,
});

describe('dropRunningLines', () => {
  it('drops margin lines repeated on half the pages and bare page numbers, nothing else', () => {
    const pages = [1, 2, 3, 4].map((n) =>
      page(n, [
        line(`Country report ${n === 4 ? '' : '2024'}`.trim(), 800),
        line(`Body text of page ${n}.`, 500),
        line('Repeated in the body', 400),
        line(n === 2 ? '۲' : `- ${n} -`, 40),
      ]),
    );
    // The title in the margin of page 1 only is kept: it is not repeated. A year on a line
    // of its own in the body looks like a page number, but is not in the margin.
    pages[0]!.lines.unshift(line('A heading in the top margin', 780));
    pages[2]!.lines.push(line('1988', 300));
    const kept = dropRunningLines(pages).map((p) => p.lines.map((l) => l.text));
    expect(kept).toEqual([
      ['A heading in the top margin', 'Body text of page 1.', 'Repeated in the body'],
      ['Body text of page 2.', 'Repeated in the body'],
      ['Body text of page 3.', 'Repeated in the body', '1988'],
      ['Country report', 'Body text of page 4.', 'Repeated in the body'],
    ]);
  });

  it('keeps a single page whole but for its page number', () => {
    const kept = dropRunningLines([page(1, [line('Title line', 800), line('12', 40)])]);
    expect(kept[0]!.lines.map((l) => l.text)).toEqual(['Title line']);
  });
});
