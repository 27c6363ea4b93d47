// The tag combobox's options: existing tags first, then the typed words as a new tag,
// never a second spelling of a tag that exists.
import { describe, expect, it } from 'vitest';
import { tagOptions } from '../../../src/renderer/src/lib/tag-options';

const known = [
  { tag: 'death committee', count: 3 },
  { tag: 'Évin', count: 1 },
  { tag: 'trial', count: 2 },
];

describe('tagOptions', () => {
  it('offers the tags containing what was typed, with their counts, then a new tag', () => {
    expect(tagOptions(known, [], 'tri')).toEqual([{ tag: 'trial', count: 2 }, { tag: 'tri' }]);
    expect(tagOptions(known, [], '')).toEqual(known);
  });

  it('offers an existing spelling instead of a new one that differs only in case or accents', () => {
    expect(tagOptions(known, [], 'evin')).toEqual([{ tag: 'Évin', count: 1 }]);
    expect(tagOptions(known, [], '  Death   Committee ')).toEqual([
      { tag: 'death committee', count: 3 },
    ]);
  });

  it('leaves out tags the highlight has, and offers nothing new for one it has', () => {
    expect(tagOptions(known, ['trial'], 'tri')).toEqual([{ tag: 'tri' }]);
    expect(tagOptions(known, ['Trial'], 'trial')).toEqual([]);
    expect(tagOptions([], ['massacre'], 'Massacre')).toEqual([]);
  });

  it('offers no new tag for blank or too-long input, and at most `limit` found ones', () => {
    expect(tagOptions([], [], '   ')).toEqual([]);
    expect(tagOptions([], [], 'x'.repeat(101))).toEqual([]);
    expect(tagOptions(known, [], '', 2)).toHaveLength(2);
  });
});
