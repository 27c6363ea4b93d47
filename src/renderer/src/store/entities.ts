// The entities concern: every entity with how many highlights use it, and the passages
// tagged to the entity whose panel is open.
import type { EntityPassage, EntityWithUsage } from '../../../shared/api';
import { patchList } from './changes';
import type { Action, State } from './index';

export interface EntitiesState {
  list: EntityWithUsage[] | undefined;
  passages: { entityId: string; items: EntityPassage[] } | undefined;
}

export type EntitiesAction =
  | { type: 'entities/listLoaded'; list: EntityWithUsage[] }
  | { type: 'entities/passagesLoaded'; entityId: string; items: EntityPassage[] };

const byName = (a: EntityWithUsage, b: EntityWithUsage): number => a.name.localeCompare(b.name);

export const initialEntities: EntitiesState = { list: undefined, passages: undefined };

export function entitiesReducer(state: EntitiesState, action: Action): EntitiesState {
  switch (action.type) {
    case 'entities/listLoaded':
      return { ...state, list: action.list };
    case 'core/changed': {
      const { put, removed } = action.event.entities;
      if (!state.list || (!put.length && !removed.length)) return state;
      return { ...state, list: patchList(state.list, put, removed, (e) => e.id, byName) };
    }
    case 'entities/passagesLoaded':
      return { ...state, passages: { entityId: action.entityId, items: action.items } };
    default:
      return state;
  }
}

const NONE: EntityWithUsage[] = [];

export const selectEntities = (state: State): EntityWithUsage[] => state.entities.list ?? NONE;

export const selectEntity = (state: State, id: string | null): EntityWithUsage | undefined =>
  id === null ? undefined : state.entities.list?.find((e) => e.id === id);

/** The passages of one entity, or undefined while they load (never another entity's). */
export function selectPassages(state: State, entityId: string): EntityPassage[] | undefined {
  const passages = state.entities.passages;
  return passages?.entityId === entityId ? passages.items : undefined;
}
