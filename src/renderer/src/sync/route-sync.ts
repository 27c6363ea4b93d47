// Keeps the window's address and the store in step: the address names what is open (see
// lib/route.ts), so reloading, or opening a copied link, brings the user back to it; and a
// new window opens where the user last was. A link is applied once the library has
// loaded, and only if what it names is in this workspace.
import { formatRoute, parseRoute, type Route } from '../lib/route';
import { selectCurrentDocumentId } from '../store/documents';
import type { WorkbenchStore, State } from '../store/index';
import { openNote } from '../store/notes';
import { showEntity } from '../store/selection';
import { showToast } from '../store/ui';
import type { WorkbenchCommands } from '../workbench/commands';

const PLACE_KEY = 'workbench.place';

/** What the window shows, as a route. */
export function routeOf(state: State): Route | null {
  const panel = state.selection.panel;
  const documentId = selectCurrentDocumentId(state);
  if (state.research.view === 'notes' && state.notes.openId)
    return { type: 'note', noteId: state.notes.openId };
  if (panel?.type === 'entity') return { type: 'entity', entityId: panel.id };
  if (panel?.type === 'annotation' && documentId)
    return { type: 'highlight', documentId, annotationId: panel.id };
  return documentId ? { type: 'document', documentId } : null;
}

/** Opens what a route names; says so when it names a document this workspace lacks. */
export function applyRoute(
  route: Route,
  store: WorkbenchStore,
  commands: Pick<WorkbenchCommands, 'openDocument' | 'showHighlight'>,
): void {
  const list = store.getState().documents.list ?? [];
  const known = (id: string): boolean => list.some((d) => d.id === id && !d.problem);
  switch (route.type) {
    case 'document':
    case 'highlight':
      if (!known(route.documentId)) {
        store.dispatch(showToast('That link is to a document that is not in this workspace.'));
        return;
      }
      if (route.type === 'document') commands.openDocument(route.documentId);
      else commands.showHighlight({ id: route.annotationId, documentId: route.documentId });
      return;
    case 'entity':
      store.dispatch(showEntity(route.entityId));
      return;
    case 'note':
      store.dispatch(openNote(route.noteId));
      return;
  }
}

interface Place {
  hash: string;
  setHash: (hash: string) => void;
  onHashChange: (listener: () => void) => () => void;
  load: () => string | null;
  save: (hash: string) => void;
}

export function windowPlace(): Place {
  return {
    get hash() {
      return window.location.hash;
    },
    // Replacing, not pushing: every click is not a step for the Back button.
    setHash: (hash) => window.history.replaceState(null, '', hash),
    onHashChange: (listener) => {
      window.addEventListener('hashchange', listener);
      return () => window.removeEventListener('hashchange', listener);
    },
    load: () => {
      try {
        return window.localStorage.getItem(PLACE_KEY);
      } catch {
        return null;
      }
    },
    save: (hash) => {
      try {
        window.localStorage.setItem(PLACE_KEY, hash);
      } catch {
        // Not remembered: the address still holds it for this window.
      }
    },
  };
}

export function followRoutes(
  store: WorkbenchStore,
  commands: Pick<WorkbenchCommands, 'openDocument' | 'showHighlight'>,
  place: Place = windowPlace(),
): () => void {
  // The address wins over the remembered place; either waits for the library.
  const fromAddress = parseRoute(place.hash);
  let waiting: Route | null = fromAddress ?? parseRoute(place.load() ?? '');
  let silent = !fromAddress; // a remembered place that is gone is not worth a message
  let written: string | null = null;

  const onChange = (): void => {
    const state = store.getState();
    if (state.documents.list === undefined) return;
    if (waiting) {
      const route = waiting;
      waiting = null;
      const list = state.documents.list;
      const gone =
        (route.type === 'document' || route.type === 'highlight') &&
        !list.some((d) => d.id === route.documentId);
      if (!(gone && silent)) applyRoute(route, store, commands);
      silent = false;
      return;
    }
    const route = routeOf(store.getState());
    if (!route) return;
    // Written only when what is open changes: an unrelated change arriving between the
    // user's new address and its hashchange event must not write the old place back.
    const hash = formatRoute(route);
    if (hash === written) return;
    written = hash;
    if (hash === place.hash) return;
    place.setHash(hash);
    place.save(hash);
  };

  const stopStore = store.subscribe(onChange);
  const stopHash = place.onHashChange(() => {
    const route = parseRoute(place.hash);
    const current = routeOf(store.getState());
    if (route && (!current || formatRoute(current) !== formatRoute(route)))
      applyRoute(route, store, commands);
  });
  onChange();
  return () => {
    stopStore();
    stopHash();
  };
}
