// Which authors written without a comma are split into given and family name: a plain
// two-part name is, the way reference managers split it; anything a split could get wrong
// (particles, single names, scripts without capitals or spaces, capitals, three or more
// words, organisations) stays one literal name. And the CSL names a source gets from it.
import { describe, expect, it } from 'vitest';
import { cslNames } from '../../src/core/export/citations/csl-items';
import { splitPlainName } from '../../src/core/export/citations/plain-name';

describe('a plain "Given Family" name', () => {
  it.each([
    ['Jane Reporter', 'Jane', 'Reporter'],
    ['  Seán   Ó’Briain ', 'Seán', 'Ó’Briain'],
    ['Jean-Paul Sartre', 'Jean-Paul', 'Sartre'],
    ["Conor O'Brien", 'Conor', "O'Brien"],
    ['J. Reporter', 'J.', 'Reporter'],
    ['Jürgen Müller-Lüdenscheidt', 'Jürgen', 'Müller-Lüdenscheidt'],
    ['Владимир Набоков', 'Владимир', 'Набоков'],
  ])('%s is split', (name, given, family) => {
    expect(splitPlainName(name)).toEqual({ given, family });
  });

  it.each([
    ['a particle', 'Ludwig van Beethoven'],
    ['a capitalised particle', 'Van Morrison'],
    ['a particle in two words', 'Leonardo Da'],
    ['a single name', 'Sting'],
    ['a script without spaces', '毛泽东'],
    ['a script without capitals', 'محمد علي'],
    ['Korean, spaced', '김 철수'],
    ['capitals', 'UN Women'],
    ['three words', 'Mary Ann Evans'],
    ['an organisation', 'Amnesty International'],
    ['a desk', 'Staff writer'],
    ['a newsroom', 'Reuters Staff'],
    ['a lower-case family name', 'jane reporter'],
    ['a family name of one letter', 'Jane R'],
  ])('%s stays literal (%s)', (_why, name) => {
    expect(splitPlainName(name)).toBeNull();
  });

  it('gives CSL a family and given name, and keeps the rest literal', () => {
    expect(cslNames('Jane Reporter and Amnesty International')).toEqual([
      { family: 'Reporter', given: 'Jane' },
      { literal: 'Amnesty International' },
    ]);
    expect(cslNames('Reporter, Jane; Ludwig van Beethoven')).toEqual([
      { family: 'Reporter', given: 'Jane' },
      { literal: 'Ludwig van Beethoven' },
    ]);
  });
});
