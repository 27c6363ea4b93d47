// The two folds with offset maps read white space the same way: anchoring folds runs of
// white space (src/shared/anchoring/fold.ts), the mention finder folds names and letters
// too (src/core/mentions/fold-map.ts). Folding for names after folding white space must
// give the same text, and the two maps composed must lead to the same original offsets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldSpaces, foldText } from '../../src/shared/anchoring/fold';
import { foldForNames } from '../../src/core/mentions/fold-map';
import { isWhiteSpace } from '../../src/shared/text';

const SPACES = [
  ' ',
  '\t',
  '\n',
  '\r',
  '\u00a0',
  '\u1680',
  '\u2003',
  '\u2028',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
];
const PIECES = [
  ...SPACES,
  'a',
  'B',
  'é',
  '.',
  ',',
  "'",
  '\u2019',
  '5',
  '۵',
  '٬',
  'ی',
  'ك',
  '\u200c',
  'U.S.',
  '😀',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''));

describe('white space in the two folds', () => {
  it('folding names after folding white space changes nothing, offsets included', () => {
    fc.assert(
      fc.property(text, (t) => {
        const spaces = foldText(t);
        const direct = foldForNames(t);
        const composed = foldForNames(spaces.text);
        expect(composed.text).toBe(direct.text);
        const through = [...composed.starts].map((i) => spaces.toOriginal[i]);
        expect(through).toEqual([...direct.starts]);
      }),
      { numRuns: 500 },
    );
  });

  it('a quote folds as the text it was taken from does', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(foldSpaces(t)).toBe(foldText(t).text);
      }),
      { numRuns: 500 },
    );
  });

  it('is white space as JavaScript reads it, but for the byte order mark', () => {
    for (let code = 0; code < 0x3100; code++) {
      const js = /\s/u.test(String.fromCharCode(code)) && code !== 0xfeff;
      expect([code, isWhiteSpace(code)]).toEqual([code, js]);
    }
  });
});
