// Search over a real workspace: what is indexed, incremental updates on every change,
// filters, snippets, prefix matching, and text found the way researchers type it
// (accents, Arabic and Persian letter variants, ZWNJ, tatweel, harakat, digits).
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import { SearchIndex } from '../../src/core/search/search-index';
import { documentFromText } from '../fixtures/documents';
import { SearchInput } from '../../src/shared/methods/search';
import { closeWorkbench, openSample, reopen, tempDir, unwrap } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

async function search(wb: Workbench, query: string, extra: Record<string, unknown> = {}) {
  return unwrap(await wb.call('search.query', { query, ...extra }));
}
const snippetText = (parts: { text: string; match: boolean }[]): string =>
  parts.map((p) => (p.match ? `[${p.text}]` : p.text)).join('');

describe('search in a workspace', () => {
  it('says how far building the index has come, and that it is complete once searches answer', async () => {
    let wb = await openSample(dir);
    for (let i = 0; i < 60; i++)
      unwrap(
        await wb.call('documents.paste', { title: `Report ${i}`, text: `Finding ${i}. Evin.` }),
      );
    await closeWorkbench(dir);
    // The index saved at close would be taken over whole: without it, it is built anew.
    await rm(join(dir, '.cache', 'search'), { recursive: true });
    wb = await reopen(dir, {}, { checked: false });
    const early = unwrap(await wb.call('search.status', {}));
    expect(early.total).toBe(61);
    expect(early.indexed).toBeLessThan(61);
    expect(early.complete).toBe(false);
    await search(wb, 'Evin');
    expect(unwrap(await wb.call('search.status', {}))).toEqual({
      indexed: 61,
      total: 61,
      complete: true,
    });
  });

  it('finds blocks of the sample with marked snippets and offsets into the text', async () => {
    const wb = await openSample(dir);
    const { hits } = await search(wb, 'Noury trial');
    const block = hits.find((h) => h.kind === 'block')!;
    expect(snippetText(block.snippet)).toContain('[Noury]');
    const [doc] = unwrap(await wb.call('documents.list', {}));
    const { document } = unwrap(await wb.call('documents.get', { id: doc!.id }));
    expect(document.text.slice(block.start, block.end)).toMatch(/^(Noury|trial)/);
  });

  it('matches prefixes from the second character', async () => {
    const wb = await openSample(dir);
    const titles = (await search(wb, 'Sh')).hits.map((h) => snippetText(h.snippet));
    expect(titles.some((t) => t.includes('[Shamkhani]'))).toBe(true);
  });

  it('updates incrementally on create, update and delete, and filters by kind, entity, document and colour', async () => {
    const wb = await openSample(dir);
    const [doc] = unwrap(await wb.call('documents.list', {}));
    const { document } = unwrap(await wb.call('documents.get', { id: doc!.id }));
    const evin = unwrap(
      await wb.call('entities.create', {
        name: 'Évin prison',
        type: 'place',
        aliases: ['زندان اوین'],
      }),
    );
    const at = document.text.indexOf('Gohardasht and Evin prisons');
    const ann = unwrap(
      await wb.call('annotations.create', {
        documentId: doc!.id,
        start: at,
        end: at + 27,
        kind: 'evidence',
        entityIds: [evin.id],
      }),
    );
    expect((await search(wb, 'evin', { kinds: ['entity'] })).hits.map((h) => h.id)).toEqual([
      evin.id,
    ]);
    expect(
      (await search(wb, 'Gohardasht', { kinds: ['highlight'] })).hits.map((h) => h.id),
    ).toEqual([ann.id]);
    expect((await search(wb, 'Gohardasht', { entityId: evin.id })).hits.map((h) => h.kind)).toEqual(
      ['highlight'],
    );
    expect((await search(wb, 'Gohardasht', { annotationKind: 'claim' })).hits).toEqual([]);
    expect((await search(wb, 'Gohardasht', { documentId: 'doc_other' })).hits).toEqual([]);

    unwrap(
      await wb.call('annotations.update', {
        id: ann.id,
        patch: { note: 'Witness testimony from Stockholm' },
      }),
    );
    expect((await search(wb, 'stockholm')).hits.map((h) => h.id)).toEqual([ann.id]);
    unwrap(
      await wb.call('entities.update', {
        id: evin.id,
        patch: { description: 'Tehran detention centre' },
      }),
    );
    expect((await search(wb, 'detention')).hits.map((h) => h.id)).toEqual([evin.id]);

    unwrap(await wb.call('annotations.delete', { id: ann.id }));
    expect((await search(wb, 'stockholm')).hits).toEqual([]);
    unwrap(await wb.call('entities.delete', { id: evin.id, confirmUsage: 0 }));
    expect((await search(wb, 'detention')).hits).toEqual([]);

    // Reopening rebuilds the same index from disk.
    unwrap(await wb.call('entities.create', { name: 'Hamid Noury', type: 'person' }));
    const reopened = await openSample(dir);
    expect((await search(reopened, 'hamid', { kinds: ['entity'] })).hits).toHaveLength(1);
  });

  it('is usable while the index is built in the background, and misses no change made meanwhile', async () => {
    const wb = await openSample(dir);
    for (let i = 0; i < 60; i++)
      unwrap(
        await wb.call('documents.paste', {
          title: `Report ${i}`,
          text: `Witness ${i} saw the transfer to Ghezel Hesar.`,
        }),
      );
    const [doc] = unwrap(await wb.call('documents.list', {}));
    const ann = unwrap(
      await wb.call('annotations.create', {
        documentId: doc!.id,
        start: 0,
        end: 20,
        note: 'ephemeral',
      }),
    );

    const reopened = await openSample(dir);
    // Before the index is complete: delete one highlight and add a new one.
    unwrap(await reopened.call('annotations.delete', { id: ann.id }));
    unwrap(
      await reopened.call('annotations.create', {
        documentId: doc!.id,
        start: 30,
        end: 60,
        note: 'lasting',
      }),
    );
    await reopened.indexed;
    expect((await search(reopened, 'ephemeral')).hits).toEqual([]);
    expect((await search(reopened, 'lasting')).hits).toHaveLength(1);
    expect((await search(reopened, 'ghezel', { kinds: ['block'] })).total).toBe(60);
  });

  it('indexes a very long paragraph in steps, and a change to it made meanwhile wins', async () => {
    const wb = await reopen(join(dir, 'long'));
    // One paragraph of 600,000 characters: indexed over several turns of the thread.
    const words = (last: string) =>
      `${Array.from({ length: 40_000 }, (_, i) => `line ${i}`).join(' ')} ${last} testimony.`;
    const pasted = unwrap(await wb.call('documents.paste', { title: 'Long', text: words('Evin') }));
    if (pasted.kind !== 'document') throw new Error('expected a document');
    // Queued while the first version is still being indexed.
    unwrap(
      await wb.call('documents.editText', {
        id: pasted.documentId,
        revision: 1,
        text: words('Ghezel'),
      }),
    );
    await wb.indexed;
    expect((await search(wb, 'evin testimony', { kinds: ['block'] })).hits).toEqual([]);
    const [hit] = (await search(wb, 'ghezel testimony', { kinds: ['block'] })).hits;
    expect(hit?.documentId).toBe(pasted.documentId);
    expect((await search(wb, 'line', { kinds: ['block'] })).total).toBe(1);
  });

  it('reads ZWNJ, dotted abbreviations, digit groups and possessives through the API', async () => {
    const wb = await openSample(dir);
    const paste = async (title: string, text: string): Promise<string> => {
      const r = unwrap(await wb.call('documents.paste', { title, text }));
      if (r.kind !== 'document') throw new Error('expected a document');
      return r.documentId;
    };
    const persian = await paste(
      'Persian report',
      'زندانیان به اوین منتقل می‌شوند.\n\nدست‌کم ۵٬۰۰۰ نام در جزایر اژه‌ای ثبت شد.',
    );
    const english = await paste(
      'English report',
      'The U.S. Treasury froze 5,000 accounts.\n\nNouri’s trial opened; sessions started.',
    );
    const found = async (query: string): Promise<string[]> =>
      (await search(wb, query, { kinds: ['block'] })).hits
        .filter((h) => h.documentId === persian || h.documentId === english)
        .map((h) => `${h.documentId === persian ? 'fa' : 'en'}:${h.id.split(':')[1]}`)
        .sort();
    expect(await found('می شوند')).toEqual(['fa:0']);
    expect(await found('میشوند')).toEqual(['fa:0']);
    expect(await found('دست کم')).toEqual(['fa:1']);
    expect(await found('اژه ای')).toEqual(['fa:1']);
    expect(await found('US')).toEqual(['en:0']);
    expect(await found('5000')).toEqual(['en:0', 'fa:1']);
    expect(await found('5,000')).toEqual(['en:0', 'fa:1']);
    expect(await found("Nouri's")).toEqual(['en:1']);
    const hit = (await search(wb, "Nouri's", { documentId: english })).hits[0]!;
    expect(snippetText(hit.snippet)).toBe('[Nouri]’s trial opened; sessions started.');
    const us = (await search(wb, 'US', { documentId: english, kinds: ['block'] })).hits[0]!;
    expect(snippetText(us.snippet)).toContain('The [U.S.] Treasury froze 5,000');
    const { document } = unwrap(await wb.call('documents.get', { id: english }));
    expect(document.text.slice(us.start, us.end)).toBe('U.S.');
  });

  it('rejects an empty query with a reason', async () => {
    const wb = await openSample(dir);
    const result = await wb.dispatch('search.query', { query: '   ' });
    expect(result.ok).toBe(false);
  });
});

