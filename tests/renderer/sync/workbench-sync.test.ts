// The sync against a fake core: what is fetched when the window opens and after each kind
// of change, counted call by call, so a change that refetches too much fails here.
import { describe, expect, it } from 'vitest';
import type { Input, WorkbenchEvent } from '../../../src/shared/api';
import type { Annotation, Note } from '../../../src/shared/model';
import { createWorkbenchStore } from '../../../src/renderer/src/store/index';
import { selectView } from '../../../src/renderer/src/store/documents';
import { createSync } from '../../../src/renderer/src/sync/workbench-sync';
import { entity, fakeApi, listItem, makeAnnotation, makeView, note } from '../builders';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A core with two documents; tests change `annotations` and send the events it would. */
function setup() {
  const core = {
    documents: ['d1', 'd2'],
    annotations: [makeAnnotation('a1', 'd1')] as Annotation[],
    notes: [] as Note[],
    /** How long each next documents.get or annotations.byIds takes, in ms (answered as of the call). */
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
    'annotations.byIds': async ({ ids }: Input<'annotations.byIds'>) => {
      const found = ids
        .map((id) => core.annotations.find((a) => a.id === id))
        .filter((a) => a !== undefined)
        .map((annotation) => ({ annotation, documentTitle: `Document ${annotation.documentId}` }));
      await sleep(core.getDelays.shift() ?? 0);
      return found;
    },
    'entities.list': () => [
      entity('e1', core.annotations.filter((a) => a.entityIds.includes('e1')).length),
    ],
    'history.info': () => ({ canUndo: true, canRedo: false, undoLabel: 'Edit highlight' }),
    'notes.list': () => core.notes,
    'tags.list': () => {
      const counts = new Map<string, number>();
      for (const a of core.annotations)
        for (const t of a.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
      return [...counts].map(([tag, count]) => ({ tag, count }));
    },
  });
  const store = createWorkbenchStore();
  const sync = createSync(api, store, 1);
  const send = (...events: WorkbenchEvent[]): void => events.forEach((e) => sync.handleEvent(e));
  const fetched = async (): Promise<string[]> => {
    await sync.settled();
    const made = calls.splice(0);
    return made.sort();
  };
  return { core, store, sync, send, fetched, gets };
}

const history: WorkbenchEvent = { type: 'changed', topic: 'history', ids: [] };
const annotations = (ids: string[], documentIds = ['d1']): WorkbenchEvent => ({
  type: 'changed',
  topic: 'annotations',
  ids,
  documentIds,
});

