// Keeps the store in step with the core. The window loads what it shows when it opens and
// when the user opens another document or entity; after that, every change event carries
// the records that changed, which the store applies as they are (see store/changes.ts).
// Only what an event cannot carry is asked for again: everything after a reset (a repair),
// and the passages of an open entity whose highlights (or their documents' titles) changed. An event that arrives while
// an answer is on its way is applied again once the answer lands, so an answer that
// predates the change cannot undo it.
import type { WorkbenchApi, WorkbenchEvent } from '../../../shared/api';
import { coreChanged } from '../store/changes';
import { selectCurrentDocumentId } from '../store/documents';
import type { Action, WorkbenchStore } from '../store/index';
import { selectOpenEntityId } from '../store/selection';
import { showError } from '../store/ui';

export interface WorkbenchSync {
  /** Loads everything and follows the store's open document and entity from then on. */
  start(): () => void;
  handleEvent(event: WorkbenchEvent): void;
  /** Resolves when no load is waiting (for tests and for callers that chain). */
  settled(): Promise<void>;
}

type Resource =
  'info' | 'documents' | 'entities' | 'notes' | 'tags' | 'history' | 'codebook' | 'links';
const LISTS: Resource[] = [
  'info',
  'documents',
  'entities',
  'history',
  'notes',
  'tags',
  'codebook',
  'links',
];

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export function createSync(api: WorkbenchApi, store: WorkbenchStore): WorkbenchSync {
  const dispatch = (action: Action): void => store.dispatch(action);
  // The latest request per resource: an answer to an older one is dropped on arrival.
  const latest = new Map<string, number>();
  const inFlight = new Set<Promise<unknown>>();
  /** Events received while any answer is on its way, applied again after each lands. */
  let recent: WorkbenchEvent[] = [];
  let requested = { documentId: null as string | null, entityId: null as string | null };

  /** Loads one thing; its answer is dispatched, then the events it may predate again. */
  async function fetchLatest<T>(
    resource: string,
    load: () => Promise<T>,
    land: (value: T) => Action,
  ): Promise<void> {
    const ticket = (latest.get(resource) ?? 0) + 1;
    latest.set(resource, ticket);
    const promise = load();
    inFlight.add(promise);
    try {
      const value = await promise;
      if (latest.get(resource) !== ticket) return;
      dispatch(land(value));
      for (const event of recent) dispatch(coreChanged(event));
    } finally {
      inFlight.delete(promise);
      if (inFlight.size === 0) recent = [];
    }
  }

  const failed =
    (then?: (error: unknown) => void) =>
    (error: unknown): void =>
      then ? then(error) : dispatch(showError(message(error)));

  function load(resource: Resource): Promise<void> {
    const run = (): Promise<void> => {
      switch (resource) {
        case 'info':
          return fetchLatest(
            'info',
            () => api['workspace.info']({}),
            (info) => ({
              type: 'workspace/infoLoaded',
              info,
            }),
          );
        case 'documents':
          return fetchLatest(
            'documents',
            () => api['documents.list']({}),
            (list) => ({
              type: 'documents/listLoaded',
              list,
            }),
          );
        case 'entities':
          return fetchLatest(
            'entities',
            () => api['entities.list']({}),
            (list) => ({
              type: 'entities/listLoaded',
              list,
            }),
          );
        case 'notes':
          return fetchLatest(
            'notes',
            () => api['notes.list']({}),
            (list) => ({
              type: 'notes/listLoaded',
              list,
            }),
          );
        case 'tags':
          return fetchLatest(
            'tags',
            () => api['tags.list']({}),
            (list) => ({
              type: 'tags/listLoaded',
              list,
            }),
          );
        case 'codebook':
          return fetchLatest(
            'codebook',
            () => api['codebook.get']({}),
            (codebook) => ({ type: 'codebook/loaded', codebook }),
          );
        case 'links':
          return fetchLatest(
            'links',
            () => api['links.list']({}),
            (links) => ({ type: 'links/loaded', links }),
          );
        case 'history':
          return fetchLatest(
            'history',
            () => api['history.info']({}),
            (info) => ({
              type: 'history/loaded',
              info,
            }),
          );
      }
    };
    return run().catch(failed());
  }

  function loadView(): Promise<void> {
    const id = selectCurrentDocumentId(store.getState());
    if (id === null) return Promise.resolve();
    return fetchLatest(
      'view',
      () => api['documents.get']({ id }),
      (view) => ({
        type: 'documents/viewLoaded',
        view,
      }),
    ).catch(
      failed((error) => dispatch({ type: 'documents/viewFailed', id, message: message(error) })),
    );
  }

  function loadPassages(): Promise<void> {
    const entityId = selectOpenEntityId(store.getState());
    if (entityId === null) return Promise.resolve();
    return fetchLatest(
      'passages',
      () => api['annotations.byEntity']({ entityId }),
      (items) => ({ type: 'entities/passagesLoaded', entityId, items }),
    ).catch(failed());
  }

  /** Loads the view and passages when the user opens another document or entity. */
  function follow(): void {
    const state = store.getState();
    const documentId = selectCurrentDocumentId(state);
    const entityId = selectOpenEntityId(state);
    if (documentId !== requested.documentId) {
      requested = { ...requested, documentId };
      void loadView();
    }
    if (entityId !== requested.entityId) {
      requested = { ...requested, entityId };
      if (entityId !== null) void loadPassages();
    }
  }

  return {
    start() {
      const unsubscribe = store.subscribe(follow);
      for (const resource of LISTS) void load(resource);
      follow();
      return unsubscribe;
    },
    handleEvent(event) {
      if (event.reset) {
        // Repaired or reopened: anything may have changed.
        dispatch({ type: 'workspace/contentChanged' });
        for (const resource of LISTS) void load(resource);
        void loadView();
        void loadPassages();
        return;
      }
      if (inFlight.size > 0) recent.push(event);
      dispatch(coreChanged(event));
      const entityId = selectOpenEntityId(store.getState());
      if (
        entityId !== null &&
        (event.touchedEntities.includes(entityId) || event.documentRecords.length > 0)
      )
        void loadPassages();
    },
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
