// The entities concern: every entity with how many highlights use it. (The passages tagged
// to one are a derived view: views/passages.ts.)
import type { EntityWithUsage } from '../../../shared/api';
import { patchList } from './changes';
import type { Action, State } from './index';

export interface EntitiesState {
  list: EntityWithUsage[] | undefined;
}

export type EntitiesAction = { type: 'entities/listLoaded'; list: EntityWithUsage[] };

const byName = (a: EntityWithUsage, b: EntityWithUsage): number => a.name.localeCompare(b.name);

export const initialEntities: EntitiesState = { list: undefined };

export function entitiesReducer(state: EntitiesState, action: Action): EntitiesState {
  switch (action.type) {
    case 'entities/listLoaded':
      return { ...state, list: action.list };
    case 'core/changed': {
      const { put, removed } = action.event.entities;
      if (!state.list || (!put.length && !removed.length)) return state;
      return { ...state, list: patchList(state.list, put, removed, (e) => e.id, byName) };
    }
    default:
      return state;
  }
}

const NONE: EntityWithUsage[] = [];

export const selectEntities = (state: State): EntityWithUsage[] => state.entities.list ?? NONE;

export const selectEntity = (state: State, id: string | null): EntityWithUsage | undefined =>
  id === null ? undefined : state.entities.list?.find((e) => e.id === id);