describe('createSync', () => {
  it('loads the workspace once when the window opens, then the first document', async () => {
    const { sync, store, fetched } = setup();
    sync.start();
    expect(await fetched()).toEqual([
      'documents.get',
      'documents.list',
      'entities.list',
      'history.info',
      'notes.list',
      'tags.list',
      'workspace.info',
    ]);
    expect(selectView(store.getState())?.annotations.map((a) => a.id)).toEqual(['a1']);
  });

  it('fetches only the changed highlight and the history when a highlight’s note is saved', async () => {
    const { sync, core, send, fetched } = setup();
    sync.start();
    await fetched();
    core.annotations = [{ ...core.annotations[0]!, note: 'Confirmed by two witnesses.' }];
    send(annotations(['a1']), history);
    expect(await fetched()).toEqual(['annotations.byIds', 'history.info']);
  });

  it('refetches the entities’ usage, not the library, when a highlight is tagged', async () => {
    const { sync, core, send, fetched, store } = setup();
    sync.start();
    await fetched();
    core.annotations = [{ ...core.annotations[0]!, entityIds: ['e1'] }];
    send(annotations(['a1']), history);
    expect(await fetched()).toEqual(['annotations.byIds', 'entities.list', 'history.info']);
    expect(store.getState().entities.list?.[0]?.usage).toBe(1);
  });

  it('refetches the tag list, and nothing else, when a highlight gains a free-text tag', async () => {
    const { sync, core, send, fetched, store } = setup();
    sync.start();
    await fetched();
    core.annotations = [{ ...core.annotations[0]!, tags: ['trial'] }];
    send(annotations(['a1']), history);
    expect(await fetched()).toEqual(['annotations.byIds', 'history.info', 'tags.list']);
    expect(store.getState().tags.list).toEqual([{ tag: 'trial', count: 1 }]);
  });

  it('reloads the notes, and only them, on a notes event', async () => {
    const { sync, core, send, fetched, store } = setup();
    sync.start();
    await fetched();
    core.notes = [note('n1', 'Transferred to [[Evin prison]]')];
    send({ type: 'changed', topic: 'notes', ids: ['n1'] }, history);
    expect(await fetched()).toEqual(['history.info', 'notes.list']);
    expect(store.getState().notes.list?.map((n) => n.id)).toEqual(['n1']);
  });

  it('refetches the library’s counts when a highlight is added', async () => {
    const { sync, core, send, fetched, store } = setup();
    sync.start();
    await fetched();
    core.annotations = [...core.annotations, makeAnnotation('a2', 'd1', [], [14, 20])];
    send(annotations(['a2']), history);
    expect(await fetched()).toEqual(['annotations.byIds', 'documents.list', 'history.info']);
    expect(store.getState().documents.list?.[0]?.annotationCount).toBe(2);
  });

  it('still refetches the counts when a command has already shown the new highlight', async () => {
    const { sync, core, send, fetched, store } = setup();
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
    expect(selectView(store.getState())?.annotations.map((a) => a.id)).toEqual(['a1', 'a2']);
    core.annotations = [...core.annotations, added];
    send(annotations(['a2']), history);
    expect(await fetched()).toEqual(['annotations.byIds', 'documents.list', 'history.info']);
    expect(store.getState().documents.list?.[0]?.annotationCount).toBe(2);
  });

  it('opens the next document when the open one is deleted, never asking for the deleted one', async () => {
    const { sync, core, send, fetched, gets, store } = setup();
    sync.start();
    await fetched();
    gets.length = 0;
    core.documents = ['d2'];
    core.annotations = [];
    send({ type: 'changed', topic: 'documents', ids: ['d1'] }, history);
    expect(await fetched()).toEqual([
      'documents.get',
      'documents.list',
      'entities.list',
      'history.info',
      'tags.list',
    ]);
    expect(gets).toEqual(['d2']);
    expect(selectView(store.getState())?.document.id).toBe('d2');
  });

  it('keeps the newest answer when an older request answers last', async () => {
    const { sync, store, send, fetched, core } = setup();
    sync.start();
    await fetched();
    core.getDelays = [40, 0];
    core.annotations = [{ ...core.annotations[0]!, note: 'first' }];
    send(annotations(['a1']));
    await sleep(10);
    core.annotations = [{ ...core.annotations[0]!, note: 'second' }];
    send(annotations(['a1']));
    await fetched();
    expect(selectView(store.getState())?.annotations[0]?.note).toBe('second');
  });

  it('patches a deleted highlight out of the view, and reloads the whole view when one is on its way', async () => {
    const { sync, store, send, fetched, core } = setup();
    sync.start();
    await fetched();
    core.annotations = [];
    send(annotations(['a1']));
    expect(await fetched()).toEqual(['annotations.byIds', 'documents.list']);
    expect(selectView(store.getState())?.annotations).toEqual([]);
    // A highlight of the open document and another document's in one change: whole view.
    core.annotations = [makeAnnotation('a3', 'd1')];
    send(annotations(['a3', 'a9'], ['d1', 'd2']));
    const made = await fetched();
    expect(made).toContain('documents.get');
    expect(made).not.toContain('annotations.byIds');
    expect(selectView(store.getState())?.annotations.map((a) => a.id)).toEqual(['a3']);
  });
});
