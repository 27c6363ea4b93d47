// Page citations in the exports: highlights in an imported PDF are cited "p. N, ¶ M" (the
// paragraph counted on its page) in Markdown, with page and paragraph columns in CSV, and
// with a FragmentSelector "page=N" refined by the quote in the W3C export.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import type { ExportFormat } from '../../src/shared/api';
import type { Document } from '../../src/shared/model';
import { reportPdf } from '../fixtures/node/pdf';
import { reopen, tempDir, unwrap } from './helpers';

let cleanup: () => Promise<void>;
let wb: Workbench;
let doc: Document;
beforeEach(async () => {
  let dir: string;
  ({ dir, cleanup } = await tempDir());
  wb = await reopen(dir);
  const dataBase64 = Buffer.from(await reportPdf()).toString('base64');
  const outcome = unwrap(await wb.call('documents.import', { fileName: 'report.pdf', dataBase64 }));
  if (outcome.kind !== 'document') throw new Error('expected a document');
  doc = unwrap(await wb.call('documents.get', { id: outcome.documentId })).document;
});
afterEach(() => cleanup());

async function highlight(from: string, to = from): Promise<string> {
  const start = doc.text.indexOf(from);
  const end = doc.text.indexOf(to) + to.length;
  expect(start).toBeGreaterThanOrEqual(0);
  return unwrap(await wb.call('annotations.create', { documentId: doc.id, start, end })).id;
}

const exported = async (format: ExportFormat): Promise<string> =>
  unwrap(await wb.call('export.create', { format })).content;

describe('a highlight on one page', () => {
  it('is cited by page and paragraph on that page in Markdown', async () => {
    await highlight('documented in writing');
    await highlight('the visiting rules');
    const markdown = await exported('markdown');
    // Cited as a reader counts (no date: a PDF's own dates are the file's, not the work's):
    // page 1's title is not a paragraph, so the first body paragraph is ¶ 1; on page 2 the
    // right column's paragraph is its second.
    expect(markdown).toContain(
      '> documented in writing\n\n(Rights Monitor Research Unit n.d., 1, ¶ 1). ',
    );
    expect(markdown).toMatch(/> the visiting rules\n\n\(.* n\.d\., 2, ¶ 2\)\. /);
  });

  it('has its page and paragraph in the CSV', async () => {
    const id = await highlight('the visiting rules');
    const rows = (await exported('csv')).replace(/^\uFEFF/, '').split('\r\n');
    const cells = (line: string): string[] =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!).slice(0, -1);
    const header = cells(rows[0]!);
    const row = cells(rows.find((r) => r.startsWith(id))!);
    expect(row[header.indexOf('page')]).toBe('2');
    expect(row[header.indexOf('paragraph')]).toBe('2');
  });

  it('has a page=N FragmentSelector refined by its quote in the W3C export', async () => {
    await highlight('the visiting rules');
    const collection = JSON.parse(await exported('w3c')) as {
      first: { items: { target: { selector: Record<string, unknown>[] } }[] };
    };
    const selectors = collection.first.items[0]!.target.selector;
    expect(selectors.find((s) => s.type === 'FragmentSelector')).toEqual({
      type: 'FragmentSelector',
      conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
      value: 'page=2',
      refinedBy: expect.objectContaining({
        type: 'TextQuoteSelector',
        exact: 'the visiting rules',
      }) as unknown,
    });
  });
});

describe('a highlight across a page break', () => {
  it('is cited from the page it starts on, and gets no single-page selector', async () => {
    await highlight('of the women', 'The authorities did not answer');
    expect(await exported('markdown')).toMatch(/\(.* n\.d\., 2, ¶ 2\)\. /);
    const w3c = JSON.parse(await exported('w3c')) as {
      first: { items: { target: { selector: { type: string }[] } }[] };
    };
    expect(w3c.first.items[0]!.target.selector.map((s) => s.type)).toEqual([
      'TextQuoteSelector',
      'TextPositionSelector',
    ]);
  });
});
