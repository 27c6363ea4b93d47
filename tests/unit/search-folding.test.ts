// How search reads words the way researchers write them: Persian ZWNJ typed as a space or
// left out, dotted abbreviations, digit groups in Latin and Persian digits, and the
// possessive "'s". Each case runs on real sentences through the index and the snippet
// builder; a property pins that snippets read words exactly as the index does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/core/search/search-index';
import { buildSnippet, parseQuery } from '../../src/shared/search';
import { SearchInput } from '../../src/shared/methods/search';
import { foldForMatch, searchTokens, tokenSpans } from '../../src/shared/text';
import { documentFromText } from '../fixtures/documents';

const paragraphs = [
  'این گزارش‌ها نشان می‌دهند که زندانیان به اوین منتقل می‌شوند.',
  'در این فهرست دست‌کم ۵٬۰۰۰ نام ثبت شده است.',
  'کشتی‌ها از جزایر اژه‌ای گذشتند.',
  'Sanctions by the U.S. Treasury hit 5,000 accounts.',
  'A resolution by the US House cited 12000 cases and the U.N. report.',
  'Nouri’s trial opened in Stockholm; the UN observers attended.',
  'Several sessions started, and silence settled over the stands.',
  'Nouri spoke to the press after the hearing.',
  'Nourizadeh testified for the prosecution.',
  'آنها فردا آزاد می شوند.',
];
const doc = documentFromText(paragraphs.join('\n\n'), 'doc_1', 'Reports');
const index = new SearchIndex();
index.putDocument(doc);
const scope = {
  titleOf: () => 'Reports',
  resolveLink: () => undefined,
  documents: () =>
    Promise.resolve(
      new Map([[doc.id, { schemaVersion: 3 as const, document: doc, annotations: [] }]]),
    ),
};
const search = async (query: string) =>
  (await index.search(SearchInput.parse({ query, kinds: ['block'] }), scope)).hits;
const blocksOf = async (query: string): Promise<number[]> =>
  (await search(query)).map((h) => Number(h.id.split(':')[1])).sort((a, b) => a - b);
const marked = async (query: string, block: number): Promise<string[]> =>
  (await search(query))
    .find((h) => h.id === `doc_1:${block}`)!
    .snippet.filter((p) => p.match)
    .map((p) => p.text);

describe('words as search reads them', () => {
  it.each([
    ['می‌شوند', ['میشوند']],
    ['U.S. and U.N.', ['us', 'and', 'un']],
    ['5,000 and ۵٬۰۰۰ and 1,234,567', ['5000', 'and', '5000', 'and', '1234567']],
    ["Nouri's trial, Nouri’s verdict", ['nouri', 'trial', 'nouri', 'verdict']],
    ['pages 3.5 and 10,20', ['pages', '3', '5', 'and', '10', '20']],
  ])('%s → %j', (text, tokens) => {
    expect(searchTokens(text)).toEqual(tokens);
  });

  it('reads a query into its spellings: joined Arabic-script words first, then apart', () => {
    expect(parseQuery('می شوند')).toEqual({ variants: [['میشوند'], ['می', 'شوند']], prefix: true });
    expect(parseQuery('می‌شوند')).toEqual(parseQuery('می شوند'));
    expect(parseQuery('میشوند')).toEqual({ variants: [['میشوند']], prefix: true });
    expect(parseQuery('زندان evin')).toEqual({ variants: [['زندان', 'evin']], prefix: true });
    expect(parseQuery("Nouri's")).toEqual({ variants: [['nouri']], prefix: false });
    expect(parseQuery('Nouri’s trial')).toEqual({ variants: [['nouri', 'trial']], prefix: true });
  });
});

describe('folding in the index', () => {
  it.each([
    ['می شوند', [0, 9], 'ZWNJ typed as a space finds the joined word and the two words'],
    ['میشوند', [0], 'ZWNJ left out finds the joined word'],
    ['می‌شوند', [0, 9], 'ZWNJ finds the word written with a space'],
    ['اژه ای', [2], 'a suffix after a space'],
    ['اژهای', [2], 'a suffix joined'],
    ['دست کم', [1], 'a compound typed with a space'],
    ['دستکم', [1], 'a compound typed joined'],
    ['US', [3, 4], 'US finds U.S.'],
    ['U.S.', [3, 4], 'U.S. finds US'],
    ['UN', [4, 5], 'UN finds U.N.'],
    ['U.N.', [4, 5], 'U.N. finds UN'],
    ['5000', [1, 3], 'a number finds it with group separators, Latin and Persian'],
    ['5,000', [1, 3], 'group separators find the plain number'],
    ['۵٬۰۰۰', [1, 3], 'Persian digits with the Arabic separator'],
    ['12,000', [4], 'a separator finds a number written without one'],
    ["Nouri's", [5, 7], 'a possessive searches for the name whole'],
    ['Nouri’s trial', [5], 'a typographic possessive before another word'],
    ['Nouri', [5, 7, 8], 'without the possessive the name is a prefix'],
  ])('%s → %j (%s)', async (query, blocks) => {
    expect(await blocksOf(query)).toEqual(blocks);
  });
});

describe('snippets under the folding', () => {
  it.each([
    ['می شوند', 0, ['می‌شوند']],
    ['می شوند', 9, ['می', 'شوند']],
    ['اژه ای', 2, ['اژه‌ای']],
    ['دست کم', 1, ['دست‌کم']],
    ['US', 3, ['U.S.']],
    ['U.S.', 4, ['US']],
    ['UN', 4, ['U.N.']],
    ['5000', 3, ['5,000']],
    ['5000', 1, ['۵٬۰۰۰']],
    ['12,000', 4, ['12000']],
    ["Nouri's", 5, ['Nouri']],
    ["Nouri's trial", 5, ['Nouri', 'trial']],
  ])('%s marks %j in block %i', async (query, block, words) => {
    expect(await marked(query, block)).toEqual(words);
  });

  it('marks the words a plan matched and nothing after a possessive', () => {
    const parts = buildSnippet(paragraphs[6]!, parseQuery("Sessions's"));
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['sessions']);
  });
});

describe('snippets read words as the index does', () => {
  const alphabet = [
    ...'aAsSUNtu5019',
    'É',
    '\u0301',
    ...'میشوندکاژه',
    '\u200C',
    '\u0640',
    ...'۵۰٬',
    ...".,'’ ",
    '\n',
    '-',
  ];
  it('gives the same tokens as searchTokens for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect([...tokenSpans(text)].flatMap((s) => s.tokens)).toEqual(searchTokens(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('folding ASCII text', () => {
  it('takes the short way only where the full folding would change nothing but case', () => {
    // The full rules, written out: what foldForMatch does to text that is not ASCII.
    const full = (text: string): string =>
      text
        .normalize('NFKD')
        .replace(/[\u0300-\u036F\u064B-\u065F\u0670\u06D6-\u06ED]/g, '')
        .toLowerCase();
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 60 }), (text) => {
        expect(foldForMatch(text)).toBe(full(text));
      }),
    );
    // One character outside ASCII and the full rules apply again.
    expect(foldForMatch('Résumé NAÏVE')).toBe('resume naive');
    expect(foldForMatch('کتاب ۱۲۳')).toBe('کتاب 123');
  });
});

describe('alef forms', () => {
  it('fold to alef, hamza and madda dropped as marks after NFKD', () => {
    expect(foldForMatch('أحمد إيران آزادی ٱلله')).toBe(foldForMatch('احمد ایران ازادی الله'));
  });
});
