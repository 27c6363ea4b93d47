// How each derived view is asked of the core: one API read per view, given its query. The
// only place in the window that reads from the core besides the lists the store loads at
// start (workbench-sync.ts); components ask for views, never call the API.
import type { WorkbenchApi } from '../../../shared/api';
import type { DataOf, QueryOf, ViewName } from '../store/views/index';

export type ViewLoaders = {
  [V in ViewName]: (api: WorkbenchApi, query: QueryOf<V>) => Promise<DataOf<V>>;
};

export const VIEW_LOADERS: ViewLoaders = {
  dossier: (api, id) => api['entities.dossier']({ id }),
  cooccurrence: (api, settings) => api['analysis.cooccurrence'](settings),
  connections: (api, pair) => api['analysis.connections'](pair),
  timeline: (api) => api['events.timeline']({}),
  entityPassages: (api, entityId) => api['annotations.byEntity']({ entityId }),
  tagged: (api, tag) => api['annotations.byTag']({ tag }),
  linkedHighlights: (api, ids) => api['annotations.byIds']({ ids: [...ids] }),
  mentions: (api, entityId) => api['mentions.find']({ entityId }),
  allMentions: (api) => api['mentions.findAll']({}),
  candidates: (api, limit) => api['mentions.candidates']({ limit }),
  search: (api, query) => api['search.query'](query),
  mergePreview: (api, { targetId, sourceId }) =>
    api['entities.mergePreview']({ targetId, sourceIds: [sourceId] }),
  dateSuggestions: (api, id) => api['events.suggestDates']({ id }),
  verification: (api) => api['workspace.verify']({}),
  annotationsPreview: (api, { json }) => api['annotations.importPreview']({ json }),
  indexStatus: (api) => api['search.status']({}),
  original: (api, { id }) => api['documents.original']({ id }),
  originalPage: (api, { id }) => api['documents.originalPage']({ id }),
  media: (api, query) => api['documents.media'](query),
  bibliography: (api, { documentIds, style, locale }) =>
    api['export.bibliography']({ documentIds: [...documentIds], style, locale }),
};
