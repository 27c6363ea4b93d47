// The entities module: the list with usage, and passages that belong to one entity only.
import { describe, expect, it } from 'vitest';
import {
  selectEntities,
  selectEntity,
  selectPassages,
} from '../../../src/renderer/src/store/entities';
import { initialState, reduce } from '../../../src/renderer/src/store/index';
import { entity, makeAnnotation } from '../builders';

describe('entities', () => {
  it('is an empty list until loaded, then finds an entity by id', () => {
    expect(selectEntities(initialState)).toEqual([]);
    expect(selectEntities(initialState)).toBe(selectEntities(initialState));
    const state = reduce(initialState, {
      type: 'entities/listLoaded',
      list: [entity('e1', 2), entity('e2')],
    });
    expect(selectEntity(state, 'e1')?.usage).toBe(2);
    expect(selectEntity(state, null)).toBeUndefined();
  });

  it('gives passages only for the entity they were loaded for', () => {
    const items = [{ annotation: makeAnnotation('a1', 'd1', ['e1']), documentTitle: 'Report' }];
    const state = reduce(initialState, { type: 'entities/passagesLoaded', entityId: 'e1', items });
    expect(selectPassages(state, 'e1')).toBe(items);
    expect(selectPassages(state, 'e2')).toBeUndefined();
  });
});
