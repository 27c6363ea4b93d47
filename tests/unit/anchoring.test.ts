// Anchoring on real prose: selectors are described from offsets, then re-anchored after
// the text has been edited in the ways articles are (typos fixed, passages moved,
// paragraphs inserted, sentences repeated, lines re-wrapped), in order of how much changed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  anchor,
  anchorAll,
  describeRange,
  foldSpaces,
  scoreRange,
  tidyRange,
  type QuoteContext,
} from '../../src/shared/anchoring';

const article = readFileSync(
  new URL('../../resources/sample-article.txt', import.meta.url),
  'utf8',
);
const QUOTE = 'suggested expanding and empowering the so-called';

function target(text: string, exact: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(exact, at + 1);
  if (at < 0) throw new Error(`"${exact}" is not in the text`);
  return describeRange(text, at, at + exact.length);
}
const placedText = (text: string, a: { start: number; end: number }) => text.slice(a.start, a.end);

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

describe('scores fall in order of similarity', () => {
  const t = target(article, QUOTE);
  const ctx: QuoteContext = {
    quote: QUOTE,
    prefix: t.quote.prefix,
    suffix: t.quote.suffix,
    hint: t.position.start,
  };
  // Each list goes from unchanged to rewritten; only the part named is edited.
  const cases: Record<'quote' | 'prefix' | 'suffix', [string, string][]> = {
    quote: [
      [QUOTE, QUOTE],
      [QUOTE, QUOTE.replace('empowering', 'empowring')],
      [QUOTE, QUOTE.replace('expanding and empowering', 'expanding & empowering')],
      [QUOTE, QUOTE.replace('expanding and empowering', 'growing and strengthening')],
    ],
    prefix: [
      ['human rights violations and ', 'human rights violations and '],
      ['human rights violations and ', 'human right violations and '],
      ['human rights violations and ', 'human rights abuses and '],
      ['human rights violations and ', 'the charges they face, and '],
    ],
    suffix: [
      [' “human rights staff.”', ' “human rights staff.”'],
      [' “human rights staff.”', ' “human-rights staff.”'],
      [' “human rights staff.”', ' “rights office.”'],
      [' “human rights staff.”', ' committee, he said.'],
    ],
  };
  for (const [part, variants] of Object.entries(cases)) {
    it(`ranks fewer edits to the ${part} higher`, () => {
      const scores = variants.map(([from, to]) => {
        const text = article.replace(from, to);
        const at = text.indexOf(part === 'quote' ? to : QUOTE);
        const end = at + (part === 'quote' ? to.length : QUOTE.length);
        const errors = part === 'quote' ? editCount(QUOTE, to) : 0;
        return scoreRange(text, ctx, at, end, errors).score;
      });
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(new Set(scores).size).toBe(scores.length);
    });
  }

  it('costs a context one character per edit, not the whole context', () => {
    // The previous engine counted common characters from the quote outwards, so one edit
    // right beside the quote scored the whole prefix as lost.
    const text = article.replace('violations and suggested', 'violations, and suggested');
    const at = text.indexOf(QUOTE);
    const s = scoreRange(text, ctx, at, at + QUOTE.length, 0);
    expect(s.contextScore).toBeGreaterThan(0.9);
  });
});

