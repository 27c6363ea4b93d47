// Counting mentions without a regex must count exactly what the matcher's regex matches:
// whole words, leftmost first, the longest name at one place, none overlapping. Checked on
// real sentences and on generated texts over a small alphabet where names collide often.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countLiterals } from '../../src/core/mentions/count-mentions';
import { foldForNames } from '../../src/core/mentions/fold-map';
import { entityMatcher } from '../../src/core/mentions/mentions';

function byRegex(text: string, name: string, aliases: string[]): number {
  const matcher = entityMatcher({ name, aliases });
  return matcher ? [...text.matchAll(matcher.regex)].length : 0;
}

function byLiterals(text: string, name: string, aliases: string[]): number {
  const matcher = entityMatcher({ name, aliases });
  if (!matcher?.literals) throw new Error('expected plain names');
  return countLiterals(text, 0, text.length, matcher.literals);
}

describe('countLiterals', () => {
  it.each([
    ['Hamid Noury', ['Noury'], 'Hamid Noury met Noury; HAMID NOURY, Nouryan and Noury’s son.'],
    ['the', [], 'The theory of the thesis: the end, bathe, the.'],
    ['U.S.', ['United States'], 'The U.S. and the US, not USA; the United States of US.'],
    ['Évin', ['Evin prison'], 'Evin prison, Évin, evin-like and Evinson; EVIN PRISON.'],
    ['a b a', [], 'a b a b a, then a b a.'],
  ])('counts "%s" as the regex does', (name, aliases, sentence) => {
    const text = foldForNames(sentence).text;
    expect(byLiterals(text, name, aliases)).toBe(byRegex(text, name, aliases));
    expect(byLiterals(text, name, aliases)).toBeGreaterThan(0);
  });

  it('agrees with the regex on generated texts', () => {
    const word = fc.constantFrom('ab', 'a', 'b', 'ba', 'aba', 'é', '1');
    const phrase = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
    const text = fc
      .array(fc.tuple(word, fc.constantFrom(' ', '', '-', '. ', 'x')), { maxLength: 40 })
      .map((parts) => parts.map(([w, sep]) => w + sep).join(''));
    fc.assert(
      fc.property(phrase, fc.array(phrase, { maxLength: 3 }), text, (name, aliases, raw) => {
        const folded = foldForNames(raw).text;
        expect(byLiterals(folded, name, aliases)).toBe(byRegex(folded, name, aliases));
      }),
      { numRuns: 2000 },
    );
  });
});
