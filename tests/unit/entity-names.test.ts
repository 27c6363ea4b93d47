// Entity names across scripts: the picker folds exactly as search does (a property pins
// that every name search finds by its words, the picker offers), a Persian name typed
// with a space for its ZWNJ finds the entity and ranks it before anything else, and the
// near-duplicate check asks about one name spelled two ways, not about two places.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  editDistance,
  likeness,
  nameKey,
  nameWords,
  queryFindsName,
} from '../../src/shared/entity-names';
import { parseQuery, planMatcher } from '../../src/shared/search';
import { searchTokens } from '../../src/shared/text';

/** Search's own rule for one entry: some spelling of the query has all its words in the entry. */
function searchFinds(query: string, name: string): boolean {
  const plan = parseQuery(query);
  if (!plan.variants.length) return true;
  const tokens = searchTokens(name);
  return plan.variants.some((variant) =>
    variant.every((word, i) => {
      const last = i === variant.length - 1 && plan.prefix;
      return tokens.some((t) => (last ? t.startsWith(word) : t === word));
    }),
  );
}

// Letters the researchers' names are written in, with the marks search folds away.
const PIECES = [
  ...'abcdeinoruyz',
  'É',
  'é',
  'ü',
  'ı',
  ...'اژهیيكکةأنوریمحد',
  '\u200C',
  '\u0640',
  '\u064E',
  '۵',
  '5',
  ' ',
  '-',
  '.',
  "'",
];
const text = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 14 })
  .map((chars) => chars.join(''));

describe('the picker folds as search does', () => {
  it('reads a name into search’s own words', () => {
    fc.assert(
      fc.property(text, (name) => {
        expect(nameWords(name)).toEqual(searchTokens(name));
      }),
    );
  });

  it('offers every name that search finds by the same query', () => {
    // Queries cut from the name as typed (raw characters, marks and all), or unrelated.
    const named = fc
      .tuple(text, fc.nat(), fc.nat(), text)
      .map(
        ([name, a, b, other]) =>
          [name, a % 3 === 0 ? other : name.slice(a % name.length, b % (name.length + 1))] as const,
      );
    let found = 0;
    fc.assert(
      fc.property(named, ([name, query]) => {
        if (!searchFinds(query, name)) return;
        found++;
        expect(queryFindsName(query, name)).toBe(true);
      }),
      { numRuns: 500 },
    );
    // The property was tried on queries that search does find.
    expect(found).toBeGreaterThan(100);
    // And a query made of a name's own first words always finds it.
    fc.assert(
      fc.property(text, fc.nat(), (name, cut) => {
        const words = nameWords(name);
        if (!words.length) return;
        const query = words.slice(0, 1 + (cut % words.length)).join(' ');
        expect(queryFindsName(query, name)).toBe(true);
      }),
    );
  });

  it('matches the way search’s matcher does on the index’s own words', () => {
    const plan = parseQuery('اژه ای');
    expect(searchTokens('جزایر اژه‌ای').some(planMatcher(plan))).toBe(true);
    expect(queryFindsName('اژه ای', 'اژه‌ای')).toBe(true);
  });

  it.each([
    ['اژه ای', 'اژه‌ای'],
    ['اژه‌ای', 'اژه ای'],
    ['اژهای', 'اژه‌ای'],
    ['علي', 'علی'],
    ['كاظم', 'کاظم'],
    ['evin', 'Évin'],
    ['HAMID', 'Hamid Nouri'],
    ['nouri hamid', 'Hamid Nouri'],
    ['ejei', 'Mohseni-Ejei'],
  ])('"%s" finds "%s"', (query, name) => expect(queryFindsName(query, name)).toBe(true));
});

describe('near-duplicate names', () => {
  it.each([
    ['Hamid Nouri', 'Hamid Noury', 'close'],
    ['Hamid Nouri', 'hamid  NOURI', 'same'],
    ['اژه ای', 'اژه‌ای', 'same'],
    ['Évin prison', 'Evin Prison', 'same'],
    ['Mohseni-Ejei', 'Mohseni Ejei', 'same'],
    ['Gholam-Hossein Mohseni-Ejei', 'Gholamhossein Mohseni Ejei', 'same'],
    ['Amir Abdollahian', 'Amir Abollahian', 'close'],
  ])('"%s" and "%s" are %s', (a, b, reason) => expect(likeness(a, b)?.reason).toBe(reason));

  it.each([
    ['Iran', 'Iraq'],
    ['Evin', 'Even'],
    ['Hamid Nouri', 'Hamid Rezaei'],
    ['Islamic State', 'Islamic Republic'],
  ])('"%s" and "%s" are two', (a, b) => expect(likeness(a, b)).toBeNull());

  it('measures edits, stopping past the limit', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b) === 0).toBe(a === b);
      }),
    );
  });

  it('keys a name by search’s words run together', () => {
    expect(nameKey('اژه ای')).toBe(nameKey('اژهای'));
    expect(nameKey(' Hamid  Nouri ')).toBe('hamidnouri');
  });
});
