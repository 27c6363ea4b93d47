// Keeps the store's lists in step with the core. The window loads the workspace's lists
// when it opens and the open document's view when the user opens another; after that,
// every change event carries the records that changed, which the store applies as they are
// (see store/changes.ts). Only a reset (a repair) asks for everything again. An event that
// arrives while an answer is on its way is applied again once the answer lands, so an
// answer that predates the change cannot undo it. Derived views (dossier, search, …) are
// loaded by view-sync.ts, for what is on screen.
import type { WorkbenchApi, WorkbenchEvent } from '../../../shared/api';
import { coreChanged } from '../store/changes';
import { selectCurrentDocumentId } from '../store/documents';
import type { Action, WorkbenchStore } from '../store/index';
import { showError } from '../store/ui';

export interface WorkbenchSync {
  /** Loads everything and follows the store's open document from then on. */
  start(): () => void;
  handleEvent(event: WorkbenchEvent): void;
  /** Resolves when no load is waiting (for tests and for callers that chain). */
  settled(): Promise<void>;
}

/** The lists the window holds from the start, each read once and then kept by events. */
const LISTS: Record<string, (api: WorkbenchApi) => Promise<Action>> = {
  info: async (api) => ({ type: 'workspace/infoLoaded', info: await api['workspace.info']({}) }),
  documents: async (api) => ({
    type: 'documents/listLoaded',
    list: await api['documents.list']({}),
  }),
  entities: async (api) => ({
    type: 'entities/listLoaded',
    list: await api['entities.list']({}),
  }),
  history: async (api) => ({ type: 'history/loaded', info: await api['history.info']({}) }),
  notes: async (api) => ({ type: 'notes/listLoaded', list: await api['notes.list']({}) }),
  tags: async (api) => ({ type: 'tags/listLoaded', list: await api['tags.list']({}) }),
  codebook: async (api) => ({ type: 'codebook/loaded', codebook: await api['codebook.get']({}) }),
  links: async (api) => ({ type: 'links/loaded', links: await api['links.list']({}) }),
};

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export function createSync(api: WorkbenchApi, store: WorkbenchStore): WorkbenchSync {
  const dispatch = (action: Action): void => store.dispatch(action);
  // The latest request per resource: an answer to an older one is dropped on arrival.
  const latest = new Map<string, number>();
  const inFlight = new Set<Promise<unknown>>();
  /** Events received while any answer is on its way, applied again after each lands. */
  let recent: WorkbenchEvent[] = [];
  let requestedDocument: string | null = null;

  /** Loads one thing; its answer is dispatched, then the events it may predate again. */
  async function fetchLatest(resource: string, load: () => Promise<Action>): Promise<void> {
    const ticket = (latest.get(resource) ?? 0) + 1;
    latest.set(resource, ticket);
    const promise = load();
    inFlight.add(promise);
    try {
      const action = await promise;
      if (latest.get(resource) !== ticket) return;
      dispatch(action);
      for (const event of recent) dispatch(coreChanged(event));
    } finally {
      inFlight.delete(promise);
      if (inFlight.size === 0) recent = [];
    }
  }

  const loadLists = (): void => {
    for (const [resource, load] of Object.entries(LISTS))
      void fetchLatest(resource, () => load(api)).catch((error: unknown) =>
        dispatch(showError(message(error))),
      );
  };

  function loadView(): Promise<void> {
    const id = selectCurrentDocumentId(store.getState());
    if (id === null) return Promise.resolve();
    return fetchLatest('view', async () => ({
      type: 'documents/viewLoaded',
      view: await api['documents.get']({ id }),
    })).catch((error: unknown) =>
      dispatch({ type: 'documents/viewFailed', id, message: message(error) }),
    );
  }

  /** Loads the view when the user opens another document. */
  function follow(): void {
    const documentId = selectCurrentDocumentId(store.getState());
    if (documentId === requestedDocument) return;
    requestedDocument = documentId;
    void loadView();
  }

  return {
    start() {
      const unsubscribe = store.subscribe(follow);
      loadLists();
      follow();
      return unsubscribe;
    },
    handleEvent(event) {
      if (event.reset) {
        // Repaired or reopened: anything may have changed. The event marks every derived
        // view stale; the lists and the open document are asked for again.
        dispatch(coreChanged(event));
        loadLists();
        void loadView();
        return;
      }
      if (inFlight.size > 0) recent.push(event);
      dispatch(coreChanged(event));
    },
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
