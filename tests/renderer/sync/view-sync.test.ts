// The view sync against a fake core: a view is read when it is first shown, once however
// many show it; read again when a change makes it stale, but only while it is on screen;
// an answer read before a change never lands; a failure is tried again when shown again;
// and each view's loader calls its one method with its query.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MethodName } from '../../../src/shared/api';
import { coreChanged } from '../../../src/renderer/src/store/changes';
import { createWorkbenchStore } from '../../../src/renderer/src/store/index';
import {
  selectViewEntry,
  VIEW_NAMES,
  type QueryOf,
  type ViewName,
} from '../../../src/renderer/src/store/views/index';
import { createViewSync } from '../../../src/renderer/src/sync/view-sync';
import { VIEW_LOADERS } from '../../../src/renderer/src/sync/view-loaders';
import { changed, fakeApi, type Handlers } from '../builders';
import { passage } from '../research-builders';

function setup(handlers: Handlers = {}) {
  const core = { passages: [passage('a1', 'd1', ['e1'])], delay: 0, fail: false };
  const { api, calls } = fakeApi({
    'annotations.byEntity': async () => {
      const answer = core.passages;
      await new Promise((resolve) => setTimeout(resolve, core.delay));
      if (core.fail) throw new Error('the workspace is closed');
      return answer;
    },
    'annotations.byTag': () => [],
    ...handlers,
  });
  const store = createWorkbenchStore();
  const views = createViewSync(api, store);
  const stop = views.start();
  const send = (event: ReturnType<typeof changed>): void => store.dispatch(coreChanged(event));
  const fetched = async (): Promise<MethodName[]> => {
    await views.settled();
    return calls.splice(0);
  };
  return { core, store, views, stop, send, fetched };
}

afterEach(() => vi.useRealTimers());

describe('createViewSync', () => {
  it('reads a view when it is first shown, once for two that show it', async () => {
    const { views, fetched, store } = setup();
    const a = views.watch('entityPassages', 'e1');
    const b = views.watch('entityPassages', 'e1');
    expect(await fetched()).toEqual(['annotations.byEntity']);
    expect(selectViewEntry(store.getState(), 'entityPassages', 'e1')?.data).toHaveLength(1);
    a();
    b();
    // Shown again, the answer in the store serves: nothing changed since.
    views.watch('entityPassages', 'e1');
    expect(await fetched()).toEqual([]);
  });

  it('reloads the open entity’s passages when its highlights change, and only then', async () => {
    const { views, core, send, fetched } = setup();
    views.watch('entityPassages', 'e1');
    expect(await fetched()).toEqual(['annotations.byEntity']);
    send(changed({ annotations: { put: [], removed: [] }, touchedEntities: ['e9'] }));
    expect(await fetched()).toEqual([]);
    send(
      changed({
        annotations: { put: [core.passages[0]!.annotation], removed: [] },
        touchedEntities: ['e1'],
      }),
    );
    expect(await fetched()).toEqual(['annotations.byEntity']);
  });

  it('leaves a stale view off screen until it is shown again', async () => {
    const { views, send, fetched, store } = setup();
    const hide = views.watch('entityPassages', 'e1');
    await fetched();
    hide();
    send(changed({ touchedEntities: ['e1'] }));
    expect(await fetched()).toEqual([]);
    expect(selectViewEntry(store.getState(), 'entityPassages', 'e1')?.stale).toBe(true);
    views.watch('entityPassages', 'e1');
    expect(await fetched()).toEqual(['annotations.byEntity']);
    expect(selectViewEntry(store.getState(), 'entityPassages', 'e1')?.stale).toBe(false);
  });

  it('drops an answer read before a change and shows the one read after', async () => {
    const { views, core, send, fetched, store } = setup();
    core.delay = 30;
    views.watch('entityPassages', 'e1');
    await new Promise((resolve) => setTimeout(resolve, 5));
    // The core answers as it was; the change lands before the answer does.
    core.passages = [passage('a1', 'd1', ['e1']), passage('a2', 'd1', ['e1'])];
    send(changed({ touchedEntities: ['e1'] }));
    expect(await fetched()).toEqual(['annotations.byEntity', 'annotations.byEntity']);
    const entry = selectViewEntry(store.getState(), 'entityPassages', 'e1');
    expect(entry?.data?.map((p) => p.annotation.id)).toEqual(['a1', 'a2']);
  });

  it('says why a view failed, and tries again when it is shown again', async () => {
    const { views, core, fetched, store } = setup();
    core.fail = true;
    const hide = views.watch('entityPassages', 'e1');
    expect(await fetched()).toEqual(['annotations.byEntity']);
    expect(selectViewEntry(store.getState(), 'entityPassages', 'e1')?.error).toContain(
      'the workspace is closed',
    );
    hide();
    core.fail = false;
    views.watch('entityPassages', 'e1');
    expect(await fetched()).toEqual(['annotations.byEntity']);
    expect(selectViewEntry(store.getState(), 'entityPassages', 'e1')?.error).toBeUndefined();
  });

  it('verifies again each time the check is shown', async () => {
    const report = {
      documents: 1,
      highlights: 0,
      confirmed: 0,
      unconfirmed: 0,
      unhashed: 0,
      mismatches: [],
      custodyLines: 0,
    };
    const { views, fetched } = setup({ 'workspace.verify': () => report });
    views.watch('verification', 'all')();
    expect(await fetched()).toEqual(['workspace.verify']);
    views.watch('verification', 'all');
    expect(await fetched()).toEqual(['workspace.verify']);
  });

  it('asks for the index’s progress while it moves and it is shown, then stops', async () => {
    vi.useFakeTimers();
    let indexed = 0;
    const { views, fetched } = setup({
      'search.status': () => ({ indexed: (indexed += 5), total: 10, complete: indexed >= 10 }),
    });
    const hide = views.watch('indexStatus', 'all');
    expect(await fetched()).toEqual(['search.status']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await fetched()).toEqual(['search.status']);
    // Complete: no more asking.
    await vi.advanceTimersByTimeAsync(5000);
    expect(await fetched()).toEqual([]);
    hide();
  });

  it('stops asking for progress once nothing shows it', async () => {
    vi.useFakeTimers();
    const { views, fetched } = setup({
      'search.status': () => ({ indexed: 1, total: 10, complete: false }),
    });
    const hide = views.watch('indexStatus', 'all');
    expect(await fetched()).toEqual(['search.status']);
    hide();
    await vi.advanceTimersByTimeAsync(5000);
    expect(await fetched()).toEqual([]);
  });
});

