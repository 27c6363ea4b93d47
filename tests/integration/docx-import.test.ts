// Word import through the workbench API, on .docx files the tests build
// (tests/fixtures/node/docx.ts): headings, list items, emphasis and links come through as
// blocks and marks, a javascript: link is stripped by the same sanitiser as a web page's,
// and a file that is not a Word document, or holds no text, is refused and nothing stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import type { Document } from '../../src/shared/model';
import { briefingDocx, docx } from '../fixtures/node/docx';
import { importBytes, importedDocument, reopen, tempDir, unwrap } from './helpers';

let cleanup: () => Promise<void>;
let wb: Workbench;
beforeEach(async () => {
  let dir: string;
  ({ dir, cleanup } = await tempDir());
  wb = await reopen(dir);
});
afterEach(() => cleanup());

const importDocx = (fileName: string, bytes: Uint8Array) => importBytes(wb, fileName, bytes);
const imported = (fileName: string, bytes: Uint8Array): Promise<Document> =>
  importedDocument(wb, fileName, bytes);

describe('a Word briefing', () => {
  it('keeps headings and list items as blocks', async () => {
    const doc = await imported('briefing.docx', briefingDocx());
    expect(doc.format).toBe('docx');
    expect(doc.title).toBe('Briefing on Evin prison');
    expect(doc.source).toMatchObject({ fileName: 'briefing.docx' });
    expect(doc.blocks.map((b) => [b.kind, b.level, doc.text.slice(b.start, b.end)])).toEqual([
      ['heading', 1, 'Briefing on Evin prison'],
      [
        'paragraph',
        undefined,
        'Detainees were held incommunicado for weeks, without charge. See the full report and this link.',
      ],
      ['heading', 2, 'Findings'],
      ['list-item', undefined, 'No access to a lawyer'],
      ['list-item', undefined, 'No family visits'],
      ['list-item', undefined, 'Interview the families'],
    ]);
  });

  it('keeps emphasis, strong and safe links as marks, and drops a javascript: link', async () => {
    const doc = await imported('briefing.docx', briefingDocx());
    const marks = doc.marks.map((m) => ({
      kind: m.kind,
      text: doc.text.slice(m.start, m.end),
      href: m.href,
    }));
    expect(marks).toEqual([
      { kind: 'emphasis', text: 'incommunicado', href: undefined },
      { kind: 'strong', text: 'without charge', href: undefined },
      { kind: 'link', text: 'the full report', href: 'https://example.org/report' },
    ]);
    expect(doc.text).toContain('and this link.');
  });
});

describe('unreadable Word files', () => {
  it.each([
    [
      'not-word.docx',
      new TextEncoder().encode('PK\u0003\u0004 not really'),
      /not a readable Word document/,
    ],
    ['empty.docx', docx('<w:p/>'), /contains no readable text/],
  ])('%s is refused with the reason, and nothing is stored', async (name, bytes, reason) => {
    const result = await importDocx(name, bytes);
    expect(!result.ok && result.error.message).toMatch(
      new RegExp(`^${name} could not be imported`),
    );
    expect(!result.ok && result.error.message).toMatch(reason);
    expect(unwrap(await wb.call('documents.list', {}))).toEqual([]);
  });
});
