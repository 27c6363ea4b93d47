// Faithful imports, on fixtures built by the tests: a web page keeps its table (rows,
// header cells, a cell's emphasis), its embedded image with alt text and caption, its
// footnote with a working reference and no dead back-link, its language and an isolated
// right-to-left name; and the report counts what was kept and what was left out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import { describeReport } from '../../src/shared/import-report';
import type { Block, Document } from '../../src/shared/model';
import { sha256Hex } from '../../src/core/originals/kept-files';
import { DOCX_IMAGE, witnessReportDocx } from '../fixtures/node/evidence-docx';
import { detentionPage, png } from '../fixtures/node/evidence-html';
import { importAs } from './evidence-helpers';
import { reopen, tempDir, unwrap } from './helpers';

let cleanup: () => Promise<void>;
let wb: Workbench;
beforeEach(async () => {
  let dir: string;
  ({ dir, cleanup } = await tempDir());
  wb = await reopen(dir);
});
afterEach(() => cleanup());

const textOf = (doc: Document, r: { start: number; end: number }): string =>
  doc.text.slice(r.start, r.end);
const cellTexts = (doc: Document, table: Block): string[][] =>
  table.rows!.map((row) => row.cells.map((c) => textOf(doc, c)));

describe('a saved web page', () => {
  it('keeps its table as rows and cells, with the header row and a cell’s emphasis', async () => {
    const { document: doc } = await importAs(
      wb,
      'detention.html',
      new TextEncoder().encode(detentionPage()),
    );
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(1);
    const table = tables[0]!;
    expect(cellTexts(doc, table)).toEqual([
      ['Prison', 'Detainees', 'Transfers'],
      ['Evin', '1,200', '40'],
      ['Gohardasht', '850', ''],
    ]);
    expect(table.rows![0]!.cells.every((c) => c.header)).toBe(true);
    expect(table.rows![1]!.cells.some((c) => c.header)).toBe(false);
    const emphasis = doc.marks.find((m) => m.kind === 'emphasis');
    expect(emphasis && textOf(doc, emphasis)).toBe('40');
    // The caption reads before the table, as a paragraph of its own.
    const at = doc.blocks.indexOf(table);
    expect(textOf(doc, doc.blocks[at - 1]!)).toBe('Detainees by prison');
  });

  it('keeps its embedded image with alt text and caption, and nothing linked from elsewhere', async () => {
    const image = png(0x40);
    const { document: doc } = await importAs(
      wb,
      'detention.html',
      new TextEncoder().encode(detentionPage(image)),
    );
    const figures = doc.blocks.filter((b) => b.kind === 'figure');
    expect(figures).toHaveLength(1);
    expect(figures[0]!.image).toEqual({
      sha256: sha256Hex(image),
      mediaType: 'image/png',
      alt: 'Aerial photograph of the prison walls',
    });
    expect(textOf(doc, figures[0]!)).toBe('Evin prison from the north, March 2024.');
    expect(doc.text).not.toContain('remote photo');
  });

  it('gathers its footnote into a notes section with a working reference and no dead back-link', async () => {
    const { document: doc } = await importAs(
      wb,
      'detention.html',
      new TextEncoder().encode(detentionPage()),
    );
    const note = doc.blocks.at(-1)!;
    expect(note).toMatchObject({ kind: 'note', note: 'n1' });
    expect(textOf(doc, note)).toBe('Figures collected by the monitoring group in March 2024.');
    const ref = doc.marks.find((m) => m.kind === 'note-ref');
    expect(ref).toMatchObject({ note: 'n1' });
    expect(textOf(doc, ref!)).toBe('[1]');
    expect(doc.text).not.toContain('↑');
  });

  it('carries its language and direction, and isolates a run in the other direction', async () => {
    const { document: doc } = await importAs(
      wb,
      'detention.html',
      new TextEncoder().encode(detentionPage()),
    );
    expect(doc.source).toMatchObject({ language: 'en', direction: 'ltr' });
    const isolate = doc.marks.find((m) => m.kind === 'isolate');
    expect(isolate && textOf(doc, isolate)).toBe('زندان اوین');
  });

  it('reports what it kept and what it left out, by count', async () => {
    const { outcome } = await importAs(
      wb,
      'detention.html',
      new TextEncoder().encode(detentionPage()),
    );
    expect(outcome.report?.kept).toEqual(
      expect.arrayContaining([
        { count: 1, what: 'table' },
        { count: 1, what: 'image' },
        { count: 1, what: 'footnote' },
      ]),
    );
    expect(outcome.report?.dropped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ count: 1, what: 'embedded video' }),
        expect.objectContaining({ count: 1, what: 'image not in the file (linked, not embedded)' }),
      ]),
    );
    expect(describeReport(outcome.report)).toContain('not kept: 1 embedded video');
  });

  it('makes a table searchable by what is in its cells', async () => {
    await importAs(wb, 'detention.html', new TextEncoder().encode(detentionPage()));
    await wb.indexed;
    const found = unwrap(await wb.call('search.query', { query: 'Gohardasht', limit: 10 }));
    expect(found.hits.some((h) => h.kind === 'block')).toBe(true);
  });
});

