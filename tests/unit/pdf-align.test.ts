// Mapping a PDF page's text-layer runs to the canonical text, on real pdf.js output for
// the test PDFs: every character of the page's text is found in exactly one run, running
// heads and page numbers in none, a mended line-end hyphen maps to nothing while a kept
// one maps to itself, two columns drawn row by row map to their own paragraphs, and a
// passage of the text maps back to the parts of the runs that show it, and the other way.
import { describe, expect, it } from 'vitest';
import { importPdf } from '../../src/core/importers/pdf';
import { alignPage, offsetAt, runRanges } from '../../src/shared/pdf-align';
import { manualPdf } from '../fixtures/node/evidence-pdf';
import { reportPdf } from '../fixtures/node/pdf';

async function runsOf(bytes: Uint8Array): Promise<string[][]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const pages: string[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.flatMap((item) => ('str' in item ? [item.str] : [])));
  }
  await pdf.destroy();
  return pages;
}

async function aligned(bytes: Uint8Array, page: number) {
  const doc = await importPdf(bytes, 'test.pdf');
  const runs = (await runsOf(bytes))[page - 1]!;
  const ranges = doc.blocks.filter((b) => b.page === page);
  return { doc, runs, ranges, alignment: alignPage(doc.text, ranges, runs) };
}

describe('alignPage', () => {
  it('finds every character of the page’s text in one run, and the running lines in none', async () => {
    const { doc, runs, ranges, alignment } = await aligned(await reportPdf(), 1);
    const mapped = alignment.flatMap((offsets) => [...offsets].filter((o) => o >= 0));
    const expected = ranges.flatMap((b) =>
      [...doc.text.slice(b.start, b.end)].flatMap((c, i) => (/\s/.test(c) ? [] : [b.start + i])),
    );
    expect(mapped.sort((a, b) => a - b)).toEqual(expected);
    const head = runs.findIndex((r) => r.includes('Annual Report on Detention'));
    expect([...alignment[head]!].every((o) => o === -1)).toBe(true);
  });

  it('maps a mended hyphen to nothing and a kept one to itself', async () => {
    const { doc, runs, alignment } = await aligned(await manualPdf(), 1);
    const docu = runs.findIndex((r) => r.endsWith('docu-'));
    expect(alignment[docu]!.at(-1)).toBe(-1);
    const cisco = runs.findIndex((r) => r.endsWith('Cisco-'));
    expect(doc.text[alignment[cisco]!.at(-1)!]).toBe('-');
  });

  it('maps two columns drawn row by row to their own paragraphs', async () => {
    const { doc, runs, alignment } = await aligned(await reportPdf(), 2);
    const right = runs.findIndex((r) => r.startsWith('with the visiting rules'));
    const start = alignment[right]!.find((o) => o >= 0)!;
    expect(doc.text.slice(start, start + 23)).toBe('with the visiting rules');
  });
});

describe('runRanges and offsetAt', () => {
  it('find the parts of runs that show a passage, across a mended line end, and back', async () => {
    const { doc, runs, alignment } = await aligned(await manualPdf(), 1);
    const start = doc.text.indexOf('is documented in');
    const end = start + 'is documented in'.length;
    const parts = runRanges(alignment, start, end);
    expect(parts.map((p) => runs[p.run]!.slice(p.from, p.to))).toEqual(['is docu', 'mented in']);
    const first = parts[0]!;
    const last = parts.at(-1)!;
    expect(offsetAt(alignment, first.run, first.from, 'forward')).toBe(start);
    expect(offsetAt(alignment, last.run, last.to, 'backward')).toBe(end);
  });
});
