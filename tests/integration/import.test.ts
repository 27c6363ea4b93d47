// Importers on fixtures written for them: a hostile saved page (none of its scripts,
// handlers, frames, forms, styles or remote resources may survive), Markdown structure,
// a page in a legacy Persian encoding, and every way a file can be unreadable.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import { DocumentRecordFile } from '../../src/shared/model';
import { reopen, settle, tempDir, unwrap } from './helpers';

const FIXTURES = join(import.meta.dirname, '../fixtures/import');
let dir: string;
let cleanup: () => Promise<void>;
let wb: Workbench;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  wb = await reopen(dir);
});
afterEach(() => cleanup());

async function importFile(name: string, bytes?: Uint8Array) {
  const data = bytes ?? (await readFile(join(FIXTURES, name)));
  return wb.call('documents.import', {
    fileName: name,
    dataBase64: Buffer.from(data).toString('base64'),
  });
}

async function imported(name: string) {
  const outcome = unwrap(await importFile(name));
  if (outcome.kind !== 'document') throw new Error('expected a document');
  return unwrap(await wb.call('documents.get', { id: outcome.documentId })).document;
}

describe('HTML', () => {
  it('keeps the article, its structure and metadata, and nothing hostile', async () => {
    const doc = await imported('hostile-article.html');
    expect(doc.title).toBe('Court hears testimony on Gohardasht prison');
    expect(doc.format).toBe('html');
    expect(doc.source).toMatchObject({
      author: expect.stringContaining('Leila Ahmadi') as unknown,
      publisher: 'Rights Monitor',
      publishedDate: '2022-03-14T09:30:00Z',
      url: 'https://rights-monitor.example/2022/03/gohardasht-testimony',
      language: 'en',
      direction: 'ltr',
      fileName: 'hostile-article.html',
    });
    expect(doc.text).toContain('guards at Gohardasht prison read out names');
    expect(doc.text).toContain('“They took them in groups of ten,” she said.');
    const kinds = doc.blocks.map((b) => b.kind);
    expect(kinds).toContain('heading');
    expect(kinds).toContain('quote');
    expect(kinds.filter((k) => k === 'list-item')).toHaveLength(2);
    const marked = (kind: string) =>
      doc.marks.filter((m) => m.kind === kind).map((m) => doc.text.slice(m.start, m.end));
    expect(marked('strong')).toEqual(
      expect.arrayContaining(['Stockholm District Court', 'destroyed']),
    );
    expect(marked('emphasis')).toEqual(['death commission']);
    expect(doc.marks.filter((m) => m.kind === 'link').map((m) => m.href)).toEqual([
      'https://en.wikipedia.org/wiki/Hamid_Nouri',
    ]);

    await settle(dir);
    const stored = await readFile(join(dir, 'documents', `${doc.id}.json`), 'utf8');
    for (const hostile of [
      '__pwned',
      '<script',
      'onerror',
      'onload',
      'javascript:',
      'data:text',
      'iframe',
      'evil.example',
      'Subscribe',
      'refresh',
      '<svg',
      '<style',
      'tracker',
    ]) {
      expect(stored, hostile).not.toContain(hostile);
    }
    expect(doc.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('reads a page in a declared legacy encoding, with its language and direction', async () => {
    const doc = await imported('persian-report.html');
    expect(doc.text).toContain('گزارش كميسيون درباره زندان اوين منتشر شد.');
    expect(doc.source).toMatchObject({ language: 'fa', direction: 'rtl' });
  });
});

describe('Markdown', () => {
  it('keeps headings, lists, quotes, emphasis and safe links as blocks and marks', async () => {
    const doc = await imported('briefing.md');
    expect(doc.title).toBe('Briefing: the 1988 massacre');
    expect(doc.blocks.map((b) => b.kind)).toEqual([
      'heading',
      'paragraph',
      'heading',
      'list-item',
      'list-item',
      'list-item',
      'quote',
      'paragraph',
    ]);
    const text = (i: number) => doc.text.slice(doc.blocks[i]!.start, doc.blocks[i]!.end);
    expect(text(6)).toBe(
      '“We still do not know where my brother is buried.”\n— a mother in Tehran',
    );
    expect(text(5)).toBe('Families were never told where the dead were buried.');
    const links = doc.marks.filter((m) => m.kind === 'link');
    expect(links.map((m) => [doc.text.slice(m.start, m.end), m.href])).toEqual([
      [
        'Amnesty’s report'.replace('’', "'"),
        'https://www.amnesty.org/en/documents/mde13/9421/2018/en/',
      ],
    ]);
    expect(
      doc.marks.filter((m) => m.kind === 'strong').map((m) => doc.text.slice(m.start, m.end)),
    ).toEqual(['UN Special Rapporteur', 'Evin']);
    expect(doc.text).not.toContain('<script');
  });
});

describe('plain text', () => {
  it('keeps paragraphs whatever the newline style', async () => {
    for (const [name, sep] of [
      ['unix.txt', '\n'],
      ['windows.txt', '\r\n'],
      ['mac.txt', '\r'],
    ] as const) {
      // A title of its own each: the same title would be offered as a newer version.
      const body = [`Title ${name}`, '', 'First paragraph.', '', 'Second paragraph.'].join(sep);
      const outcome = unwrap(await importFile(name, new TextEncoder().encode(body)));
      const doc = unwrap(
        await wb.call('documents.get', {
          id: outcome.kind === 'document' ? outcome.documentId : '',
        }),
      ).document;
      expect(doc.text).toBe(`Title ${name}\n\nFirst paragraph.\n\nSecond paragraph.`);
      expect(doc.blocks).toHaveLength(3);
    }
  });
});

describe('unreadable files', () => {
  const cases: [string, Uint8Array, RegExp][] = [
    ['empty.txt', new Uint8Array(), /empty\.txt could not be imported: it is empty/],
    ['blank.txt', new TextEncoder().encode('  \n\n \t'), /no readable text/],
    ['photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), /binary file/],
    [
      'latin1.txt',
      new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]),
      /not UTF-8 and declares no other character set/,
    ],
    ['huge.txt', new Uint8Array(21 * 1024 * 1024).fill(0x61), /larger than 20 MB|too large/],
    ['scan.pdf', new TextEncoder().encode('%PDF-1.7'), /not a readable PDF/],
    ['notes.docx', new TextEncoder().encode('PK not a zip'), /not a readable Word document/],
    ['slides.pptx', new TextEncoder().encode('PK'), /"\.pptx" are not supported/],
    [
      'nav.html',
      new TextEncoder().encode('<html><body><script>x()</script></body></html>'),
      /no readable text/,
    ],
    [
      'backup.json',
      new TextEncoder().encode('{"format": "something else"}'),
      /not a Research Workbench backup/,
    ],
    ['broken.json', new TextEncoder().encode('{"format": '), /not valid JSON/],
  ];
  it.each(cases)(
    '%s is refused with the reason, and nothing is stored',
    async (name, bytes, reason) => {
      const result = await importFile(name, bytes);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.message).toMatch(reason);
      expect(unwrap(await wb.call('documents.list', {}))).toEqual([]);
    },
  );

  it('rejects a file name that is a path', async () => {
    const result = await wb.dispatch('documents.import', {
      fileName: '../../etc/passwd',
      dataBase64: 'YQ==',
    });
    expect(result.ok).toBe(false);
  });
});

describe('pasted text', () => {
  it('becomes a document titled as given', async () => {
    const outcome = unwrap(
      await wb.call('documents.paste', {
        title: 'Notes from the hearing',
        text: 'Para one.\n\nPara two.',
      }),
    );
    const doc = unwrap(
      await wb.call('documents.get', { id: outcome.kind === 'document' ? outcome.documentId : '' }),
    ).document;
    expect(doc.title).toBe('Notes from the hearing');
    expect(doc.blocks).toHaveLength(2);
    await settle(dir);
    const file = DocumentRecordFile.parse(
      JSON.parse(await readFile(join(dir, 'documents', `${doc.id}.json`), 'utf8')),
    );
    expect(file.document.text).toBe('Para one.\n\nPara two.');
  });
});
