// The annotation import's fast fold of white space (one regular expression) gives what
// anchoring's character-by-character fold gives, for every code unit and any text: the two
// must agree, or a long quote would not be found where anchoring would find it.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { foldWhiteSpace } from '../../src/core/annotations/interchange/place';
import { foldSpaces } from '../../src/shared/anchoring';

it('takes as white space exactly the code units anchoring does', () => {
  const differ: string[] = [];
  for (let c = 0; c <= 0xffff; c++) {
    const s = `a${String.fromCharCode(c)}${String.fromCharCode(c)}b`;
    if (foldWhiteSpace(s) !== foldSpaces(s)) differ.push(c.toString(16));
  }
  expect(differ).toEqual([]);
});

it('folds white space exactly as anchoring does', () => {
  const spaces = fc.constantFrom(
    ' ',
    '\t',
    '\n',
    '\r',
    '\u00a0',
    '\u000b',
    '\u1680',
    '\u2003',
    '\u2028',
    '\u202f',
    '\u3000',
    '\ufeff',
    '\u200b',
  );
  const text = fc
    .array(fc.oneof(spaces, fc.string({ maxLength: 3 })), { maxLength: 30 })
    .map((p) => p.join(''));
  fc.assert(
    fc.property(text, (s) => foldWhiteSpace(s) === foldSpaces(s)),
    { numRuns: 500 },
  );
  expect(foldWhiteSpace(' a \u2003\t b\n')).toBe(' a b ');
});
