// Merge and split on a real workspace: every tag, note link, event reference, alias and
// index entry moves; conflicts must be chosen, not guessed; undo and redo give back the
// files exactly.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import { openSample, reopen, tempDir, unwrap } from './helpers';
import { workspaceFiles } from './snapshot-files';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

interface Setup {
  wb: Workbench;
  docId: string;
  nouri: string;
  noury: string;
  evin: string;
  trial: string;
  annNouri: string;
  annNoury: string;
  annBoth: string;
  noteId: string;
}

async function setup(): Promise<Setup> {
  const wb = await openSample(dir);
  const docId = unwrap(await wb.call('documents.list', {}))[0]!.id;
  const text = unwrap(await wb.call('documents.get', { id: docId })).document.text;
  const create = async (name: string, type: string, extra: object = {}) =>
    unwrap(await wb.call('entities.create', { name, type, ...extra })).id;
  const nouri = await create('Hamid Nouri', 'person', {
    aliases: ['حمید نوری'],
    description: 'Former deputy prosecutor.',
  });
  const noury = await create('Hamid Noury', 'person', { externalId: 'Q109296447' });
  const evin = await create('Evin prison', 'place');
  const trial = await create('Noury trial', 'event');
  const at = (word: string, from = 0) => {
    const start = text.indexOf(word, from);
    return { start, end: start + word.length };
  };
  const highlight = async (range: { start: number; end: number }, entityIds: string[]) =>
    unwrap(await wb.call('annotations.create', { documentId: docId, ...range, entityIds })).id;
  const annNoury = await highlight(at('Hamid Noury'), [noury]);
  const annNouri = await highlight(at('Noury’s trial'), [nouri]);
  const annBoth = await highlight(at('Gohardasht and Evin prisons'), [nouri, noury, evin]);
  unwrap(
    await wb.call('entities.update', {
      id: trial,
      patch: { placeId: evin, participants: [{ entityId: noury, role: 'official' }] },
    }),
  );
  const noteId = unwrap(await wb.call('notes.create', { title: 'Trial', entityIds: [noury] })).id;
  return { wb, docId, nouri, noury, evin, trial, annNouri, annNoury, annBoth, noteId };
}

const tagsOf = async (s: Setup): Promise<Record<string, string[]>> =>
  Object.fromEntries(
    unwrap(await s.wb.call('documents.get', { id: s.docId })).annotations.map((a) => [
      a.id,
      a.entityIds,
    ]),
  );

