// The derived views of the store, one row each: what a view is asked with (its query),
// what the core answers (its data) and the module that keys and invalidates it. A new view
// is a row here, its module beside this file, and its loader in sync/view-loaders.ts; the
// reducer below treats them all alike (see view-cache.ts).
import type { OriginalView, WorkbenchEvent } from '../../../../shared/api';
import type { AnnotationsPreview, EntityPassage } from '../../../../shared/methods/annotations';
import type { Cooccurrence } from '../../../../shared/methods/analysis';
import type { FormattedBibliography } from '../../../../shared/methods/export';
import type { Dossier, MergePreview } from '../../../../shared/methods/entities';
import type { DateSuggestion, TimelineEvent } from '../../../../shared/methods/events';
import type { AllMentions, Candidate, Mention } from '../../../../shared/methods/mentions';
import type { SearchResult } from '../../../../shared/methods/search';
import type { VerifyReport } from '../../../../shared/methods/workspace';
import type { PageRendering } from '../../../../shared/page-tree';
import type { Action, State } from '../index';
import type { CooccurrenceSettings } from '../research';
import { bibliographyView, type BibliographyQuery } from './bibliography';
import { connectionsView, cooccurrenceView, type Pair } from './cooccurrence';
import { dossierView } from './dossier';
import { dateSuggestionsView, mergePreviewView, type MergePair } from './entity-tools';
import { allMentionsView, candidatesView, mentionsView, type AllMentionsQuery } from './mentions';
import { entityPassagesView, linkedHighlightsView, taggedView } from './passages';
import { mediaView, originalPageView, originalView, type OriginalQuery } from './originals';
import { searchView, type SearchQuery } from './search';
import { timelineView, type TimelineQuery } from './timeline';
import {
  annotationsPreviewView,
  indexStatusView,
  verificationView,
  type AnnotationsFile,
  type IndexStatus,
  type WholeWorkspace,
} from './workspace-checks';
import {
  failed,
  invalidated,
  landed,
  requested,
  type ViewCache,
  type ViewEntry,
  type ViewSpec,
} from './view-cache';

export interface ViewTypes {
  dossier: { query: string; data: Dossier };
  cooccurrence: { query: CooccurrenceSettings; data: Cooccurrence };
  connections: { query: Pair; data: EntityPassage[] };
  timeline: { query: TimelineQuery; data: TimelineEvent[] };
  entityPassages: { query: string; data: EntityPassage[] };
  tagged: { query: string; data: EntityPassage[] };
  linkedHighlights: { query: readonly string[]; data: EntityPassage[] };
  mentions: { query: string; data: Mention[] };
  allMentions: { query: AllMentionsQuery; data: AllMentions };
  candidates: { query: number; data: Candidate[] };
  search: { query: SearchQuery; data: SearchResult };
  mergePreview: { query: MergePair; data: MergePreview };
  dateSuggestions: { query: string; data: DateSuggestion[] };
  verification: { query: WholeWorkspace; data: VerifyReport };
  annotationsPreview: { query: AnnotationsFile; data: AnnotationsPreview };
  indexStatus: { query: WholeWorkspace; data: IndexStatus };
  original: { query: OriginalQuery; data: OriginalView };
  originalPage: { query: OriginalQuery; data: PageRendering };
  media: { query: OriginalQuery; data: { dataUrl: string } };
  bibliography: { query: BibliographyQuery; data: FormattedBibliography };
}

export type ViewName = keyof ViewTypes;
export type QueryOf<V extends ViewName> = ViewTypes[V]['query'];
export type DataOf<V extends ViewName> = ViewTypes[V]['data'];

export const VIEW_SPECS: { [V in ViewName]: ViewSpec<QueryOf<V>, DataOf<V>> } = {
  dossier: dossierView,
  cooccurrence: cooccurrenceView,
  connections: connectionsView,
  timeline: timelineView,
  entityPassages: entityPassagesView,
  tagged: taggedView,
  linkedHighlights: linkedHighlightsView,
  mentions: mentionsView,
  allMentions: allMentionsView,
  candidates: candidatesView,
  search: searchView,
  mergePreview: mergePreviewView,
  dateSuggestions: dateSuggestionsView,
  verification: verificationView,
  annotationsPreview: annotationsPreviewView,
  indexStatus: indexStatusView,
  original: originalView,
  originalPage: originalPageView,
  media: mediaView,
  bibliography: bibliographyView,
};

export const VIEW_NAMES = Object.keys(VIEW_SPECS) as ViewName[];

export type ViewsState = { [V in ViewName]: ViewCache<QueryOf<V>, DataOf<V>> };

type ViewActionOf<V extends ViewName> =
  | { type: 'views/requested'; view: V; query: QueryOf<V>; ticket: number }
  | { type: 'views/loaded'; view: V; key: string; ticket: number; data: DataOf<V> }
  | { type: 'views/failed'; view: V; key: string; ticket: number; message: string };

export type ViewsAction = { [V in ViewName]: ViewActionOf<V> }[ViewName];

export const initialViews = Object.fromEntries(VIEW_NAMES.map((v) => [v, {}])) as ViewsState;

function invalidateAll(state: ViewsState, event: WorkbenchEvent): ViewsState {
  let next: ViewsState | undefined;
  for (const view of VIEW_NAMES) {
    const cache = state[view];
    const after = invalidated(VIEW_SPECS[view] as ViewSpec<unknown, unknown>, cache, event);
    if (after === cache) continue;
    next ??= { ...state };
    (next as Record<ViewName, unknown>)[view] = after;
  }
  return next ?? state;
}

export function viewsReducer(state: ViewsState, action: Action): ViewsState {
  if (action.type === 'core/changed') return invalidateAll(state, action.event);
  if (
    action.type !== 'views/requested' &&
    action.type !== 'views/loaded' &&
    action.type !== 'views/failed'
  )
    return state;
  // Every view's cache is reduced alike; the action's view names which one.
  const view = action.view;
  const spec = VIEW_SPECS[view] as ViewSpec<unknown, unknown>;
  const cache = state[view] as ViewCache<unknown, unknown>;
  const next =
    action.type === 'views/requested'
      ? requested(spec, cache, action.query, action.ticket)
      : action.type === 'views/loaded'
        ? landed(cache, action.key, action.ticket, action.data)
        : failed(cache, action.key, action.ticket, action.message);
  return next === cache ? state : { ...state, [view]: next };
}

// Action creators typed by view: the one place the pairing of a view and its types is
// asserted, so the loaders and tests dispatch checked actions.
export const viewRequested = <V extends ViewName>(
  view: V,
  query: QueryOf<V>,
  ticket: number,
): ViewsAction => ({ type: 'views/requested', view, query, ticket }) as ViewsAction;

export const viewLoaded = <V extends ViewName>(
  view: V,
  key: string,
  ticket: number,
  data: DataOf<V>,
): ViewsAction => ({ type: 'views/loaded', view, key, ticket, data }) as ViewsAction;

export const viewFailed = (
  view: ViewName,
  key: string,
  ticket: number,
  message: string,
): ViewsAction => ({ type: 'views/failed', view, key, ticket, message });

/** The entry of `view` for `query`, if the store has one. */
export function selectViewEntry<V extends ViewName>(
  state: State,
  view: V,
  query: QueryOf<V>,
): ViewEntry<QueryOf<V>, DataOf<V>> | undefined {
  const cache: ViewCache<QueryOf<V>, DataOf<V>> = state.views[view];
  return cache[VIEW_SPECS[view].key(query)];
}
