// Find the mentions of every entity at once, on real English and Persian sentences: each
// entity gets its own names' mentions with the search folding, highlighted ones are marked,
// overlapping names of two entities go to the longer one, and accepting all or some makes
// exactly the expected highlights as one undoable command.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import type { AllMentions } from '../../src/shared/methods/mentions';
import { reopen, tempDir, unwrap } from './helpers';
import { workspaceFiles } from './snapshot-files';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const ENGLISH =
  'Hamid Noury was arrested in Stockholm in 2019. Ali Shamkhani and Ejei sat on the ' +
  'committee; Shamkhani later denied it. He was sentenced by the Evin Court, then sent back ' +
  'to Evin. The trial of HAMID NOURY ended in 2022.';
// Arabic yeh and kaf in "حميد نوري", ZWNJ written as a space in "اژه ای".
const PERSIAN =
  'دادگاه حميد نوري در استکهلم برگزار شد. اژه‌ای و شمخانی در آن جلسه بودند. ' +
  'بعدها اژه ای رئیس قوه قضاییه شد.';

interface Fixture {
  wb: Workbench;
  english: string;
  persian: string;
  ids: Record<'noury' | 'shamkhani' | 'ejei' | 'evin' | 'court' | 'unused', string>;
}

async function paste(wb: Workbench, title: string, text: string): Promise<string> {
  const r = unwrap(await wb.call('documents.paste', { title, text }));
  if (r.kind !== 'document') throw new Error('expected a document');
  return r.documentId;
}

async function workspace(): Promise<Fixture> {
  const wb = await reopen(dir);
  const english = await paste(wb, 'Stockholm trial', ENGLISH);
  const persian = await paste(wb, 'دادگاه استکهلم', PERSIAN);
  const make = async (name: string, type: string, aliases: string[] = []) =>
    unwrap(await wb.call('entities.create', { name, type, aliases })).id;
  const ids = {
    noury: await make('Hamid Noury', 'person', ['حمید نوری']),
    shamkhani: await make('Ali Shamkhani', 'person', ['Shamkhani', 'شمخانی']),
    ejei: await make('Ejei', 'person', ['اژه‌ای']),
    evin: await make('Evin', 'place'),
    court: await make('Evin Court', 'organization'),
    unused: await make('Ebrahim Raisi', 'person'),
  };
  // "Ali Shamkhani" is highlighted and tagged already.
  const at = ENGLISH.indexOf('Ali Shamkhani');
  unwrap(
    await wb.call('annotations.create', {
      documentId: english,
      start: at,
      end: at + 'Ali Shamkhani'.length,
      entityIds: [ids.shamkhani],
    }),
  );
  return { wb, english, persian, ids };
}

type Row = [string, string, boolean];
const rows = (all: AllMentions): Record<string, Row[]> =>
  Object.fromEntries(
    all.groups.map((g) => [g.name, g.mentions.map((m): Row => [m.documentId, m.exact, m.tagged])]),
  );

const findAll = async (wb: Workbench, limit?: number) =>
  unwrap(await wb.call('mentions.findAll', limit === undefined ? {} : { limit }));

