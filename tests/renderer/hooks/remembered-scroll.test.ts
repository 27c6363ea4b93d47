// @vitest-environment jsdom
// The remembered reading places come from localStorage, which anything on the machine can
// have edited: only well-formed places are used, and a malformed store is ignored whole.
import { afterEach, describe, expect, it } from 'vitest';
import { loadPlaces } from '../../../src/renderer/src/hooks/use-remembered-scroll';

afterEach(() => window.localStorage.clear());

describe('remembered reading places', () => {
  it('keeps block places and older pixel positions, and drops anything else', () => {
    window.localStorage.setItem(
      'workbench.scroll',
      JSON.stringify({
        a: { block: 120, dy: 14.5 },
        b: 700,
        c: { block: -1, dy: 0 },
        d: { block: 1.5, dy: 0 },
        e: { block: 3, dy: 'x' },
        f: { block: 3 },
        g: -20,
        h: '700',
        i: null,
        j: { block: 3, dy: null },
      }),
    );
    expect(loadPlaces()).toEqual({ a: { block: 120, dy: 14.5 }, b: 700 });
  });

  it('ignores a store that is not an object of places', () => {
    for (const raw of ['not json', '[1,2]', '42', 'null']) {
      window.localStorage.setItem('workbench.scroll', raw);
      const places = loadPlaces();
      expect(Object.values(places).every((p) => typeof p === 'number' || 'block' in p)).toBe(true);
    }
  });
});
