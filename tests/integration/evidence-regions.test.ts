// Area highlights on a PDF's page: kept as page and box, placed where that page's text
// starts, never judged as a quote, kept through reopening and text edits, citable and
// exported as a PDF fragment (page and viewrect).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import type { Document } from '../../src/shared/model';
import { reportPdf } from '../fixtures/node/pdf';
import { importAs } from './evidence-helpers';
import { reopen, tempDir, unwrap } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
let wb: Workbench;
let doc: Document;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  wb = await reopen(dir);
  ({ document: doc } = await importAs(wb, 'report.pdf', await reportPdf()));
});
afterEach(() => cleanup());

const region = { page: 2, x: 72, y: 90, w: 220, h: 60 };

describe('an area highlight', () => {
  it('keeps its page and box, sits where the page’s text starts, and verifies', async () => {
    const a = unwrap(
      await wb.call('annotations.createRegion', {
        documentId: doc.id,
        region,
        note: 'The ward plan.',
      }),
    );
    const pageTwo = doc.blocks.find((b) => b.page === 2)!;
    expect(a.target.region).toEqual(region);
    expect(a.target.position).toMatchObject({ start: pageTwo.start, end: pageTwo.start });
    expect(a.target.quote.exact).toBe('');
    wb = await reopen(dir);
    expect(unwrap(await wb.call('workspace.info', {})).problems).toEqual([]);
    expect(unwrap(await wb.call('workspace.verify', {})).mismatches).toEqual([]);
  });

  it('stays anchored when the text is edited', async () => {
    const a = unwrap(await wb.call('annotations.createRegion', { documentId: doc.id, region }));
    const edited = unwrap(
      await wb.call('documents.editText', {
        id: doc.id,
        revision: 1,
        text: `Preface.\n\n${doc.text}`,
      }),
    );
    const after = edited.annotations.find((x) => x.id === a.id)!;
    expect(after.status).toBe('anchored');
    expect(after.anchoredRevision).toBe(2);
    expect(after.target.region).toEqual(region);
  });

  it('is refused on a document without pages', async () => {
    const { document: text } = await importAs(
      wb,
      'note.txt',
      new TextEncoder().encode('One paragraph.'),
    );
    const refused = await wb.call('annotations.createRegion', { documentId: text.id, region });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('is exported as a PDF fragment with its page and box, and no empty quote', async () => {
    unwrap(await wb.call('annotations.createRegion', { documentId: doc.id, region }));
    const jsonld = JSON.parse(
      unwrap(await wb.call('export.create', { format: 'w3c' })).content,
    ) as {
      first: { items: { target: { selector: { type: string; value?: string }[] } }[] };
    };
    const selectors = jsonld.first.items[0]!.target.selector;
    expect(selectors).toEqual([
      expect.objectContaining({ type: 'FragmentSelector', value: 'page=2&viewrect=72,90,220,60' }),
    ]);
  });
});
