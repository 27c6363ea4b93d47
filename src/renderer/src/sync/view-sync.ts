// Loads the derived views that are on screen. A component watches a view with its query
// (hooks/use-view.ts) while it shows it; the view is asked for when first watched, and again
// whenever a change event made it stale (store/views/view-cache.ts marks it) while it is
// watched. A stale view off screen waits until it is shown again, so a change costs only
// the reads of what the user is looking at.
import type { WorkbenchApi } from '../../../shared/api';
import type { WorkbenchStore } from '../store/index';
import {
  selectViewEntry,
  VIEW_SPECS,
  viewFailed,
  viewLoaded,
  viewRequested,
  type QueryOf,
  type ViewName,
} from '../store/views/index';
import { VIEW_LOADERS, type ViewLoaders } from './view-loaders';

export interface ViewSync {
  /** Shows `view` for `query` until the returned function is called. */
  watch<V extends ViewName>(view: V, query: QueryOf<V>): () => void;
  /** Starts following the store; returns how to stop. */
  start(): () => void;
  /** Resolves when no answer is on its way (for tests and callers that chain). */
  settled(): Promise<void>;
}

interface Watch {
  /** Asks for the view again. */
  load: () => void;
  /** Whether the store has no answer for it, or only a stale one with none on its way. */
  wanted: () => boolean;
  count: number;
  timer?: ReturnType<typeof setTimeout>;
}

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export function createViewSync(
  api: WorkbenchApi,
  store: WorkbenchStore,
  loaders: ViewLoaders = VIEW_LOADERS,
): ViewSync {
  const watched = new Map<string, Watch>();
  const inFlight = new Set<Promise<unknown>>();
  let tickets = 0;

  function load<V extends ViewName>(view: V, query: QueryOf<V>, id: string): void {
    const ticket = ++tickets;
    const key = VIEW_SPECS[view].key(query);
    store.dispatch(viewRequested(view, query, ticket));
    const promise = loaders[view](api, query).then(
      (data) => {
        store.dispatch(viewLoaded(view, key, ticket, data));
        // Progress that moves by itself (the index being built) is asked for again while shown.
        const after = VIEW_SPECS[view].refreshAfter?.(data);
        const watch = watched.get(id);
        if (after === undefined || !watch || watch.timer) return;
        watch.timer = setTimeout(() => {
          watch.timer = undefined;
          if (watched.get(id) === watch) watch.load();
        }, after);
      },
      (error: unknown) => store.dispatch(viewFailed(view, key, ticket, message(error))),
    );
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise));
  }

  /** Asks again for every watched view that is missing or stale and not on its way. */
  function check(): void {
    for (const watch of watched.values()) if (watch.wanted()) watch.load();
  }

  return {
    watch(view, query) {
      const id = `${view}\u0000${VIEW_SPECS[view].key(query)}`;
      const entry = () => selectViewEntry(store.getState(), view, query);
      const watch: Watch = watched.get(id) ?? {
        load: () => load(view, query, id),
        wanted: () => {
          const now = entry();
          return !now || (now.stale && now.pending === null);
        },
        count: 0,
      };
      watch.count += 1;
      watched.set(id, watch);
      const now = entry();
      // A view that failed is tried again when it is shown again, and so are one that reads
      // what no event reports and progress that moves by itself.
      const spec = VIEW_SPECS[view];
      const again =
        watch.count === 1 &&
        now?.pending === null &&
        (now.error !== undefined ||
          spec.askWhenShown === true ||
          (now.data !== undefined && spec.refreshAfter?.(now.data) !== undefined));
      if (again || watch.wanted()) watch.load();
      return () => {
        watch.count -= 1;
        if (watch.count > 0) return;
        clearTimeout(watch.timer);
        watched.delete(id);
      };
    },
    start() {
      return store.subscribe(check);
    },
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
