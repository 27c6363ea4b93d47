// The index never asks FlexSearch to update or remove an entry: each version gets a new
// id and old ids are dropped from results. These cases pin that an edited or removed
// entry is never found by words it no longer has, also across a compaction.
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/core/search-index';
import type { Entity } from '../../src/shared/model';

const now = '2026-11-24T00:00:00.000Z';
const entity = (id: string, name: string, description = ''): Entity => ({
  id,
  name,
  type: 'place',
  aliases: [],
  description,
  createdAt: now,
  updatedAt: now,
});
const scope = { titleOf: () => undefined, resolveLink: () => undefined };
const ids = (index: SearchIndex, query: string): string[] =>
  index.search({ query, limit: 50 }, scope).hits.map((h) => h.id);

describe('updates without FlexSearch update or remove', () => {
  it('finds an edited entry by its new words only, and a removed one not at all', () => {
    const index = new SearchIndex();
    index.putEntity(entity('ent_evin', 'Evin prison', 'Tehran'));
    index.putEntity(entity('ent_gohar', 'Gohardasht prison'));
    index.putEntity(entity('ent_evin', 'Evin prison', 'Stockholm hearing'));
    expect(ids(index, 'tehran')).toEqual([]);
    expect(ids(index, 'stockholm')).toEqual(['ent_evin']);
    expect(ids(index, 'prison').sort()).toEqual(['ent_evin', 'ent_gohar']);
    index.removeEntity('ent_evin');
    expect(ids(index, 'stockholm')).toEqual([]);
    expect(ids(index, 'prison')).toEqual(['ent_gohar']);
  });

  it('stays right across the rebuild that clears dead entries', () => {
    const index = new SearchIndex();
    for (let i = 0; i < 50; i++) index.putEntity(entity(`ent_${i}`, `Official ${i}`, 'witness'));
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < 50; i++)
        index.putEntity(entity(`ent_${i}`, `Official ${i}`, i % 2 ? `round${round}` : 'witness'));
    }
    expect(ids(index, 'witness')).toHaveLength(25);
    expect(ids(index, 'round39')).toHaveLength(25);
    expect(ids(index, 'round38')).toEqual([]);
  });
});