/** A query for each view and the one call its loader must make. */
const LOADS: { [V in ViewName]: [QueryOf<V>, MethodName, unknown] } = {
  dossier: ['e1', 'entities.dossier', { id: 'e1' }],
  cooccurrence: [
    { scope: 'paragraph', types: ['person'], minCount: 2 },
    'analysis.cooccurrence',
    { scope: 'paragraph', types: ['person'], minCount: 2 },
  ],
  connections: [
    { a: 'e1', b: 'e2', scope: 'document' },
    'analysis.connections',
    { a: 'e1', b: 'e2', scope: 'document' },
  ],
  timeline: ['all', 'events.timeline', {}],
  entityPassages: ['e1', 'annotations.byEntity', { entityId: 'e1' }],
  tagged: ['trial', 'annotations.byTag', { tag: 'trial' }],
  linkedHighlights: [['a1', 'a2'], 'annotations.byIds', { ids: ['a1', 'a2'] }],
  mentions: ['e1', 'mentions.find', { entityId: 'e1' }],
  allMentions: ['all', 'mentions.findAll', {}],
  candidates: [12, 'mentions.candidates', { limit: 12 }],
  search: [
    { query: 'evin', kinds: ['note'], limit: 5 },
    'search.query',
    { query: 'evin', kinds: ['note'], limit: 5 },
  ],
  mergePreview: [
    { targetId: 'e1', sourceId: 'e2' },
    'entities.mergePreview',
    { targetId: 'e1', sourceIds: ['e2'] },
  ],
  dateSuggestions: ['e1', 'events.suggestDates', { id: 'e1' }],
  verification: ['all', 'workspace.verify', {}],
  annotationsPreview: [{ token: 'f:1', json: '[]' }, 'annotations.importPreview', { json: '[]' }],
  indexStatus: ['all', 'search.status', {}],
  original: [{ id: 'd1', sha256: 'a'.repeat(64) }, 'documents.original', { id: 'd1' }],
  originalPage: [{ id: 'd1', sha256: 'a'.repeat(64) }, 'documents.originalPage', { id: 'd1' }],
  bibliography: [
    { documentIds: ['d1'], style: 'apa', locale: 'en-US' },
    'export.bibliography',
    { documentIds: ['d1'], style: 'apa', locale: 'en-US' },
  ],
  media: [
    { id: 'd1', sha256: 'b'.repeat(64) },
    'documents.media',
    { id: 'd1', sha256: 'b'.repeat(64) },
  ],
};

describe('the view loaders', () => {
  it.each(VIEW_NAMES)('%s asks its one method with its query', async (view) => {
    const [query, method, input] = LOADS[view];
    const seen: unknown[] = [];
    const { api, calls } = fakeApi({ [method]: (i: unknown) => (seen.push(i), 'answer') });
    const load = VIEW_LOADERS[view] as (a: typeof api, q: unknown) => Promise<unknown>;
    expect(await load(api, query)).toBe('answer');
    expect(calls).toEqual([method]);
    expect(seen).toEqual([input]);
  });
});