describe('find mentions of all entities', () => {
  it('finds every entity’s names across English and Persian, marks tagged ones, and gives overlaps to the longer name', async () => {
    const { wb, english: en, persian: fa } = await workspace();
    const all = await findAll(wb);
    expect(rows(all)).toEqual({
      'Ali Shamkhani': [
        [en, 'Ali Shamkhani', true],
        [en, 'Shamkhani', false],
        [fa, 'شمخانی', false],
      ],
      Ejei: [
        [en, 'Ejei', false],
        [fa, 'اژه‌ای', false],
        [fa, 'اژه ای', false],
      ],
      Evin: [[en, 'Evin', false]],
      'Evin Court': [[en, 'Evin Court', false]],
      'Hamid Noury': [
        [en, 'Hamid Noury', false],
        [en, 'HAMID NOURY', false],
        [fa, 'حميد نوري', false],
      ],
    });
    const evin = all.groups.find((g) => g.name === 'Evin')!;
    expect(evin.overlapped).toBe(1);
    expect(evin.mentions[0]!.start).toBe(ENGLISH.lastIndexOf('Evin'));
    expect(all.groups.find((g) => g.name === 'Ali Shamkhani')!.untagged).toBe(2);
    expect(all).toMatchObject({ documentsScanned: 2, documentsTotal: 2, truncated: false });
    expect(all.overlapRule).toMatch(/longer match wins/);
    // The index narrows the scan once built: it must find the same.
    await wb.indexed;
    expect(await findAll(wb)).toEqual(all);
  });

  it('stops after the document where the matches reach the limit, and says so', async () => {
    const { wb } = await workspace();
    const all = await findAll(wb, 1);
    expect(all).toMatchObject({
      documentsScanned: 1,
      documentsTotal: 2,
      truncated: true,
      limit: 1,
    });
    expect(all.groups.flatMap((g) => g.mentions).length).toBe(7);
  });

  it('accepts all as one undoable command: one highlight per mention, tagged to its entity', async () => {
    const { wb, ids } = await workspace();
    const all = await findAll(wb);
    const before = await workspaceFiles(dir);
    const chosen = all.groups.flatMap((g) =>
      g.mentions
        .filter((m) => !m.tagged)
        .map(({ documentId, start, end }) => ({ entityId: g.entityId, documentId, start, end })),
    );
    expect(chosen).toHaveLength(10);
    const done = unwrap(await wb.call('mentions.acceptAll', { mentions: chosen, extent: 'name' }));
    expect(done).toEqual({ mentions: 10, created: 10, tagged: 0, entities: 5 });
    expect(unwrap(await wb.call('history.info', {})).undoLabel).toBe(
      'Tag 10 mentions of 5 entities',
    );

    const names = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
    const tagged = async () => {
      const out: [string, string[]][] = [];
      for (const d of unwrap(await wb.call('documents.list', {}))) {
        const view = unwrap(await wb.call('documents.get', { id: d.id }));
        for (const a of [...view.annotations].sort(
          (x, y) => x.target.position.start - y.target.position.start,
        ))
          out.push([a.target.quote.exact, a.entityIds.map((id) => names.get(id)!)]);
      }
      return out;
    };
    expect(await tagged()).toEqual([
      ['Hamid Noury', ['noury']],
      ['Ali Shamkhani', ['shamkhani']],
      ['Ejei', ['ejei']],
      ['Shamkhani', ['shamkhani']],
      ['Evin Court', ['court']],
      ['Evin', ['evin']],
      ['HAMID NOURY', ['noury']],
      ['حميد نوري', ['noury']],
      ['اژه‌ای', ['ejei']],
      ['شمخانی', ['shamkhani']],
      ['اژه ای', ['ejei']],
    ]);
    expect((await findAll(wb)).groups.every((g) => g.untagged === 0)).toBe(true);
    expect(unwrap(await wb.call('workspace.info', {})).problems).toEqual([]);

    unwrap(await wb.call('history.undo', {}));
    expect(await workspaceFiles(dir)).toEqual(before);
  });

  it('accepts a chosen subset and leaves the rest as they were', async () => {
    const { wb, ids } = await workspace();
    const all = await findAll(wb);
    const ejei = all.groups.find((g) => g.entityId === ids.ejei)!;
    const persianOnly = ejei.mentions
      .filter((m) => m.documentId !== ejei.mentions[0]!.documentId)
      .map(({ documentId, start, end }) => ({ entityId: ids.ejei, documentId, start, end }));
    expect(
      unwrap(await wb.call('mentions.acceptAll', { mentions: persianOnly, extent: 'name' })),
    ).toEqual({
      mentions: 2,
      created: 2,
      tagged: 0,
      entities: 1,
    });
    const after = rows(await findAll(wb));
    expect(after['Ejei']!.map((r) => r[2])).toEqual([false, true, true]);
    expect(after['Hamid Noury']!.every((r) => !r[2])).toBe(true);
  });

  it('refuses overlapping mentions of two entities, and changes nothing', async () => {
    const { wb, english, ids } = await workspace();
    const court = ENGLISH.indexOf('Evin Court');
    const before = await workspaceFiles(dir);
    const refused = await wb.call('mentions.acceptAll', {
      mentions: [
        { entityId: ids.court, documentId: english, start: court, end: court + 10 },
        { entityId: ids.evin, documentId: english, start: court, end: court + 4 },
      ],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/"Evin Court" and "Evin".*overlap/);
    expect(await workspaceFiles(dir)).toEqual(before);
  });

  it('refuses a range that is not a mention of the named entity, and changes nothing', async () => {
    const { wb, english, ids } = await workspace();
    const at = ENGLISH.indexOf('Ejei');
    const before = await workspaceFiles(dir);
    const refused = await wb.call('mentions.acceptAll', {
      mentions: [{ entityId: ids.noury, documentId: english, start: at, end: at + 4 }],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await workspaceFiles(dir)).toEqual(before);
  });
});

describe('dossier mention counts', () => {
  it('are recounted for a document whose text changed, and kept for the others', async () => {
    const { wb, english, persian, ids } = await workspace();
    await wb.indexed;
    const counts = async () =>
      Object.fromEntries(
        unwrap(await wb.call('entities.dossier', { id: ids.ejei })).sources.map((s) => [
          s.documentId,
          s.mentions,
        ]),
      );
    expect(await counts()).toEqual({ [english]: 1, [persian]: 2 });
    const doc = unwrap(await wb.call('documents.get', { id: english })).document;
    unwrap(
      await wb.call('documents.editText', {
        id: english,
        revision: doc.revision,
        text: `${doc.text} Ejei was named again, and EJEI once more.`,
      }),
    );
    expect(await counts()).toEqual({ [english]: 3, [persian]: 2 });
    unwrap(await wb.call('history.undo', {}));
    expect(await counts()).toEqual({ [english]: 1, [persian]: 2 });
  });
});
