// The sync against a fake core: what is fetched when the window opens, and that a change
// event's records are applied as they come, without asking the core again; counted call
// by call, so a change that refetches fails here.
import { describe, expect, it } from 'vitest';
import type { Input, WorkbenchEvent } from '../../../src/shared/api';
import type { Annotation, Note } from '../../../src/shared/model';
import { createWorkbenchStore } from '../../../src/renderer/src/store/index';
import { selectView } from '../../../src/renderer/src/store/documents';
import { createSync } from '../../../src/renderer/src/sync/workbench-sync';
import { defaultCodebook } from '../../../src/shared/codebook/codebook';
import { changed, entity, fakeApi, listItem, makeAnnotation, makeView, note } from '../builders';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A core with two documents; tests change it and send the events it would. */
function setup() {
  const core = {
    documents: ['d1', 'd2'],
    annotations: [makeAnnotation('a1', 'd1')] as Annotation[],
    notes: [] as Note[],
    /** How long each next documents.get takes, in ms (answered as of the call). */
    getDelays: [] as number[],
  };
  const gets: string[] = [];
  const { api, calls } = fakeApi({
    'workspace.info': () => ({ path: '/ws', schemaVersion: 2, readOnly: false, problems: [] }),
    'documents.list': () =>
      core.documents.map((id) =>
        listItem(id, core.annotations.filter((a) => a.documentId === id).length),
      ),
    'documents.get': async ({ id }: Input<'documents.get'>) => {
      gets.push(id);
      if (!core.documents.includes(id)) throw new Error(`no document ${id}`);
      const view = makeView(
        id,
        core.annotations.filter((a) => a.documentId === id),
      );
      await sleep(core.getDelays.shift() ?? 0);
      return view;
    },
    'entities.list': () => [
      entity('e1', core.annotations.filter((a) => a.entityIds.includes('e1')).length),
    ],
    'history.info': () => ({ canUndo: true, canRedo: false, undoLabel: 'Edit highlight' }),
    'codebook.get': () => defaultCodebook(),
    'links.list': () => [],
    'notes.list': () => core.notes,
    'tags.list': () => {
      const counts = new Map<string, number>();
      for (const a of core.annotations)
        for (const t of a.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
      return [...counts].map(([tag, count]) => ({ tag, count }));
    },
  });
  const store = createWorkbenchStore();
  const sync = createSync(api, store);
  const send = (...events: WorkbenchEvent[]): void => events.forEach((e) => sync.handleEvent(e));
  const fetched = async (): Promise<string[]> => {
    await sync.settled();
    const made = calls.splice(0);
    return made.sort();
  };
  return { core, store, sync, send, fetched, gets };
}

const put = (...annotations: Annotation[]): WorkbenchEvent =>
  changed({ annotations: { put: annotations, removed: [] } });

describe('createSync', () => {
  it('loads the workspace once when the window opens, then the first document', async () => {
    const { sync, store, fetched } = setup();
    sync.start();
    expect(await fetched()).toEqual([
      'codebook.get',
      'documents.get',
      'documents.list',
      'entities.list',
      'history.info',
      'links.list',
      'notes.list',
      'tags.list',
      'workspace.info',
    ]);
    expect(selectView(store.getState())?.annotations.map((a) => a.id)).toEqual(['a1']);
  });

  it('applies a saved note from the event alone, asking the core for nothing', async () => {
    const { sync, core, send, fetched, store } = setup();
    sync.start();
    await fetched();
    const edited = { ...core.annotations[0]!, note: 'Confirmed by two witnesses.' };
    send(put(edited));
    expect(await fetched()).toEqual([]);
    expect(selectView(store.getState())?.annotations[0]?.note).toBe('Confirmed by two witnesses.');
    expect(store.getState().history.undoLabel).toBe('Edit highlight');
  });

  it('takes the entities’ usage, the tag counts and the library’s counts from the event', async () => {
    const { sync, core, send, fetched, store } = setup();
    sync.start();
    await fetched();
    const tagged = { ...core.annotations[0]!, entityIds: ['e1'], tags: ['trial'] };
    const added = makeAnnotation('a2', 'd1', [], [14, 20]);
    send(
      changed({
        annotations: { put: [tagged, added], removed: [] },
        entities: { put: [entity('e1', 1)], removed: [] },
        documents: { put: [listItem('d1', 2)], removed: [] },
        tags: [{ tag: 'trial', count: 1 }],
        touchedEntities: ['e1'],
      }),
    );
    expect(await fetched()).toEqual([]);
    const state = store.getState();
    expect(state.entities.list?.[0]?.usage).toBe(1);
    expect(state.tags.list).toEqual([{ tag: 'trial', count: 1 }]);
    expect(state.documents.list?.map((d) => [d.id, d.annotationCount])).toEqual([
      ['d1', 2],
      ['d2', 0],
    ]);
    expect(selectView(state)?.annotations.map((a) => a.id)).toEqual(['a1', 'a2']);
    // A tag whose count reaches 0 is gone.
    send(changed({ tags: [{ tag: 'trial', count: 0 }] }));
    expect(store.getState().tags.list).toEqual([]);
  });

  it('applies a note from the event, newest first', async () => {
    const { sync, send, fetched, store } = setup();
    sync.start();
    await fetched();
    send(changed({ notes: { put: [note('n1', 'Transferred to [[Evin prison]]')], removed: [] } }));
    expect(await fetched()).toEqual([]);
    expect(store.getState().notes.list?.map((n) => n.id)).toEqual(['n1']);
    send(changed({ notes: { put: [], removed: ['n1'] } }));
    expect(store.getState().notes.list).toEqual([]);
  });

  it('shows a highlight once when a command has already patched in the core’s answer', async () => {
    const { sync, send, fetched, store } = setup();
    sync.start();
    await fetched();
    const added = makeAnnotation('a2', 'd1', [], [14, 20]);
    // What createHighlight does with the core's answer, before the event arrives.
    store.dispatch({
      type: 'documents/annotationsPatched',
      documentId: 'd1',
      ids: ['a2'],
      annotations: [added],
    });
    send(put(added));
    expect(await fetched()).toEqual([]);
    expect(selectView(store.getState())?.annotations.map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  it('opens the next document when the open one is deleted, never asking for the deleted one', async () => {
    const { sync, core, send, fetched, gets, store } = setup();
    sync.start();
    await fetched();
    gets.length = 0;
    core.documents = ['d2'];
    core.annotations = [];
    send(
      changed({
        documents: { put: [], removed: ['d1'] },
        annotations: { put: [], removed: [{ id: 'a1', documentId: 'd1' }] },
      }),
    );
    expect(await fetched()).toEqual(['documents.get']);
    expect(gets).toEqual(['d2']);
    expect(selectView(store.getState())?.document.id).toBe('d2');
  });

  it('applies a change again after an answer that was already on its way lands', async () => {
    const { sync, store, send, fetched, core } = setup();
    sync.start();
    await fetched();
    // The user opens d2; while its view is on its way, a highlight is made there.
    core.getDelays = [40];
    store.dispatch({ type: 'documents/opened', id: 'd2' });
    await sleep(10);
    const made = makeAnnotation('a5', 'd2');
    send(put(made));
    expect(await fetched()).toEqual(['documents.get']);
    expect(selectView(store.getState())?.annotations.map((a) => a.id)).toEqual(['a5']);
  });

  it('loads everything again after a reset (a repair)', async () => {
    const { sync, send, fetched } = setup();
    sync.start();
    await fetched();
    send(changed({ reset: true }));
    expect(await fetched()).toEqual([
      'codebook.get',
      'documents.get',
      'documents.list',
      'entities.list',
      'history.info',
      'links.list',
      'notes.list',
      'tags.list',
      'workspace.info',
    ]);
  });
});
