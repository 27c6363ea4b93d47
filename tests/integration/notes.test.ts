// Notes' links and highlights' free-text tags against a real workspace folder: a note may
// only link records that exist, deleting what a note links unlinks it in the same command
// (so the workspace still opens clean), and tags are listed and looked up across documents.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import { openSample, tempDir, unwrap } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

async function highlight(wb: Workbench, words: string, tags: string[] = []) {
  const [first] = unwrap(await wb.call('documents.list', {}));
  const { document } = unwrap(await wb.call('documents.get', { id: first!.id }));
  const start = document.text.indexOf(words);
  if (start < 0) throw new Error(`not in the sample: ${words}`);
  return unwrap(
    await wb.call('annotations.create', {
      documentId: document.id,
      start,
      end: start + words.length,
      tags,
    }),
  );
}

describe('note links', () => {
  it('refuses a note that links an entity, document or highlight the workspace does not hold', async () => {
    const wb = await openSample(dir);
    for (const links of [
      { entityIds: ['ent_missing'] },
      { documentIds: ['doc_missing'] },
      { annotationIds: ['ann_missing'] },
    ]) {
      const refused = await wb.call('notes.create', { title: 'Lead', ...links });
      expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(refused.ok ? '' : refused.error.message).toMatch(/_missing/);
    }
    const note = unwrap(await wb.call('notes.create', { title: 'Lead' }));
    const update = await wb.call('notes.update', {
      id: note.id,
      patch: { body: 'kept?', annotationIds: ['ann_missing'] },
    });
    expect(update).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(unwrap(await wb.call('notes.list', {}))).toEqual([note]);
  });

  it('unlinks a deleted highlight from its notes, so the workspace reopens without damage; undo links it again', async () => {
    let wb = await openSample(dir);
    const ann = await highlight(wb, 'Hamid Noury');
    const note = unwrap(
      await wb.call('notes.create', { title: 'Trial', annotationIds: [ann.id, ann.id] }),
    );
    expect(note.annotationIds).toEqual([ann.id]);
    unwrap(await wb.call('annotations.delete', { id: ann.id }));
    expect(unwrap(await wb.call('notes.list', {}))[0]!.annotationIds).toEqual([]);

    wb = await openSample(dir);
    const info = unwrap(await wb.call('workspace.info', {}));
    expect(info.problems).toEqual([]);
    expect(info.readOnly).toBe(false);
    // The history is the core's: a restart starts a new one, so undo in a fresh session.
    const ann2 = await highlight(wb, 'Hamid Noury');
    unwrap(await wb.call('notes.update', { id: note.id, patch: { annotationIds: [ann2.id] } }));
    unwrap(await wb.call('annotations.delete', { id: ann2.id }));
    unwrap(await wb.call('history.undo', {}));
    expect(unwrap(await wb.call('notes.list', {}))[0]!.annotationIds).toEqual([ann2.id]);
  });

  it('unlinks a deleted document and its highlights from notes', async () => {
    let wb = await openSample(dir);
    const ann = await highlight(wb, 'Hamid Noury');
    unwrap(
      await wb.call('notes.create', {
        title: 'Trial',
        documentIds: [ann.documentId],
        annotationIds: [ann.id],
      }),
    );
    unwrap(await wb.call('documents.delete', { id: ann.documentId, confirmHighlights: 1 }));
    expect(unwrap(await wb.call('notes.list', {}))[0]).toMatchObject({
      documentIds: [],
      annotationIds: [],
    });
    wb = await openSample(dir);
    expect(unwrap(await wb.call('workspace.info', {})).problems).toEqual([]);
  });
});

describe('tags', () => {
  it('lists every tag with its count and finds the highlights carrying one, in reading order', async () => {
    const wb = await openSample(dir);
    const later = await highlight(wb, 'Evin prisons', ['prisons', 'trial']);
    const earlier = await highlight(wb, 'Hamid Noury', ['trial']);
    expect(unwrap(await wb.call('tags.list', {}))).toEqual([
      { tag: 'prisons', count: 1 },
      { tag: 'trial', count: 2 },
    ]);
    const trial = unwrap(await wb.call('annotations.byTag', { tag: 'trial' }));
    expect(trial.map((p) => p.annotation.id)).toEqual([earlier.id, later.id]);
    // A tag is a code of the codebook, named without regard to case: "Trial" is "trial".
    expect(unwrap(await wb.call('annotations.byTag', { tag: 'Trial' }))).toEqual(trial);
    expect(unwrap(await wb.call('annotations.byTag', { tag: 'trials' }))).toEqual([]);
    const refused = await wb.call('annotations.byTag', { tag: '   ' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('finds highlights by id in the order asked, leaving out ids it does not know', async () => {
    const wb = await openSample(dir);
    const a = await highlight(wb, 'Hamid Noury');
    const b = await highlight(wb, 'Evin prisons');
    const found = unwrap(await wb.call('annotations.byIds', { ids: [b.id, 'ann_gone', a.id] }));
    expect(found.map((p) => p.annotation.id)).toEqual([b.id, a.id]);
    expect(found[0]!.documentTitle).toMatch(/^Why Iran/);
  });
});
