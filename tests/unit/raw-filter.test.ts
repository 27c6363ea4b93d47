// The raw-text test that spares find mentions and the dossier from folding a candidate
// must never turn away a text that names the entity: wherever it says "cannot", the
// matcher finds nothing in the folded text. Generated texts over a small alphabet mix
// case, full stops after letters ("U.S."), digit groups ("5,000"), runs of white space
// and accented letters, where folding differs most from the raw text. The same holds of the
// test of a record file's bytes, whether the file was written by JSON.stringify or by hand
// with every letter escaped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForNames } from '../../src/core/mentions/fold-map';
import { entityMatcher } from '../../src/core/mentions/mentions';
import { rawNameTest, rawRecordTest } from '../../src/core/mentions/raw-filter';

/** A record file as the store writes it (JSON.stringify: UTF-8, escapes for controls). */
const fileOf = (text: string): Buffer =>
  Buffer.from(JSON.stringify({ document: { id: 'doc_1', text } }, null, 2));

/** The same record written by hand, every letter as a \u escape. */
const escapedFileOf = (text: string): Buffer =>
  Buffer.from(
    JSON.stringify({ document: { text } }).replace(
      /\p{L}/gu,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    ),
  );

/** Whether the folded text names it, and what the raw test of its text says. */
function verdicts(raw: string, name: string, aliases: string[]) {
  const matcher = entityMatcher({ name, aliases })!;
  const test = rawNameTest(matcher);
  const found = [...foldForNames(raw).text.matchAll(matcher.regex)].length > 0;
  return { found, may: test ? test(raw) : true };
}

/** What the test of the text's record file says, as written and as escaped by hand. */
function fileVerdicts(raw: string, name: string, aliases: string[]) {
  const test = rawRecordTest(entityMatcher({ name, aliases })!);
  return {
    file: test ? test(fileOf(raw)) : true,
    escaped: test ? test(escapedFileOf(raw)) : true,
  };
}

describe('rawNameTest', () => {
  it.each([
    ['Hamid Noury', 'Hamid\n\t NOURY spoke.'],
    ['US', 'The U.S. said so.'],
    ['5000 dollars', 'Some 5,000  dollars.'],
    ['evin', 'At Évin, later.'],
    ['evin prison', 'At Évin  Prison, later.'],
    ['al-qaeda', 'Al.-Qaeda men.'],
    ['a/b "c" d\\e', 'A/B  "C"\nd\\E'],
  ])('lets through a text that names "%s", and its record file', (name, raw) => {
    expect(verdicts(raw, name, [])).toEqual({ found: true, may: true });
    expect(fileVerdicts(raw, name, [])).toEqual({ file: true, escaped: true });
  });

  it('turns away a text holding the words but not the name, and its record file', () => {
    const said = verdicts('Hamid came; later Noury left.', 'Hamid Noury', []);
    expect(said).toEqual({ found: false, may: false });
    const filed = fileVerdicts('Hamid came; later Noury left.', 'Hamid Noury', []);
    expect(filed).toEqual({ file: false, escaped: true });
  });

  it('does not test a record file for a name JSON may escape', () => {
    for (const name of ['a "b" c', 'a/b c', 'a\\b c'])
      expect(rawRecordTest(entityMatcher({ name, aliases: [] })!)).toBeUndefined();
    expect(rawRecordTest(entityMatcher({ name: 'ab c', aliases: [] })!)).toBeDefined();
  });

  it('never turns away a text, or its record file, whose folding names the entity', () => {
    const ALL_TRUE = { may: true, file: true, escaped: true };
    const piece = fc.constantFrom(
      'a',
      'B',
      'ab',
      'A.',
      'b.',
      '1',
      '5,000',
      'é',
      'É',
      '-',
      'x',
      '"',
      '/',
    );
    const gap = fc.constantFrom(' ', '', '\n\t ', '. ', ',', '.', '\\', '\u000b', '\r\n');
    const raw = fc
      .array(fc.tuple(piece, gap), { maxLength: 30 })
      .map((parts) => parts.map(([p, g]) => p + g).join(''));
    const word = fc.constantFrom(
      'a',
      'b',
      'ab',
      'ba',
      'e',
      '1',
      '5000',
      'a-b',
      'u.s.',
      'a"b',
      'a/b',
      'a\\b',
    );
    const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(raw, name, fc.array(name, { maxLength: 2 }), (text, n, aliases) => {
        const { found, may } = verdicts(text, n, aliases);
        if (found) expect({ may, ...fileVerdicts(text, n, aliases) }).toEqual(ALL_TRUE);
      }),
      { numRuns: 1000 },
    );
  });
});
