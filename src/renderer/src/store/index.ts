// The renderer's one store: a state of small modules (documents, entities, selection, ui,
// history, workspace, research, layout, highlight list, notes, tags, drafts, settings,
// reading, team, and the derived views under views/), each with its own state, reducer and
// selectors. The state changes only through actions; what the core sends is turned into
// actions by ../sync.
import type { ChangesAction } from './changes';
import {
  initialInterchange,
  interchangeReducer,
  type InterchangeAction,
  type InterchangeState,
} from './interchange';
import {
  codebookReducer,
  initialCodebook,
  type CodebookAction,
  type CodebookState,
} from './codebook';
import { createStore, type Store } from './create-store';
import { draftsReducer, initialDrafts, type DraftsAction, type DraftsState } from './drafts';
import {
  initialSettings,
  settingsReducer,
  type SettingsAction,
  type SettingsState,
} from './settings';
import {
  documentsReducer,
  initialDocuments,
  type DocumentsAction,
  type DocumentsState,
} from './documents';
import {
  entitiesReducer,
  initialEntities,
  type EntitiesAction,
  type EntitiesState,
} from './entities';
import {
  highlightListReducer,
  initialHighlightList,
  type HighlightListAction,
  type HighlightListState,
} from './highlight-list';
import { initialLayout, layoutReducer, type LayoutAction, type LayoutState } from './layout';
import { historyReducer, initialHistory, type HistoryAction, type HistoryState } from './history';
import {
  initialSelection,
  selectionReducer,
  type SelectionAction,
  type SelectionState,
} from './selection';
import {
  initialResearch,
  researchReducer,
  type ResearchAction,
  type ResearchState,
} from './research';
import { initialNotes, notesReducer, type NotesAction, type NotesState } from './notes';
import { initialTags, tagsReducer, type TagsAction, type TagsState } from './tags';
import { initialReading, readingReducer, type ReadingAction, type ReadingState } from './reading';
import { initialTeam, teamReducer, type TeamAction, type TeamState } from './team';
import { initialUi, uiReducer, type UiAction, type UiState } from './ui';
import { initialViews, viewsReducer, type ViewsAction, type ViewsState } from './views/index';
import {
  initialWorkspace,
  workspaceReducer,
  type WorkspaceAction,
  type WorkspaceState,
} from './workspace';

export interface State {
  documents: DocumentsState;
  entities: EntitiesState;
  selection: SelectionState;
  ui: UiState;
  history: HistoryState;
  workspace: WorkspaceState;
  research: ResearchState;
  layout: LayoutState;
  highlightList: HighlightListState;
  notes: NotesState;
  tags: TagsState;
  drafts: DraftsState;
  settings: SettingsState;
  codebook: CodebookState;
  interchange: InterchangeState;
  reading: ReadingState;
  team: TeamState;
  views: ViewsState;
}

export type Action =
  | ChangesAction
  | DocumentsAction
  | EntitiesAction
  | SelectionAction
  | UiAction
  | HistoryAction
  | WorkspaceAction
  | ResearchAction
  | LayoutAction
  | HighlightListAction
  | NotesAction
  | TagsAction
  | DraftsAction
  | SettingsAction
  | CodebookAction
  | InterchangeAction
  | ReadingAction
  | TeamAction
  | ViewsAction;

export type WorkbenchStore = Store<State, Action>;

export const initialState: State = {
  documents: initialDocuments,
  entities: initialEntities,
  selection: initialSelection,
  ui: initialUi,
  history: initialHistory,
  workspace: initialWorkspace,
  research: initialResearch,
  layout: initialLayout,
  highlightList: initialHighlightList,
  notes: initialNotes,
  tags: initialTags,
  drafts: initialDrafts,
  settings: initialSettings,
  codebook: initialCodebook,
  interchange: initialInterchange,
  reading: initialReading,
  team: initialTeam,
  views: initialViews,
};

/** Every module sees every action (a module may follow another's, as selection follows documents/opened). */
export function reduce(state: State, action: Action): State {
  const next: State = {
    documents: documentsReducer(state.documents, action),
    entities: entitiesReducer(state.entities, action),
    selection: selectionReducer(state.selection, action),
    ui: uiReducer(state.ui, action),
    history: historyReducer(state.history, action),
    workspace: workspaceReducer(state.workspace, action),
    research: researchReducer(state.research, action),
    layout: layoutReducer(state.layout, action),
    highlightList: highlightListReducer(state.highlightList, action),
    notes: notesReducer(state.notes, action),
    tags: tagsReducer(state.tags, action),
    drafts: draftsReducer(state.drafts, action),
    settings: settingsReducer(state.settings, action),
    codebook: codebookReducer(state.codebook, action),
    interchange: interchangeReducer(state.interchange, action),
    reading: readingReducer(state.reading, action),
    team: teamReducer(state.team, action),
    views: viewsReducer(state.views, action),
  };
  const same = (Object.keys(next) as (keyof State)[]).every((key) => next[key] === state[key]);
  return same ? state : next;
}

export function createWorkbenchStore(initial: State = initialState): WorkbenchStore {
  return createStore(reduce, initial);
}
