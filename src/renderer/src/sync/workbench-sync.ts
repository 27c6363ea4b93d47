// Keeps the store in step with the core: loads what the window needs when it opens, when
// the user opens another document or entity, and when a change event makes something
// stale (see refetch-plan.ts). Events that arrive together (one command sends several)
// are merged, so each answer is fetched once per change; a mutation's own answer is never
// used to refetch, the event that follows it is.
import type { WorkbenchApi, WorkbenchEvent } from '../../../shared/api';
import { selectCurrentDocumentId } from '../store/documents';
import type { Annotation } from '../../../shared/model';
import type { Action, State, WorkbenchStore } from '../store/index';
import { selectOpenEntityId } from '../store/selection';
import { showError } from '../store/ui';
import {
  compareAnnotations,
  emptyPlan,
  planRefetch,
  type Plan,
  type Resource,
} from './refetch-plan';

export interface WorkbenchSync {
  /** Loads everything and follows the store's open document and entity from then on. */
  start(): () => void;
  handleEvent(event: WorkbenchEvent): void;
  /** Resolves when no load or merged event is waiting (for tests and for callers that chain). */
  settled(): Promise<void>;
}

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export function createSync(
  api: WorkbenchApi,
  store: WorkbenchStore,
  /** How long to wait for the other events of the same change before refetching. */
  mergeDelayMs = 15,
): WorkbenchSync {
  const dispatch = (action: Action): void => store.dispatch(action);
  // The latest request per resource: an answer to an older one is dropped on arrival.
  const latest = new Map<Resource, number>();
  const inFlight = new Set<Promise<unknown>>();
  let pending: Plan | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let requested = { documentId: null as string | null, entityId: null as string | null };
  let viewsInFlight = 0;
  // The open document's highlights as last fetched from the core. Counts are compared
  // against these, not against the store's view, which commands may already have patched
  // with a mutation's own answer.
  let confirmed: { documentId: string; annotations: Map<string, Annotation> } | null = null;

  function track<T>(promise: Promise<T>): Promise<T> {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise)).catch(() => undefined);
    return promise;
  }

  async function fetchLatest<T>(
    resource: Resource,
    load: () => Promise<T>,
  ): Promise<T | undefined> {
    const ticket = (latest.get(resource) ?? 0) + 1;
    latest.set(resource, ticket);
    const value = await track(load());
    return latest.get(resource) === ticket ? value : undefined;
  }

  async function load(resource: Resource, compare?: ReadonlySet<string>): Promise<void> {
    const state = store.getState();
    try {
      switch (resource) {
        case 'info': {
          const info = await fetchLatest('info', () => api['workspace.info']({}));
          if (info) dispatch({ type: 'workspace/infoLoaded', info });
          return;
        }
        case 'documents': {
          const list = await fetchLatest('documents', () => api['documents.list']({}));
          if (list) dispatch({ type: 'documents/listLoaded', list });
          return;
        }
        case 'entities': {
          const list = await fetchLatest('entities', () => api['entities.list']({}));
          if (list) dispatch({ type: 'entities/listLoaded', list });
          return;
        }
        case 'notes': {
          const list = await fetchLatest('notes', () => api['notes.list']({}));
          if (list) dispatch({ type: 'notes/listLoaded', list });
          return;
        }
        case 'tags': {
          const list = await fetchLatest('tags', () => api['tags.list']({}));
          if (list) dispatch({ type: 'tags/listLoaded', list });
          return;
        }
        case 'history': {
          const info = await fetchLatest('history', () => api['history.info']({}));
          if (info) dispatch({ type: 'history/loaded', info });
          return;
        }
        case 'passages': {
          const entityId = selectOpenEntityId(state);
          if (entityId === null) return;
          const items = await fetchLatest('passages', () =>
            api['annotations.byEntity']({ entityId }),
          );
          if (items) dispatch({ type: 'entities/passagesLoaded', entityId, items });
          return;
        }
        case 'view':
          return await loadView(state, compare);
        case 'highlights':
          return await loadHighlights(state, compare);
      }
    } catch (error) {
      if (resource === 'view') {
        const id = selectCurrentDocumentId(state);
        if (id !== null) dispatch({ type: 'documents/viewFailed', id, message: message(error) });
      } else {
        dispatch(showError(message(error)));
      }
    }
  }

  async function loadView(state: State, compare?: ReadonlySet<string>): Promise<void> {
    const id = selectCurrentDocumentId(state);
    if (id === null) return;
    viewsInFlight++;
    let view;
    try {
      view = await fetchLatest('view', () => api['documents.get']({ id }));
    } finally {
      viewsInFlight--;
    }
    if (!view) return;
    const before = confirmed?.documentId === id ? [...confirmed.annotations.values()] : null;
    confirmed = { documentId: id, annotations: new Map(view.annotations.map((a) => [a.id, a])) };
    dispatch({ type: 'documents/viewLoaded', view });
    if (!compare?.size || before === null) return;
    // The counts in the library and the entities' usage follow from the highlights: fetch
    // them again only if highlights came or went, or their tags changed. Trade-off: if an
    // earlier reload already carried a change whose event had not yet arrived (possible
    // over HTTP, where events and answers travel apart), this comparison sees nothing and
    // the counts wait for the next change. (Whether IPC keeps them in order: not verified.)
    await followCounts(before, view.annotations, compare);
  }

  /** Patches the changed highlights into the open view; the whole view if it cannot. */
  async function loadHighlights(state: State, compare?: ReadonlySet<string>): Promise<void> {
    const id = selectCurrentDocumentId(state);
    const before = state.documents.view;
    const ids = [...(compare ?? [])];
    // A whole view on its way may predate this change: then only a new whole view is right.
    const patchable =
      id !== null &&
      before?.document.id === id &&
      confirmed?.documentId === id &&
      ids.length > 0 &&
      ids.length <= 1000;
    if (!patchable || viewsInFlight > 0) return loadView(state, compare);
    const passages = await fetchLatest('highlights', () => api['annotations.byIds']({ ids }));
    if (!passages || confirmed?.documentId !== id) return;
    const now = passages.map((p) => p.annotation).filter((a) => a.documentId === id);
    const was = ids.flatMap((i) => confirmed?.annotations.get(i) ?? []);
    for (const i of ids) confirmed.annotations.delete(i);
    for (const a of now) confirmed.annotations.set(a.id, a);
    dispatch({ type: 'documents/annotationsPatched', documentId: id, ids, annotations: now });
    await followCounts(was, now, ids);
  }

  /** The library's counts and the entities' usage, if the compared highlights changed them. */
  async function followCounts(
    before: readonly Annotation[],
    after: readonly Annotation[],
    ids: Iterable<string>,
  ): Promise<void> {
    const { countChanged, tagsChanged, freeTagsChanged } = compareAnnotations(
      before,
      after,
      new Set(ids),
    );
    const follow: Promise<void>[] = [];
    if (countChanged) follow.push(load('documents'));
    if (tagsChanged) follow.push(load('entities'));
    if (freeTagsChanged) follow.push(load('tags'));
    await Promise.all(follow);
  }

  function flush(): void {
    timer = undefined;
    const plan = pending;
    pending = null;
    if (!plan) return;
    if (plan.content) dispatch({ type: 'workspace/contentChanged' });
    const { resources } = plan;
    const documents = resources.has('documents') ? track(load('documents')) : undefined;
    for (const resource of resources) {
      if (resource !== 'documents' && resource !== 'view' && resource !== 'highlights')
        void track(load(resource));
    }
    // The whole view, when asked for, carries the changed highlights too.
    const part: Resource | null = resources.has('view')
      ? 'view'
      : resources.has('highlights')
        ? 'highlights'
        : null;
    if (part === null) return;
    // After the library: if the open document was deleted, the next one opens instead
    // (follow() loads it), rather than asking for a document that is gone.
    const before = selectCurrentDocumentId(store.getState());
    const view = async (): Promise<void> => {
      await documents;
      if (selectCurrentDocumentId(store.getState()) === before)
        await load(part, plan.compareAnnotations);
    };
    void track(view());
  }

  /** Loads the view and passages when the user opens another document or entity. */
  function follow(): void {
    const state = store.getState();
    const documentId = selectCurrentDocumentId(state);
    const entityId = selectOpenEntityId(state);
    if (documentId !== requested.documentId) {
      requested = { ...requested, documentId };
      void track(load('view'));
    }
    if (entityId !== requested.entityId) {
      requested = { ...requested, entityId };
      if (entityId !== null) void track(load('passages'));
    }
  }

  return {
    start() {
      const unsubscribe = store.subscribe(follow);
      for (const resource of ['info', 'documents', 'entities', 'history', 'notes', 'tags'] as const)
        void track(load(resource));
      follow();
      return () => {
        unsubscribe();
        if (timer !== undefined) clearTimeout(timer);
      };
    },
    handleEvent(event) {
      pending = planRefetch(event, store.getState(), pending ?? emptyPlan());
      timer ??= setTimeout(flush, mergeDelayMs);
    },
    async settled() {
      while (inFlight.size > 0 || timer !== undefined) {
        if (timer !== undefined) await new Promise((resolve) => setTimeout(resolve, mergeDelayMs));
        await Promise.allSettled([...inFlight]);
      }
    },
  };
}