describe('a Word report', () => {
  it('keeps its table as rows and cells, and its picture with its alt text', async () => {
    const { document: doc } = await importAs(wb, 'witnesses.docx', witnessReportDocx());
    const table = doc.blocks.find((b) => b.kind === 'table')!;
    expect(cellTexts(doc, table)).toEqual([
      ['Witness', 'Held from'],
      ['A.', 'March 2019'],
      ['B.', 'July 2020'],
    ]);
    expect(table.rows![0]!.cells.every((c) => c.header)).toBe(true);
    const figure = doc.blocks.find((b) => b.kind === 'figure')!;
    expect(figure.image).toMatchObject({
      sha256: sha256Hex(DOCX_IMAGE),
      alt: 'Sketch of the corridor drawn by witness A',
    });
  });

  it('makes each comment a highlight on the commented words, with its author and text', async () => {
    const { document: doc } = await importAs(wb, 'witnesses.docx', witnessReportDocx());
    const { annotations } = unwrap(await wb.call('documents.get', { id: doc.id }));
    expect(annotations.map((a) => a.target.quote.exact)).toEqual([
      'the interrogation rooms on the second floor',
      'released on bail',
    ]);
    expect(annotations[0]!.note).toContain('Comment by Sara Karimi on 2024-05-02T10:00:00Z');
    expect(annotations[0]!.note).toContain('Check against the floor plan.');
    expect(annotations[1]!.note).toContain('Comment by D. Rahimi & team');
    expect(annotations.every((a) => a.tags.includes('Word comment'))).toBe(true);
    // The markers that carried the comments' places are gone from the text.
    expect(doc.text).not.toMatch(/[\uE000-\uE003]/);
  });

  it('gathers footnotes and endnotes as notes, each with a working reference', async () => {
    const { document: doc } = await importAs(wb, 'witnesses.docx', witnessReportDocx());
    const notes = doc.blocks.filter((b) => b.kind === 'note');
    expect(notes.map((n) => [n.note, textOf(doc, n)])).toEqual([
      ['n1', 'Interviews held in Istanbul, April 2024.'],
      ['n2', 'Court record seen by the group.'],
    ]);
    const refs = doc.marks.filter((m) => m.kind === 'note-ref');
    expect(refs.map((r) => [r.note, textOf(doc, r)])).toEqual([
      ['n1', '[1]'],
      ['n2', '[2]'],
    ]);
    expect(doc.text).not.toContain('↑');
  });

  it('keeps the file’s own dates as such, its creator as plain text, and its language', async () => {
    const { document: doc } = await importAs(wb, 'witnesses.docx', witnessReportDocx());
    expect(doc.source).toMatchObject({
      author: 'Monitoring Group <field office>',
      fileCreated: '2024-04-30T09:00:00Z',
      fileModified: '2024-05-04T16:20:00Z',
      language: 'en-GB',
    });
    expect(doc.source.publishedDate).toBeUndefined();
  });

  it('reports the comments kept, and the equation and page header left out', async () => {
    const { outcome } = await importAs(wb, 'witnesses.docx', witnessReportDocx());
    expect(outcome.report?.kept).toEqual(
      expect.arrayContaining([
        { count: 1, what: 'table' },
        { count: 1, what: 'image' },
        { count: 2, what: 'footnote' },
        expect.objectContaining({ count: 2, what: 'comment (as a highlight with its note)' }),
      ]),
    );
    expect(outcome.report?.dropped).toEqual([
      { count: 1, what: 'equation' },
      { count: 1, what: 'page header' },
    ]);
    expect(describeReport(outcome.report)).toBe(
      'kept 2 footnotes, 1 image, 1 table, 2 comments (as highlights with their notes); not kept: 1 equation, 1 page header',
    );
  });

  it('imports a file without comments the same way, with no highlights', async () => {
    const { document: doc } = await importAs(
      wb,
      'plain.docx',
      witnessReportDocx({ comments: false }),
    );
    const { annotations } = unwrap(await wb.call('documents.get', { id: doc.id }));
    expect(annotations).toEqual([]);
    expect(doc.text).toContain('the interrogation rooms on the second floor.[1]');
  });
});

describe('a Markdown briefing', () => {
  it('keeps a table as rows and cells, and says its linked image was not kept', async () => {
    const md = [
      '# Transfers',
      '',
      '| Prison | Transfers |',
      '|---|---:|',
      '| Evin | **40** |',
      '| Qezel Hesar | 12 |',
      '',
      '![Map of the transfers](map.png)',
    ].join('\n');
    const { document: doc, outcome } = await importAs(
      wb,
      'transfers.md',
      new TextEncoder().encode(md),
    );
    const table = doc.blocks.find((b) => b.kind === 'table')!;
    expect(cellTexts(doc, table)).toEqual([
      ['Prison', 'Transfers'],
      ['Evin', '40'],
      ['Qezel Hesar', '12'],
    ]);
    const strong = doc.marks.find((m) => m.kind === 'strong');
    expect(strong && textOf(doc, strong)).toBe('40');
    expect(describeReport(outcome.report)).toBe(
      'kept 1 table; not kept: 1 image not in the file (its alt text is kept)',
    );
  });
});
