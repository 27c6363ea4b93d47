// The tags concern: every free-text tag of the workspace's highlights with how many carry
// it, for the library's list and the highlight panel's autocomplete.
import type { TagCount } from '../../../shared/api';
import type { Action, State } from './index';

export interface TagsState {
  list: TagCount[] | undefined;
}

export type TagsAction = { type: 'tags/listLoaded'; list: TagCount[] };

export const initialTags: TagsState = { list: undefined };

export function tagsReducer(state: TagsState, action: Action): TagsState {
  return action.type === 'tags/listLoaded' ? { list: action.list } : state;
}

const NONE: TagCount[] = [];

export const selectTags = (state: State): TagCount[] => state.tags.list ?? NONE;
