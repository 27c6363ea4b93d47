// The open document's highlight list: its filter and sort, and whether it is folded away.
// Entity and tag choices belong to one document, so opening another lets them go.
import { NO_FILTER, type HighlightFilter } from '../lib/highlight-filter';
import type { Action, State } from './index';

export interface HighlightListState {
  filter: HighlightFilter;
  collapsed: boolean;
}

export type HighlightListAction =
  | { type: 'highlightList/filter'; filter: Partial<HighlightFilter> }
  | { type: 'highlightList/collapsed'; collapsed: boolean };

export const initialHighlightList: HighlightListState = { filter: NO_FILTER, collapsed: false };

export function highlightListReducer(
  state: HighlightListState,
  action: Action,
): HighlightListState {
  switch (action.type) {
    case 'highlightList/filter':
      return { ...state, filter: { ...state.filter, ...action.filter } };
    case 'highlightList/collapsed':
      return state.collapsed === action.collapsed
        ? state
        : { ...state, collapsed: action.collapsed };
    case 'documents/opened':
      return state.filter.entityId === null && state.filter.tag === null
        ? state
        : { ...state, filter: { ...state.filter, entityId: null, tag: null } };
    default:
      return state;
  }
}

export const setHighlightFilter = (filter: Partial<HighlightFilter>): HighlightListAction => ({
  type: 'highlightList/filter',
  filter,
});

export const selectHighlightList = (state: State): HighlightListState => state.highlightList;
