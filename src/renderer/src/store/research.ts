// The research concern: which view the middle column shows (the reader, the notes, an
// entity's dossier, co-occurrence, the timeline or the highlights under a tag), whose
// dossier, which tag, and the co-occurrence settings the user picked, so switching views
// and back keeps them.
import type { CooccurrenceScope } from '../../../shared/methods/analysis';
import type { Action, State } from './index';

export const RESEARCH_VIEWS = [
  'reader',
  'notes',
  'dossier',
  'cooccurrence',
  'timeline',
  'tag',
  'codebook',
  'conflicts',
] as const;
export type ResearchView = (typeof RESEARCH_VIEWS)[number];

export interface CooccurrenceSettings {
  scope: CooccurrenceScope;
  /** Entity types shown; empty means all. */
  types: string[];
  minCount: number;
}

export interface ResearchState {
  view: ResearchView;
  dossierId: string | null;
  /** The free-text tag whose highlights the tag view lists. */
  tag: string | null;
  cooccurrence: CooccurrenceSettings;
}

export type ResearchAction =
  | { type: 'research/view'; view: ResearchView }
  | { type: 'research/dossier'; entityId: string }
  | { type: 'research/tag'; tag: string }
  | { type: 'research/cooccurrence'; settings: Partial<CooccurrenceSettings> };

export const initialResearch: ResearchState = {
  view: 'reader',
  dossierId: null,
  tag: null,
  cooccurrence: { scope: 'paragraph', types: [], minCount: 1 },
};

export function researchReducer(state: ResearchState, action: Action): ResearchState {
  switch (action.type) {
    case 'research/view':
      return state.view === action.view ? state : { ...state, view: action.view };
    case 'research/dossier':
      return { ...state, view: 'dossier', dossierId: action.entityId };
    case 'research/tag':
      return { ...state, view: 'tag', tag: action.tag };
    case 'notes/opened':
      // Opening a note is asking to read it; closing one leaves the view as it is.
      return action.id === null || state.view === 'notes' ? state : { ...state, view: 'notes' };
    case 'research/cooccurrence':
      return { ...state, cooccurrence: { ...state.cooccurrence, ...action.settings } };
    case 'documents/opened':
      // Opening a document is asking to read it.
      return state.view === 'reader' ? state : { ...state, view: 'reader' };
    default:
      return state;
  }
}

export const showView = (view: ResearchView): ResearchAction => ({ type: 'research/view', view });
export const showDossier = (entityId: string): ResearchAction => ({
  type: 'research/dossier',
  entityId,
});
export const showTag = (tag: string): ResearchAction => ({ type: 'research/tag', tag });
export const setCooccurrence = (settings: Partial<CooccurrenceSettings>): ResearchAction => ({
  type: 'research/cooccurrence',
  settings,
});

export const selectResearchView = (state: State): ResearchView => state.research.view;
export const selectDossierId = (state: State): string | null => state.research.dossierId;
export const selectTag = (state: State): string | null => state.research.tag;
export const selectCooccurrenceSettings = (state: State): CooccurrenceSettings =>
  state.research.cooccurrence;
