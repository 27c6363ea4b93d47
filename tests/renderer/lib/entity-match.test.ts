// The entity picker's ranking on folded names: the entity a Persian name typed with a
// space for its ZWNJ names comes before anything merely containing the words, and when
// tagging a passage the entities it names come first (tests/unit/entity-names.test.ts
// pins the folding itself to search's).
import { describe, expect, it } from 'vitest';
import type { EntityWithUsage } from '../../../src/shared/api';
import { matchEntities, namedIn, sameName } from '../../../src/renderer/src/lib/entity-match';

const entity = (id: string, name: string, aliases: string[] = [], usage = 0): EntityWithUsage => ({
  id,
  name,
  type: 'person',
  aliases,
  description: '',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  usage,
});

describe('the entity picker', () => {
  it('puts the existing entity first, before anything merely containing the words', () => {
    const list = [
      entity('e1', 'Aegean islands', ['جزایر اژه‌ای'], 9),
      entity('e2', 'اژه‌ای', ['Gholam-Hossein Mohseni-Ejei'], 1),
    ];
    expect(matchEntities(list, 'اژه ای').map((e) => e.id)).toEqual(['e2', 'e1']);
    expect(sameName(list, 'اژه ای')?.id).toBe('e2');
    expect(sameName(list, 'Aegean')).toBeUndefined();
  });

  it('ranks the entities the passage names before the rest', () => {
    const list = [
      entity('a', 'Amnesty International', [], 20),
      entity('b', 'Ebrahim Raisi', ['Raisi'], 1),
      entity('c', 'Evin prison', [], 5),
    ];
    const passage = 'In 1988 Ebrahim Raisi sat on the commission that sent prisoners from Evin.';
    expect(matchEntities(list, '', passage).map((e) => e.id)).toEqual(['b', 'a', 'c']);
    expect(namedIn(list[2]!, passage)).toBe(false);
    expect(namedIn(list[1]!, 'RAISI said')).toBe(true);
  });

  it('finds a Persian name in the passage whether a ZWNJ, a space or nothing joins it', () => {
    const ejei = entity('e', 'اژه ای');
    expect(namedIn(ejei, 'رئیس قوه قضاییه، محسنی اژه\u200Cای، گفت')).toBe(true);
    expect(namedIn(ejei, 'محسنی اژهای گفت')).toBe(true);
    expect(namedIn(entity('e2', 'اژه\u200Cای'), 'محسنی اژه ای گفت')).toBe(true);
    // Whole words only: a name is not found inside a longer word.
    expect(namedIn(entity('r', 'Ran'), 'Iran and Tehran')).toBe(false);
  });
});