describe('merge', () => {
  it('previews the conflicts, then moves every tag, link, event reference and name', async () => {
    const s = await setup();
    const preview = unwrap(
      await s.wb.call('entities.mergePreview', { targetId: s.nouri, sourceIds: [s.noury] }),
    );
    expect(preview.highlights).toBe(2);
    expect(preview.notes).toBe(1);
    expect(preview.merged.aliases).toEqual(['حمید نوری', 'Hamid Noury']);
    // Only one of them has an external id: nothing to choose there.
    expect(preview.conflicts).toEqual([]);

    const merged = unwrap(
      await s.wb.call('entities.merge', { targetId: s.nouri, sourceIds: [s.noury] }),
    );
    expect(merged).toMatchObject({
      id: s.nouri,
      name: 'Hamid Nouri',
      aliases: ['حمید نوری', 'Hamid Noury'],
      externalId: 'Q109296447',
      description: 'Former deputy prosecutor.',
    });
    const entities = unwrap(await s.wb.call('entities.list', {}));
    expect(entities.map((e) => e.id)).not.toContain(s.noury);
    expect(entities.find((e) => e.id === s.nouri)!.usage).toBe(3);
    expect(await tagsOf(s)).toEqual({
      [s.annNoury]: [s.nouri],
      [s.annNouri]: [s.nouri],
      [s.annBoth]: [s.nouri, s.evin],
    });
    const notes = unwrap(await s.wb.call('notes.list', {}));
    expect(notes.find((n) => n.id === s.noteId)!.entityIds).toEqual([s.nouri]);
    const trial = entities.find((e) => e.id === s.trial)!;
    expect(trial.participants).toEqual([{ entityId: s.nouri, role: 'official' }]);

    // The search index follows: the old name finds the merged entity, and only it.
    const hits = unwrap(
      await s.wb.call('search.query', { query: 'Hamid Noury', kinds: ['entity'] }),
    ).hits;
    expect(hits.map((h) => h.id)).toEqual([s.nouri]);
    expect(unwrap(await s.wb.call('workspace.info', {})).problems).toEqual([]);
  });

  it('refuses to pick between two types or two external ids for the user', async () => {
    const s = await setup();
    unwrap(await s.wb.call('entities.update', { id: s.nouri, patch: { externalId: 'Q1' } }));
    unwrap(await s.wb.call('entities.update', { id: s.noury, patch: { type: 'other' } }));
    const preview = unwrap(
      await s.wb.call('entities.mergePreview', { targetId: s.nouri, sourceIds: [s.noury] }),
    );
    expect(preview.conflicts.map((c) => [c.field, c.values])).toEqual([
      ['type', ['person', 'other']],
      ['externalId', ['Q1', 'Q109296447']],
    ]);
    const before = await workspaceFiles(dir);
    const refused = await s.wb.call('entities.merge', {
      targetId: s.nouri,
      sourceIds: [s.noury],
      choose: { type: 'person' },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(refused.ok || refused.error.message).toMatch(/externalId/);
    expect(await workspaceFiles(dir)).toEqual(before);
    const merged = unwrap(
      await s.wb.call('entities.merge', {
        targetId: s.nouri,
        sourceIds: [s.noury],
        choose: { type: 'person', externalId: 'Q109296447' },
      }),
    );
    expect(merged).toMatchObject({ type: 'person', externalId: 'Q109296447' });
  });

  it('is one step: undo gives back the files exactly, redo the merged ones', async () => {
    const s = await setup();
    const before = await workspaceFiles(dir);
    unwrap(await s.wb.call('entities.merge', { targetId: s.nouri, sourceIds: [s.noury] }));
    const after = await workspaceFiles(dir);
    expect(unwrap(await s.wb.call('history.info', {})).undoLabel).toBe('Merge entities');
    unwrap(await s.wb.call('history.undo', {}));
    expect(await workspaceFiles(dir)).toEqual(before);
    const hits = unwrap(
      await s.wb.call('search.query', { query: 'Hamid Noury', kinds: ['entity'] }),
    ).hits;
    expect(hits.map((h) => h.id)).toContain(s.noury);
    unwrap(await s.wb.call('history.redo', {}));
    expect(await workspaceFiles(dir)).toEqual(after);
    const again = await reopen(dir);
    expect(unwrap(await again.call('workspace.info', {})).problems).toEqual([]);
  });

  it('renaming onto an existing name is a conflict that names the entity to merge with', async () => {
    const s = await setup();
    const renamed = await s.wb.call('entities.update', {
      id: s.noury,
      patch: { name: 'hamid nouri' },
    });
    expect(renamed).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(renamed.ok || renamed.error.message).toContain(s.nouri);
  });
});

describe('merge and split refuse', () => {
  it.each([
    ['a merge of an entity into itself', 'merge-self', 'INVALID_INPUT'],
    ['a merge that would pass the alias limit', 'merge-aliases', 'INVALID_INPUT'],
    ['a split into the same entity', 'split-self', 'INVALID_INPUT'],
    ['a split into a new entity with a name in use', 'split-clash', 'CONFLICT'],
  ] as const)('%s, and change nothing', async (_name, which, code) => {
    const s = await setup();
    if (which === 'merge-aliases') {
      const many = Array.from({ length: 100 }, (_, i) => `Alias ${i}`);
      unwrap(await s.wb.call('entities.update', { id: s.nouri, patch: { aliases: many } }));
    }
    const before = await workspaceFiles(dir);
    const calls = {
      'merge-self': () => s.wb.call('entities.merge', { targetId: s.nouri, sourceIds: [s.nouri] }),
      'merge-aliases': () =>
        s.wb.call('entities.merge', { targetId: s.nouri, sourceIds: [s.noury] }),
      'split-self': () =>
        s.wb.call('entities.split', {
          entityId: s.nouri,
          annotationIds: [s.annNouri],
          to: { entityId: s.nouri },
        }),
      'split-clash': () =>
        s.wb.call('entities.split', {
          entityId: s.nouri,
          annotationIds: [s.annNouri],
          to: { name: 'evin PRISON', type: 'place' },
        }),
    };
    expect(await calls[which]()).toMatchObject({ ok: false, error: { code } });
    expect(await workspaceFiles(dir)).toEqual(before);
  });
});

describe('split', () => {
  it('moves the chosen passages to a new entity in one undoable step', async () => {
    const s = await setup();
    const before = await workspaceFiles(dir);
    const { entity, moved } = unwrap(
      await s.wb.call('entities.split', {
        entityId: s.nouri,
        annotationIds: [s.annBoth],
        to: { name: 'Gohardasht prison', type: 'place' },
      }),
    );
    expect(moved).toBe(1);
    const tags = await tagsOf(s);
    expect(tags[s.annBoth]).toEqual([entity.id, s.noury, s.evin]);
    expect(tags[s.annNouri]).toEqual([s.nouri]);
    unwrap(await s.wb.call('history.undo', {}));
    expect(await workspaceFiles(dir)).toEqual(before);
  });

  it('moves passages to another existing entity', async () => {
    const s = await setup();
    unwrap(
      await s.wb.call('entities.split', {
        entityId: s.nouri,
        annotationIds: [s.annNouri],
        to: { entityId: s.noury },
      }),
    );
    expect((await tagsOf(s))[s.annNouri]).toEqual([s.noury]);
  });

  it('refuses a passage that is not tagged to the entity, and changes nothing', async () => {
    const s = await setup();
    const before = await workspaceFiles(dir);
    const refused = await s.wb.call('entities.split', {
      entityId: s.nouri,
      annotationIds: [s.annNouri, s.annNoury],
      to: { name: 'Someone else', type: 'person' },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await workspaceFiles(dir)).toEqual(before);
  });
});
