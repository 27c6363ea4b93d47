// Undo and redo of every mutating method, judged by the files: undoing a command gives
// back exactly the workspace.json and document files from before it, redoing it exactly
// those from after it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import type { Input, MethodName } from '../../src/shared/api';
import { openSample, reopen, tempDir, unwrap } from './helpers';
import { workspaceFiles } from './snapshot-files';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

interface Setup {
  wb: Workbench;
  docId: string;
  annId: string;
  entId: string;
  noteId: string;
  revision: number;
}

/** A workspace with a highlight tagged to an entity, a note linking both, and text. */
async function setup(): Promise<Setup> {
  const wb = await openSample(dir);
  const docId = unwrap(await wb.call('documents.list', {}))[0]!.id;
  const entId = unwrap(await wb.call('entities.create', { name: 'Evin prison', type: 'place' })).id;
  const annId = unwrap(
    await wb.call('annotations.create', {
      documentId: docId,
      start: 10,
      end: 60,
      entityIds: [entId],
      note: 'kept',
    }),
  ).id;
  await wb.call('annotations.create', { documentId: docId, start: 100, end: 140 });
  const noteId = unwrap(
    await wb.call('notes.create', {
      title: 'Evin',
      entityIds: [entId],
      documentIds: [docId],
      annotationIds: [annId],
    }),
  ).id;
  const revision = unwrap(await wb.call('documents.get', { id: docId })).document.revision;
  return { wb, docId, annId, entId, noteId, revision };
}

type Case = [string, (s: Setup) => { method: MethodName; input: Input<MethodName> }];
const call = <M extends MethodName>(method: M, input: Input<M>) => ({
  method,
  input: input as Input<MethodName>,
});

const CASES: Case[] = [
  [
    'annotations.create',
    (s) => call('annotations.create', { documentId: s.docId, start: 200, end: 240 }),
  ],
  [
    'annotations.update',
    (s) => call('annotations.update', { id: s.annId, patch: { note: 'changed', kind: 'claim' } }),
  ],
  ['annotations.delete', (s) => call('annotations.delete', { id: s.annId })],
  ['entities.create', () => call('entities.create', { name: 'Ebrahim Raisi', type: 'person' })],
  [
    'entities.update',
    (s) =>
      call('entities.update', { id: s.entId, patch: { name: 'Evin', aliases: ['Evin prison'] } }),
  ],
  ['entities.delete', (s) => call('entities.delete', { id: s.entId, confirmUsage: 1 })],
  [
    'entities.split',
    (s) =>
      call('entities.split', {
        entityId: s.entId,
        annotationIds: [s.annId],
        to: { name: 'Gohardasht prison', type: 'place' },
      }),
  ],
  ['mentions.adopt', () => call('mentions.adopt', { name: 'Shamkhani', type: 'person' })],
  ['notes.create', () => call('notes.create', { title: 'New', body: 'text' })],
  ['notes.update', (s) => call('notes.update', { id: s.noteId, patch: { body: 'more' } })],
  ['notes.delete', (s) => call('notes.delete', { id: s.noteId })],
  ['documents.delete', (s) => call('documents.delete', { id: s.docId, confirmHighlights: 2 })],
  [
    'documents.paste',
    () =>
      call('documents.paste', { title: 'Pasted', text: 'A pasted paragraph about Evin prison.' }),
  ],
  [
    'documents.editText',
    (s) =>
      call('documents.editText', {
        id: s.docId,
        revision: s.revision,
        text: 'Evin prison, rewritten entirely.',
      }),
  ],
];

describe('undo and redo', () => {
  it.each(CASES)(
    '%s: undo restores the files exactly, redo re-applies them',
    async (_name, make) => {
      const s = await setup();
      const before = await workspaceFiles(dir);
      const { method, input } = make(s);
      unwrap(await s.wb.dispatch(method, input));
      const after = await workspaceFiles(dir);
      expect(after).not.toEqual(before);

      expect(unwrap(await s.wb.call('history.undo', {})).canRedo).toBe(true);
      // Pasting makes a new document file; undoing it moves that file to trash/.
      expect(await workspaceFiles(dir)).toEqual(before);
      unwrap(await s.wb.call('history.redo', {}));
      expect(await workspaceFiles(dir)).toEqual(after);
      unwrap(await s.wb.call('history.undo', {}));
      // And the store in memory agrees with the files after a restart.
      const again = await reopen(dir);
      expect(await workspaceFiles(dir)).toEqual(before);
      expect(unwrap(await again.call('workspace.info', {})).problems).toEqual([]);
    },
  );

  it('deleting a highlight and undoing brings it back with its note and tags, in the index too', async () => {
    const s = await setup();
    unwrap(await s.wb.call('annotations.delete', { id: s.annId }));
    expect(unwrap(await s.wb.call('history.info', {}))).toMatchObject({
      canUndo: true,
      undoLabel: 'Delete highlight',
    });
    const { done } = unwrap(await s.wb.call('history.undo', {}));
    expect(done).toBe('Delete highlight');
    const view = unwrap(await s.wb.call('documents.get', { id: s.docId }));
    expect(view.annotations.find((a) => a.id === s.annId)).toMatchObject({
      note: 'kept',
      entityIds: [s.entId],
    });
    const hits = unwrap(
      await s.wb.call('search.query', { query: 'kept', kinds: ['highlight'] }),
    ).hits;
    expect(hits.map((h) => h.id)).toEqual([s.annId]);
  });

  it('steps back through several commands in order and forward again', async () => {
    const s = await setup();
    const states = [await workspaceFiles(dir)];
    unwrap(await s.wb.call('entities.create', { name: 'Ebrahim Raisi', type: 'person' }));
    states.push(await workspaceFiles(dir));
    unwrap(await s.wb.call('entities.delete', { id: s.entId, confirmUsage: 1 }));
    states.push(await workspaceFiles(dir));
    unwrap(await s.wb.call('annotations.delete', { id: s.annId }));
    states.push(await workspaceFiles(dir));
    for (let i = states.length - 2; i >= 0; i--) {
      unwrap(await s.wb.call('history.undo', {}));
      expect(await workspaceFiles(dir)).toEqual(states[i]);
    }
    for (let i = 1; i < states.length; i++) {
      unwrap(await s.wb.call('history.redo', {}));
      expect(await workspaceFiles(dir)).toEqual(states[i]);
    }
  });

  it('a new command clears what could be redone; nothing left to undo says so', async () => {
    const s = await setup();
    unwrap(await s.wb.call('notes.delete', { id: s.noteId }));
    unwrap(await s.wb.call('history.undo', {}));
    unwrap(await s.wb.call('notes.create', { title: 'Other' }));
    expect(unwrap(await s.wb.call('history.info', {})).canRedo).toBe(false);
    const fresh = await reopen(dir);
    expect(await fresh.call('history.undo', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
