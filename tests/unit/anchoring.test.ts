// Anchoring on real prose: selectors are described from offsets, then re-anchored after
// the text has been edited in the ways articles are (typos fixed, passages moved,
// paragraphs inserted), in order of how much changed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  anchor,
  approximateSearch,
  describeRange,
  scoreCandidate,
  tidyRange,
} from '../../src/shared/anchoring';

const article = readFileSync(
  new URL('../../resources/sample-article.txt', import.meta.url),
  'utf8',
);
const QUOTE = 'suggested expanding and empowering the so-called';

function target(text: string, exact: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(exact, at + 1);
  return describeRange(text, at, at + exact.length);
}

describe('describeRange', () => {
  it('keeps 32 characters of context either side', () => {
    const t = target(article, QUOTE);
    expect(t.quote.exact).toBe(QUOTE);
    expect(t.quote.prefix).toHaveLength(32);
    expect(t.quote.suffix).toHaveLength(32);
    expect(t.quote.prefix.endsWith('for human rights violations and ')).toBe(true);
  });

  it('does not cut a surrogate pair in the context', () => {
    const text = `😀${'x'.repeat(31)}quote here${'y'.repeat(31)}😀`;
    const at = text.indexOf('quote');
    const t = describeRange(text, at, at + 'quote here'.length);
    expect(t.quote.prefix).toBe('x'.repeat(31));
    expect(t.quote.suffix).toBe('y'.repeat(31));
  });
});

describe('tidyRange', () => {
  it('trims white space and widens to whole surrogate pairs', () => {
    const text = ' a 𝒳 b ';
    const inner = text.indexOf('𝒳');
    expect(tidyRange(text, 0, inner + 1)).toEqual({ start: 1, end: inner + 2 });
    expect(tidyRange(text, inner + 1, text.length)).toEqual({ start: inner, end: text.length - 1 });
    expect(tidyRange(text, 0, 1)).toBeNull();
  });
});

describe('anchor', () => {
  it('trusts the stored position when the text there is unchanged', () => {
    expect(anchor(article, target(article, QUOTE)).status).toBe('anchored');
  });

  it('finds a quote that moved because text was inserted before it', () => {
    const t = target(article, QUOTE);
    const edited = `Editor’s note: this article was updated.\n\n${article}`;
    const placed = anchor(edited, t);
    expect(placed.status).toBe('moved');
    expect(edited.slice(placed.start, placed.end)).toBe(QUOTE);
  });

  it('picks the repeated phrase whose context matches, not merely the nearest', () => {
    const phrase = '1988 massacre';
    const second = target(article, phrase, 1);
    const shifted = `${'Preface. '.repeat(40)}${article}`;
    const placed = anchor(shifted, second);
    const expected = shifted.indexOf(phrase, shifted.indexOf(phrase) + 1);
    expect(placed).toMatchObject({ start: expected, status: 'moved' });
  });

  it('fuzzy-matches a quote whose wording was corrected', () => {
    const t = target(article, QUOTE);
    const edited = article.replace('expanding and empowering', 'expanding and strengthening');
    const placed = anchor(edited, t);
    expect(placed.status).toBe('fuzzy');
    expect(edited.slice(placed.start, placed.end)).toContain(
      'expanding and strengthening the so-called',
    );
  });

  it('orphans a highlight whose passage is gone but keeps its data', () => {
    const t = target(article, QUOTE);
    const edited = article.replace(/Shamkhani also lamented[^\n]*/, 'Paragraph removed.');
    expect(anchor(edited, t)).toMatchObject({ status: 'orphaned', start: t.position.start });
  });

  it('anchors Persian text with non-BMP characters exactly', () => {
    const text = 'گزارش کمیسیون حقیقت‌یاب درباره زندان اوین 𝔼 و قتل‌عام ۱۳۶۷ منتشر شد.';
    const exact = 'زندان اوین 𝔼 و قتل‌عام ۱۳۶۷';
    const t = target(text, exact);
    const edited = `مقدمه. ${text}`;
    const placed = anchor(edited, t);
    expect(edited.slice(placed.start, placed.end)).toBe(exact);
  });
});

describe('scores fall in order of similarity', () => {
  const t = target(article, QUOTE);
  const variants = [
    QUOTE,
    QUOTE.replace('empowering', 'empowring'),
    QUOTE.replace('expanding and empowering', 'expanding & empowering'),
    QUOTE.replace('expanding and empowering', 'growing and strengthening'),
  ];
  it('ranks fewer edits higher', () => {
    const scores = variants.map((v) => {
      const text = article.replace(QUOTE, v);
      const [match] = approximateSearch(text, QUOTE, Math.floor(QUOTE.length / 4));
      return match ? scoreCandidate(text, t, match.start, match.end, match.errors) : 0;
    });
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(scores).size).toBe(scores.length);
  });
});