/** Plain edit distance, to feed the quote score the number of edits made. */
function editCount(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(up + 1, row[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length]!;
}

describe('anchor', () => {
  it('trusts the stored position when the text there is unchanged', () => {
    expect(anchor(article, target(article, QUOTE)).status).toBe('anchored');
  });

  it('finds a quote that moved because text was inserted before it', () => {
    const t = target(article, QUOTE);
    const edited = `Editor’s note: this article was updated.\n\n${article}`;
    const placed = anchor(edited, t);
    expect(placed.status).toBe('moved');
    expect(placedText(edited, placed)).toBe(QUOTE);
  });

  it('keeps a quote anchored when the text right beside it is edited', () => {
    const t = target(article, QUOTE);
    const after = article.replace(
      `${QUOTE} “human rights staff.”`,
      `${QUOTE} human rights office.`,
    );
    expect(anchor(after, t)).toMatchObject({ status: 'anchored', start: t.position.start });
    const before = article.replace('violations and suggested', 'abuses, and he suggested');
    expect(anchor(before, t)).toMatchObject({ status: 'anchored', start: t.position.start });
    const shifted = article.replace('violations and suggested', 'abuses and he suggested');
    const placed = anchor(shifted, t);
    expect(placed.status).toBe('moved');
    expect(placedText(shifted, placed)).toBe(QUOTE);
  });

  it('finds a quote whose lines were re-wrapped, as moved, not fuzzy', () => {
    const t = target(article, QUOTE);
    const wrapped = article.replace('expanding and empowering', 'expanding\nand  empowering');
    const placed = anchor(wrapped, t);
    expect(placed.status).toBe('moved');
    expect(placedText(wrapped, placed)).toBe('suggested expanding\nand  empowering the so-called');
  });

  it('does not trust its old position when another copy of the quote moved there', () => {
    const phrase = 'the 1988 massacre';
    const first = article.indexOf(phrase);
    const second = article.indexOf(phrase, first + 1);
    const t = describeRange(article, second, second + phrase.length);
    // Text inserted before the first copy carries it exactly to the second's old offset.
    const edited = `${article.slice(0, first)}${'x'.repeat(second - first)}${article.slice(first)}`;
    expect(edited.slice(second, second + phrase.length)).toBe(phrase);
    const placed = anchor(edited, t);
    expect(placed).toMatchObject({ status: 'moved', start: second + (second - first) });
  });

  it('does not report another copy of the quote, in other words, as moved', () => {
    const phrase = 'the 1988 massacre';
    const t = target(article, phrase, 2);
    // The highlighted sentence is rewritten; other copies of the phrase remain elsewhere.
    const edited = article.replace(/A UN workgroup warning[^\n]*/, 'A UN workgroup spoke.');
    const placed = anchor(edited, t);
    expect(['fuzzy', 'orphaned']).toContain(placed.status);
  });

  it('picks the repeated phrase whose context matches, not merely the nearest', () => {
    const phrase = '1988 massacre';
    const second = target(article, phrase, 1);
    const shifted = `${'Preface. '.repeat(40)}${article}`;
    const placed = anchor(shifted, second);
    const expected = shifted.indexOf(phrase, shifted.indexOf(phrase) + 1);
    expect(placed).toMatchObject({ start: expected, status: 'moved' });
  });

  it('offers a copy with the same context only as fuzzy, never as certain', () => {
    // The same sentence four times: the second and third copies have the same context,
    // so nothing but position tells them apart.
    const sentence = 'The court heard the witness again on Monday.';
    const text = Array.from({ length: 4 }, () => sentence).join(' ');
    const second = sentence.length + 1;
    const t = describeRange(text, second, second + 20);
    const edited = `Summary. ${text}`;
    const placed = anchor(edited, t);
    expect(placed.status).toBe('fuzzy');
    expect(placed.start).toBe(second + 'Summary. '.length);
  });

  // Rewordings at either end of a quote: the place found must include the new words
  // (an approximate match alone tends to drop them; the old engine dropped two words).
  const rewordings: [quote: string, from: string, to: string][] = [
    [QUOTE, 'suggested expanding', 'proposed expanding'],
    [QUOTE, 'suggested expanding', 'he wanted to see expanding'],
    [QUOTE, 'the so-called', 'what officials call the'],
    [
      'Judiciary Chief Gholam Hossein Mohseni Ejei chaired the meeting',
      'Judiciary Chief',
      'The head of the judiciary',
    ],
  ];
  for (const [quote, from, to] of rewordings) {
    it(`fuzzy-matches "${quote.replace(from, to)}" whole`, () => {
      const t = target(article, quote);
      const fixed = quote.replace(from, to);
      const edited = article.replace(quote, fixed);
      const placed = anchor(edited, t);
      expect(placed.status).toBe('fuzzy');
      expect(placedText(edited, placed)).toBe(fixed);
      expect(placed.confidence).toBeGreaterThan(0.75);
      expect(placed.confidence).toBeLessThan(1);
    });
  }

  it('orphans a passage rewritten around a few of its words', () => {
    const t = target(article, QUOTE);
    const edited = article.replace(
      /Shamkhani also lamented[^\n]*/,
      'Shamkhani later denied that he had suggested expanding anything at all.',
    );
    expect(anchor(edited, t).status).toBe('orphaned');
  });

  it('orphans a highlight whose passage is gone but keeps its data', () => {
    const t = target(article, QUOTE);
    const edited = article.replace(/Shamkhani also lamented[^\n]*/, 'Paragraph removed.');
    expect(anchor(edited, t)).toMatchObject({ status: 'orphaned', start: t.position.start });
  });

  it('orphans rather than places a quote whose words are replaced between intact context', () => {
    const t = target(article, QUOTE);
    const edited = article.replace(QUOTE, 'wanted a new office for what officials call the');
    expect(anchor(edited, t).status).toBe('orphaned');
  });

  it('anchors Persian text with non-BMP characters exactly', () => {
    const text = 'گزارش کمیسیون حقیقت‌یاب درباره زندان اوین 𝔼 و قتل‌عام ۱۳۶۷ منتشر شد.';
    const exact = 'زندان اوین 𝔼 و قتل‌عام ۱۳۶۷';
    const t = target(text, exact);
    const edited = `مقدمه. ${text}`;
    const placed = anchor(edited, t);
    expect(placedText(edited, placed)).toBe(exact);
  });
});

describe('anchorAll', () => {
  it('prefers the edited original near its neighbours over an exact copy far away', () => {
    // A boilerplate sentence appears at the top and in the body; the body's copy is
    // highlighted, then corrected. The untouched copy must not take its place silently.
    const boiler = 'Officials declined to comment on the allegations raised by families.';
    const filler = (n: number) => `${article.replace(/\n+/g, ' ')} `.repeat(n);
    const block = `Intro to the section, as reported. ${boiler} Closing words here, as reported.`;
    const text = `${block} ${filler(3)}${block} Final remarks follow. ${filler(1)}`;
    const at = text.lastIndexOf(boiler);
    const hl = describeRange(text, at, at + boiler.length);
    const neighbour = target(text, 'Final remarks follow.');
    const fixed = boiler.replace('declined to comment on', 'refused to discuss');
    const edited = `New lead paragraph. ${text.slice(0, at)}${fixed}${text.slice(at + boiler.length)}`;
    const [placed, near] = anchorAll(edited, [hl, neighbour]);
    expect(near!.status).toBe('moved');
    expect(placed!.status).toBe('fuzzy');
    expect(placedText(edited, placed!)).toBe(fixed);
  });

  it('folds white space the same way in quotes and text', () => {
    expect(foldSpaces('a \n\t b')).toBe('a b');
  });
});
