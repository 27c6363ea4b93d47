// Each document's language in what leaves the workbench and in what it holds: a pasted
// Persian or Chinese text is given its language by its script, the library's list carries
// it, and every export says it (Markdown in words, W3C as the source's language and
// textDirection, CSV in its own columns); names in a right-to-left script are isolated in
// the plain-text lines that mix them with English ones, and English lines are unchanged.
import { describe, expect, it } from 'vitest';
import { isolate, isolatedList } from '../../src/shared/bidi';
import { languageLabel } from '../../src/shared/language';
import { unwrap } from '../integration/helpers';
import { sampleWorkspaceEachTest } from './sample-workspace';

const FSI = '\u2068';
const PDI = '\u2069';
const PERSIAN = 'دادگاه استکهلم حمید نوری را به حبس ابد محکوم کرد. اژه‌ای در آن جلسه بود.';

const workspace = sampleWorkspaceEachTest();

async function persianWithHighlight(): Promise<string> {
  const pasted = unwrap(
    await workspace.wb.call('documents.paste', { title: 'حکم دادگاه', text: PERSIAN }),
  );
  if (!('documentId' in pasted)) throw new Error(`not pasted: ${pasted.kind}`);
  const document = { id: pasted.documentId };
  const entity = unwrap(
    await workspace.wb.call('entities.create', {
      name: 'اژه‌ای',
      type: 'person',
      aliases: ['Ejei 3'],
    }),
  );
  const start = PERSIAN.indexOf('اژه‌ای');
  unwrap(
    await workspace.wb.call('annotations.create', {
      documentId: document.id,
      start,
      end: start + 'اژه‌ای'.length,
      kind: 'evidence',
      entityIds: [entity.id],
    }),
  );
  return document.id;
}

describe('a document’s language', () => {
  it('is given by its script when pasted, and the library’s list carries it', async () => {
    const id = await persianWithHighlight();
    const item = unwrap(await workspace.wb.call('documents.list', {})).find((d) => d.id === id);
    expect(item).toMatchObject({ language: 'fa', direction: 'rtl' });
    const sample = unwrap(await workspace.wb.call('documents.list', {})).find((d) => d.id !== id);
    expect(sample?.language).toBeUndefined();
  });

  it('is said by every export, with right-to-left names isolated among English words', async () => {
    await persianWithHighlight();
    const md = unwrap(await workspace.wb.call('export.create', { format: 'markdown' })).content;
    expect(md).toContain('Language: Persian (fa), right to left.');
    expect(md).toContain(`Entities: ${FSI}اژه‌ای${PDI}`);
    expect(md).toContain(`#### ${FSI}اژه‌ای${PDI}\n`);
    // The sample, in English, is written as it always was.
    expect(md).toContain(
      '### Why Iran’s regime is terrified of growing focus on its human rights record\n',
    );
    const w3c = JSON.parse(
      unwrap(await workspace.wb.call('export.create', { format: 'w3c' })).content,
    ) as {
      first: { items: { target: { source: { language?: string; textDirection?: string } } }[] };
    };
    expect(w3c.first.items.map((i) => i.target.source)).toContainEqual(
      expect.objectContaining({ language: 'fa', textDirection: 'rtl' }),
    );
    const csv = unwrap(await workspace.wb.call('export.create', { format: 'csv' })).content;
    const [header, ...rows] = csv.split('\r\n');
    expect(header!.endsWith(',language,direction')).toBe(true);
    expect(rows.filter((r) => r.endsWith(',fa,rtl'))).toHaveLength(1);
  });
});

describe('isolates', () => {
  it('wrap only text with right-to-left letters', () => {
    expect(isolate('Mohseni-Ejei')).toBe('Mohseni-Ejei');
    expect(isolate('اژه‌ای')).toBe(`${FSI}اژه‌ای${PDI}`);
    expect(isolatedList(['Mohseni-Ejei', '3 اژه‌ای', 'Evin'])).toBe(
      `Mohseni-Ejei; ${FSI}3 اژه‌ای${PDI}; Evin`,
    );
  });

  it('name a language as exports state it', () => {
    expect(languageLabel('fr_CA')).toBe('Canadian French (fr-CA)');
    expect(languageLabel('fa', 'rtl')).toBe('Persian (fa), right to left');
    expect(languageLabel('x-nonsense')).toBeUndefined();
    expect(languageLabel(undefined)).toBeUndefined();
  });
});
