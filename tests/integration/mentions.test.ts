// Find mentions on real English, Persian and Arabic sentences: each folding case is found
// as a whole word, mentions already highlighted are marked, and accepting them makes
// exactly the expected highlights in one undoable step.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import { openSample, tempDir, unwrap } from './helpers';
import { workspaceFiles } from './snapshot-files';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

async function paste(wb: Workbench, title: string, text: string): Promise<string> {
  const r = unwrap(await wb.call('documents.paste', { title, text }));
  if (r.kind !== 'document') throw new Error('expected a document');
  return r.documentId;
}

async function entity(wb: Workbench, name: string, aliases: string[] = []): Promise<string> {
  return unwrap(await wb.call('entities.create', { name, type: 'person', aliases })).id;
}

type Ref = { documentId: string; start: number; end: number };
const refs = (list: readonly Ref[]): Ref[] =>
  list.map(({ documentId, start, end }) => ({ documentId, start, end }));

const found = async (wb: Workbench, entityId: string) =>
  unwrap(await wb.call('mentions.find', { entityId }));

describe('find mentions', () => {
  it.each([
    ['case', 'Hamid Noury', 'The trial of HAMID NOURY opened in Stockholm.', 'HAMID NOURY'],
    ['accents', 'Evin', 'He was held in Évin for two years.', 'Évin'],
    ['U.S. written as US', 'US', 'Sanctioned by the U.S. and the EU.', 'U.S.'],
    ['US written as U.S.', 'U.S.', 'A resolution by the US House.', 'US'],
    ['U.N. written as UN', 'U.N.', 'The UN observers left Tehran.', 'UN'],
    [
      'digit groups',
      'Resolution 2231',
      'Under Resolution 2,231 the sanctions ended.',
      'Resolution 2,231',
    ],
    ['Persian digits with the Arabic separator', 'ماده 1000', 'طبق ماده ۱٬۰۰۰ قانون', 'ماده ۱٬۰۰۰'],
    ['typographic apostrophe', "Noury's trial", 'Noury’s trial became a window.', 'Noury’s trial'],
    [
      'Arabic yeh and kaf for Persian letters',
      'حمید نوری',
      'دادگاه حميد نوري در استکهلم',
      'حميد نوري',
    ],
    ['Arabic hamza and harakat', 'إبراهيم رئيسي', 'قال إبْراهيم رئيسي ذلك', 'إبْراهيم رئيسي'],
    ['Arabic without hamza', 'إبراهيم رئيسي', 'قال ابراهيم رئيسي ذلك', 'ابراهيم رئيسي'],
    [
      'ZWNJ written as a space',
      'هیئت حقیقت‌یاب',
      'گزارش هیئت حقیقت یاب منتشر شد',
      'هیئت حقیقت یاب',
    ],
    ['ZWNJ left out', 'هیئت حقیقت‌یاب', 'گزارش هیئت حقیقتیاب منتشر شد', 'هیئت حقیقتیاب'],
    ['ZWNJ kept', 'هیئت حقیقت یاب', 'گزارش هیئت حقیقت‌یاب منتشر شد', 'هیئت حقیقت‌یاب'],
  ])('finds %s', async (_case, name, sentence, exact) => {
    const wb = await openSample(dir);
    const docId = await paste(wb, 'Source', sentence);
    const id = await entity(wb, name);
    const scanned = (await found(wb, id)).filter((m) => m.documentId === docId);
    // Once indexed, the index narrows where to look: it must not lose a spelling.
    await wb.indexed;
    const mentions = (await found(wb, id)).filter((m) => m.documentId === docId);
    expect(mentions).toEqual(scanned);
    expect(mentions.map((m) => m.exact)).toEqual([exact]);
    expect(sentence.slice(mentions[0]!.start, mentions[0]!.end)).toBe(exact);
  });

  it('finds the same mentions once the search index narrows the scan, and follows changes', async () => {
    const wb = await openSample(dir);
    const id = await entity(wb, 'Hamid Noury', ['Noury']);
    const scanned = await found(wb, id);
    await wb.indexed;
    expect(await found(wb, id)).toEqual(scanned);
    expect(scanned.map((m) => m.exact)).toEqual(['Hamid Noury', 'Noury']);
    const docId = await paste(wb, 'Later', 'Noury again.\n\nAnd HAMID NOURY, too.');
    const later = (await found(wb, id)).filter((m) => m.documentId === docId);
    expect(later.map((m) => [m.exact, m.start])).toEqual([
      ['Noury', 0],
      ['HAMID NOURY', 18],
    ]);
  });

  it('matches whole words only', async () => {
    const wb = await openSample(dir);
    const docId = await paste(wb, 'Source', 'Evinson and Evin-like, but Evin itself.');
    const id = await entity(wb, 'Evin');
    const mentions = (await found(wb, id)).filter((m) => m.documentId === docId);
    expect(mentions.map((m) => m.start)).toEqual([12, 27]);
  });

  it('finds every alias, marks highlighted mentions, and accepts the rest in one step', async () => {
    const wb = await openSample(dir);
    const docId = unwrap(await wb.call('documents.list', {}))[0]!.id;
    const text = unwrap(await wb.call('documents.get', { id: docId })).document.text;
    const id = await entity(wb, 'Hamid Noury', ['Noury', 'Hamid Nouri']);
    const second = text.indexOf('Noury’s');
    // One mention is tagged already; another sits inside an untagged highlight.
    unwrap(
      await wb.call('annotations.create', {
        documentId: docId,
        start: text.indexOf('Hamid Noury'),
        end: text.indexOf('Hamid Noury') + 11,
        entityIds: [id],
      }),
    );
    const untagged = unwrap(
      await wb.call('annotations.create', { documentId: docId, start: second, end: second + 13 }),
    ).id;
    const mentions = await found(wb, id);
    expect(
      mentions.map((m) => [m.exact, m.matched, m.tagged, m.highlightId !== undefined]),
    ).toEqual([
      ['Hamid Noury', 'Hamid Noury', true, true],
      ['Noury', 'Noury', false, true],
    ]);
    const before = await workspaceFiles(dir);
    const pending = mentions.filter((m) => !m.tagged);
    const result = unwrap(
      await wb.call('mentions.accept', { entityId: id, mentions: refs(pending) }),
    );
    expect(result).toEqual({ mentions: 1, created: 0, tagged: 1 });
    const view = unwrap(await wb.call('documents.get', { id: docId }));
    expect(view.annotations.find((a) => a.id === untagged)!.entityIds).toEqual([id]);
    expect((await found(wb, id)).every((m) => m.tagged)).toBe(true);
    expect(unwrap(await wb.call('history.info', {})).undoLabel).toBe('Tag a mention');
    unwrap(await wb.call('history.undo', {}));
    expect(await workspaceFiles(dir)).toEqual(before);
  });

  it('bulk accept makes exactly one highlight per mention, tagged, as one undoable command', async () => {
    const wb = await openSample(dir);
    const docId = unwrap(await wb.call('documents.list', {}))[0]!.id;
    const id = await entity(wb, 'Ejei');
    const mentions = await found(wb, id);
    expect(mentions.map((m) => m.exact)).toEqual(['Ejei', 'Ejei', 'Ejei']);
    const before = await workspaceFiles(dir);
    const accept = async () =>
      unwrap(
        await wb.call('mentions.accept', {
          entityId: id,
          mentions: refs(mentions),
          extent: 'name',
        }),
      );
    expect(await accept()).toEqual({ mentions: 3, created: 3, tagged: 0 });
    const view = unwrap(await wb.call('documents.get', { id: docId }));
    expect(
      view.annotations.map((a) => [a.target.position.start, a.target.quote.exact, a.entityIds]),
    ).toEqual(mentions.map((m) => [m.start, 'Ejei', [id]]));
    // Accepting again changes nothing: they are tagged now.
    expect(await accept()).toEqual({ mentions: 0, created: 0, tagged: 0 });
    // A command that changed nothing leaves no step: one undo takes back the whole accept.
    unwrap(await wb.call('history.undo', {}));
    expect(await workspaceFiles(dir)).toEqual(before);
  });

  it('tags a highlight holding two accepted mentions once', async () => {
    const wb = await openSample(dir);
    const docId = unwrap(await wb.call('documents.list', {}))[0]!.id;
    const text = unwrap(await wb.call('documents.get', { id: docId })).document.text;
    const start = text.indexOf('Ejei talked');
    const end = text.indexOf('Ejei then') + 4;
    const covering = unwrap(await wb.call('annotations.create', { documentId: docId, start, end }));
    const id = await entity(wb, 'Ejei');
    const inside = (await found(wb, id)).filter((m) => m.highlightId === covering.id);
    expect(inside).toHaveLength(2);
    expect(
      unwrap(await wb.call('mentions.accept', { entityId: id, mentions: refs(inside) })),
    ).toEqual({ mentions: 2, created: 0, tagged: 1 });
    const view = unwrap(await wb.call('documents.get', { id: docId }));
    expect(view.annotations.find((a) => a.id === covering.id)!.entityIds).toEqual([id]);
    expect(unwrap(await wb.call('workspace.info', {})).problems).toEqual([]);
  });

  it('refuses a range that is not a mention of the entity, and changes nothing', async () => {
    const wb = await openSample(dir);
    const docId = unwrap(await wb.call('documents.list', {}))[0]!.id;
    const id = await entity(wb, 'Ejei');
    const [real] = await found(wb, id);
    const before = await workspaceFiles(dir);
    const refused = await wb.call('mentions.accept', {
      entityId: id,
      mentions: [...refs([real!]), { documentId: docId, start: 0, end: 4 }],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await workspaceFiles(dir)).toEqual(before);
  });
});

describe('candidate entities', () => {
  it('offers proper names from the texts not yet in the registry, by frequency', async () => {
    const wb = await openSample(dir);
    const candidates = unwrap(await wb.call('mentions.candidates', {}));
    const names = candidates.map((c) => c.name);
    expect(names).toContain('Ali Shamkhani');
    expect(candidates.find((c) => c.name === 'Ali Shamkhani')!.type).toBe('person');
    const counts = candidates.map((c) => c.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    await entity(wb, 'Ali Shamkhani');
    const after = unwrap(await wb.call('mentions.candidates', {})).map((c) => c.name);
    expect(after).not.toContain('Ali Shamkhani');
  });

  it('offers the people named after their titles, as people', async () => {
    const wb = await openSample(dir);
    const people = unwrap(await wb.call('mentions.candidates', { limit: 500 }))
      .filter((c) => c.type === 'person')
      .map((c) => c.name);
    // "…and five cabinet members: Foreign Minister Hossein Amir Abollahian, Intelligence
    // Minister Esmail Khatib, Interior Minister Ahmad Vahidi, …"
    for (const minister of [
      'Hossein Amir Abollahian',
      'Esmail Khatib',
      'Ahmad Vahidi',
      'Mohammad Mehdi Esmaili',
      'Amin Hossein Rahimi',
    ])
      expect(people).toContain(minister);
  });

  it('refuses to adopt a candidate whose name is already an entity', async () => {
    const wb = await openSample(dir);
    await entity(wb, 'Shamkhani');
    const before = await workspaceFiles(dir);
    const refused = await wb.call('mentions.adopt', { name: 'shamkhani', type: 'person' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await workspaceFiles(dir)).toEqual(before);
  });

  it('creates an entity from a candidate and tags its mentions in one step', async () => {
    const wb = await openSample(dir);
    const before = await workspaceFiles(dir);
    const { entity: made, created } = unwrap(
      await wb.call('mentions.adopt', { name: 'Shamkhani', type: 'person' }),
    );
    expect(created).toBe(2);
    expect(unwrap(await wb.call('entities.list', {})).find((e) => e.id === made.id)!.usage).toBe(2);
    unwrap(await wb.call('history.undo', {}));
    expect(await workspaceFiles(dir)).toEqual(before);
  });
});
