// The entities module: the list with usage. (An entity's passages are a derived view:
// tests/renderer/store/views/passages.test.ts.)
import { describe, expect, it } from 'vitest';
import { selectEntities, selectEntity } from '../../../src/renderer/src/store/entities';
import { initialState, reduce } from '../../../src/renderer/src/store/index';
import { entity } from '../builders';

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
});