describe('folding: found the way a researcher types', () => {
  const paragraphs = [
    'Amnesty visited Évin prison and the Ghezel Hesar facility in Karaj.',
    'گزارش کمیسیون حقیقت‌یاب درباره زندان اوین و قتل‌عام سال ۱۳۶۷ منتشر شد.',
    'قال المتحدث إن المحكمة العليا أصدرت حكماً بحق المعتقلين في سجن كرج.',
    'The fatwa (فتوى) by Khomeini was cited in the UN report on the 1988 killings.',
    'شهادة الشــاهدة عن مُحاكَمة حميد نوري في ستوكهولم.',
  ];
  const doc = documentFromText(paragraphs.join('\n\n'), 'doc_1', 'Reports');
  const index = new SearchIndex();
  index.putDocument(doc);
  const blockOf = async (query: string): Promise<number[]> =>
    (
      await index.search(SearchInput.parse({ query, kinds: ['block'] }), {
        titleOf: () => 'Reports',
        resolveLink: () => undefined,
        documents: () =>
          Promise.resolve(
            new Map([[doc.id, { schemaVersion: 3, document: doc, annotations: [] }]]),
          ),
      })
    ).hits.map((h) => Number(h.id.split(':')[1]));

  it.each([
    ['evin', [0], 'accents folded'],
    ['EVIN PRISON', [0], 'case folded'],
    ['ghezel', [0], 'Latin prefix'],
    ['حقیقتیاب', [1], 'ZWNJ ignored'],
    ['حقيقت', [1], 'Arabic yeh finds Persian yeh'],
    ['1367', [1], 'Persian digits as ASCII'],
    ['كرج', [2], 'Arabic kaf'],
    ['کرج', [2], 'Persian keheh finds Arabic kaf'],
    ['فتوی', [3], 'Persian yeh finds alef maksura in mixed-script text'],
    ['khomeini', [3], 'Latin word in mixed-script text'],
    ['الشاهدة', [4], 'tatweel ignored'],
    ['محاكمة', [4], 'harakat ignored'],
    ['نوری', [4], 'Persian spelling finds Arabic spelling'],
  ])('%s → block %j (%s)', async (query, expected) => {
    expect(await blockOf(query)).toEqual(expected);
  });
});
