// The tags concern: every free-text tag of the workspace's highlights with how many carry
// it, for the library's list and the highlight panel's autocomplete.
import type { TagCount } from '../../../shared/api';
import { patchList } from './changes';
import type { Action, State } from './index';

export interface TagsState {
  list: TagCount[] | undefined;
}

export type TagsAction = { type: 'tags/listLoaded'; list: TagCount[] };

export const initialTags: TagsState = { list: undefined };

const byTag = (a: TagCount, b: TagCount): number => a.tag.localeCompare(b.tag);

export function tagsReducer(state: TagsState, action: Action): TagsState {
  if (action.type === 'tags/listLoaded') return { list: action.list };
  if (action.type !== 'core/changed' || !state.list || !action.event.tags.length) return state;
  // A count of 0 means no highlight carries the tag any more.
  const counts = action.event.tags;
  const put = counts.filter((t) => t.count > 0);
  const removed = counts.filter((t) => t.count === 0).map((t) => t.tag);
  return { list: patchList(state.list, put, removed, (t) => t.tag, byTag) };
}

const NONE: TagCount[] = [];

export const selectTags = (state: State): TagCount[] => state.tags.list ?? NONE;
