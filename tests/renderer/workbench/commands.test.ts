// The commands send one method each and leave refetching to the events; deletes offer
// Undo, and undo/redo say what they did.
import { describe, expect, it } from 'vitest';
import { createWorkbenchStore } from '../../../src/renderer/src/store/index';
import { showAnnotation } from '../../../src/renderer/src/store/selection';
import { selectError, selectToasts } from '../../../src/renderer/src/store/ui';
import { createCommands } from '../../../src/renderer/src/workbench/commands';
import { fakeApi, listItem, makeAnnotation, note, type Handlers } from '../builders';

function setup(handlers: Handlers) {
  const { api, calls } = fakeApi(handlers);
  const store = createWorkbenchStore();
  store.dispatch({ type: 'documents/listLoaded', list: [listItem('d1', 1)] });
  return { store, calls, commands: createCommands(api, store) };
}

describe('commands', () => {
  it('deletes a highlight with one call, closes its panel and offers Undo', async () => {
    const { store, calls, commands } = setup({ 'annotations.delete': ({ id }) => ({ id }) });
    store.dispatch(showAnnotation('a1'));
    await commands.deleteHighlight('a1');
    expect(calls).toEqual(['annotations.delete']);
    expect(store.getState().selection.panel).toBeNull();
    expect(selectToasts(store.getState())).toMatchObject([
      { message: 'Highlight deleted.', action: 'undo' },
    ]);
  });

  it('says Entity, Document and Note deleted for the other deletes', async () => {
    const { store, commands } = setup({
      'entities.delete': ({ id }) => ({ id, untagged: 2 }),
      'documents.delete': ({ id }) => ({ id, highlights: 1 }),
      'notes.delete': ({ id }) => ({ id }),
    });
    await commands.deleteEntity('e1', 2);
    await commands.deleteDocument(listItem('d1', 1));
    await commands.deleteNote('n1');
    expect(selectToasts(store.getState()).map((t) => t.message)).toEqual([
      'Entity deleted.',
      'Document deleted.',
      'Note deleted.',
    ]);
  });

  it('undoes through the core, says what was undone and offers Redo', async () => {
    const { store, calls, commands } = setup({
      'history.undo': () => ({
        canUndo: false,
        canRedo: true,
        redoLabel: 'Delete highlight',
        done: 'Delete highlight',
      }),
    });
    await commands.undo();
    expect(calls).toEqual(['history.undo']);
    // The store's summary waits for the 'history' event: one update per change.
    expect(store.getState().history.canRedo).toBe(false);
    expect(selectToasts(store.getState())).toMatchObject([
      { message: 'Undone: Delete highlight.', action: 'redo' },
    ]);
  });

  it('asks the core even before the history event arrives, and shows its refusal as a toast', async () => {
    const { store, calls, commands } = setup({
      'history.undo': () => {
        throw new Error('There is nothing to undo.');
      },
    });
    await commands.undo();
    expect(calls).toEqual(['history.undo']);
    expect(selectToasts(store.getState()).map((t) => t.message)).toEqual([
      'There is nothing to undo.',
    ]);
    expect(selectError(store.getState())).toBeNull();
  });

  it('shows a refused change as the error, with no toast', async () => {
    const { store, commands } = setup({
      'annotations.delete': () => {
        throw new Error('The workspace is read-only: another process holds it.');
      },
    });
    await commands.deleteHighlight('a1');
    expect(selectError(store.getState())).toMatch(/read-only/);
    expect(selectToasts(store.getState())).toEqual([]);
  });

  it('opens the highlight it creates, with the intent the toolbar asked for', async () => {
    const { store, commands } = setup({
      'annotations.create': (input) => makeAnnotation('a9', input.documentId),
    });
    await commands.createHighlight({ start: 0, end: 5 }, 'claim', 'tag');
    expect(store.getState().selection.panel).toEqual({
      type: 'annotation',
      id: 'a9',
      intent: 'tag',
    });
  });

  it('keeps the repair report for the banner', async () => {
    const report = {
      changes: ['documents/d1.json: removed annotations[2] (ann_x): end before start'],
      remaining: [],
    };
    const { store, commands } = setup({ 'workspace.repair': () => report });
    await commands.repair();
    expect(store.getState().workspace.repairReport).toEqual(report);
  });
});

describe('notes commands', () => {
  it('creates a note linked to what it is about and opens it in the notes view', async () => {
    const { store, calls, commands } = setup({
      'notes.create': (input) => note('n1', input.body ?? '', { entityIds: input.entityIds ?? [] }),
    });
    const id = await commands.createNote({ entityIds: ['e1'] });
    expect(id).toBe('n1');
    expect(calls).toEqual(['notes.create']);
    expect(store.getState().notes.openId).toBe('n1');
    expect(store.getState().research.view).toBe('notes');
  });

  it('says whether a note was saved, and shows why not', async () => {
    const { store, commands } = setup({
      'notes.update': ({ id }) => {
        if (id === 'gone') throw new Error('No note with id "gone" in this workspace.');
        return note(id);
      },
    });
    expect(await commands.updateNote('n1', { title: 'Evin' })).toBe(true);
    expect(await commands.updateNote('gone', { title: 'Evin' })).toBe(false);
    expect(selectError(store.getState())).toMatch(/No note with id "gone"/);
  });

  it('opens a note found by search in the notes view', () => {
    const { store, commands } = setup({});
    commands.openHit({ kind: 'note', id: 'n2', title: 'Evin', snippet: [] });
    expect(store.getState().notes.openId).toBe('n2');
    expect(store.getState().research.view).toBe('notes');
  });
});
