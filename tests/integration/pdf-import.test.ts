// PDF import through the workbench API, on PDFs the tests generate
// (tests/fixtures/node/pdf.ts): reading order across two columns, running heads and page numbers left out, hyphens at
// line ends mended, a Persian page read right to left, the info dictionary, every block's
// page, and a scan refused with its reason and nothing stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import type { Document } from '../../src/shared/model';
import { imageOnlyPdf, persianPdf, reportPdf } from '../fixtures/node/pdf';
import { importBytes, importedDocument, reopen, tempDir, unwrap } from './helpers';

let cleanup: () => Promise<void>;
let wb: Workbench;
beforeEach(async () => {
  let dir: string;
  ({ dir, cleanup } = await tempDir());
  wb = await reopen(dir);
});
afterEach(() => cleanup());

const importPdf = (fileName: string, bytes: Uint8Array) => importBytes(wb, fileName, bytes);
const imported = (fileName: string, bytes: Uint8Array): Promise<Document> =>
  importedDocument(wb, fileName, bytes);

const blockTexts = (doc: Document) =>
  doc.blocks.map((b) => ({ kind: b.kind, page: b.page, text: doc.text.slice(b.start, b.end) }));

describe('a multi-page report', () => {
  it('reads every page in order, as paragraphs that know their page', async () => {
    const doc = await imported('report.pdf', await reportPdf());
    expect(doc.format).toBe('pdf');
    expect(blockTexts(doc)).toEqual([
      { kind: 'heading', page: 1, text: 'Detention Without Trial' },
      {
        kind: 'paragraph',
        page: 1,
        text:
          'Researchers interviewed forty former detainees held at Evin prison between 2019 ' +
          'and 2023. Their accounts were documented in writing and checked against court records.',
      },
      {
        kind: 'paragraph',
        page: 1,
        text:
          'Several detainees said they were held for months without seeing a lawyer or a ' +
          'judge, and that their families were not told where they were.',
      },
      {
        kind: 'paragraph',
        page: 2,
        text: 'The left column opens the second page and describes the interrogation wing.',
      },
      {
        kind: 'paragraph',
        page: 2,
        text: 'The right column follows with the visiting rules of the women’s ward.',
      },
      {
        kind: 'paragraph',
        page: 3,
        text: 'The authorities did not answer the questions sent to them before publication.',
      },
      { kind: 'paragraph', page: 3, text: 'Every account was documented by two researchers.' },
    ]);
  });

  it('leaves out the running head and the page numbers', async () => {
    const doc = await imported('report.pdf', await reportPdf());
    expect(doc.text).not.toContain('Annual Report on Detention');
    expect(doc.text).not.toMatch(/Page \d of 3/);
  });

  it('takes title and author from the info dictionary, and its dates as the file’s', async () => {
    const doc = await imported('report.pdf', await reportPdf());
    expect(doc.title).toBe('Detention Without Trial');
    // The creation date is when the file was made, not when the report was published.
    expect(doc.source).toEqual({
      accessedDate: expect.any(String) as unknown,
      fileName: 'report.pdf',
      author: 'Rights Monitor Research Unit',
      fileCreated: '2024-03-05T14:20:00Z',
      fileModified: expect.any(String) as unknown,
    });
  });
});

describe('a Persian page', () => {
  it('is read right to left, in logical order, with its heading', async () => {
    const doc = await imported('evin.pdf', await persianPdf());
    expect(doc.source.direction).toBe('rtl');
    expect(blockTexts(doc)).toEqual([
      { kind: 'heading', page: 1, text: 'گزارش درباره زندان اوین' },
      {
        kind: 'paragraph',
        page: 1,
        text: 'زندانیان سیاسی در بند زنان بدون دسترسی به وکیل نگهداری شدند.',
      },
      { kind: 'paragraph', page: 1, text: 'خانواده ها از محل نگهداری آنان خبر نداشتند.' },
    ]);
    expect(doc.title).toBe('گزارش درباره زندان اوین');
  });
});

describe('unreadable PDFs', () => {
  it('refuses a scan without a text layer, says why, and stores nothing', async () => {
    const result = await importPdf('scan.pdf', await imageOnlyPdf());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toBe(
      'scan.pdf could not be imported: it has no text layer (it looks like a scanned image; ' +
        'text recognition is not supported).',
    );
    expect(unwrap(await wb.call('documents.list', {}))).toEqual([]);
  });

  it('refuses a damaged PDF', async () => {
    const bytes = await reportPdf();
    const result = await importPdf('cut.pdf', bytes.subarray(0, 400));
    expect(!result.ok && result.error.message).toMatch(/cut\.pdf could not be imported: it is/);
    expect(unwrap(await wb.call('documents.list', {}))).toEqual([]);
  });
});
