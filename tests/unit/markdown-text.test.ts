// Markdown as plain words for search snippets: the marks go, the words stay, `[[links]]`
// read as their labels under the one link grammar, and plain text is left exactly as it is.
import { describe, expect, it } from 'vitest';
import { markdownText } from '../../src/shared/markdown-text';

describe('markdownText', () => {
  it.each([
    ['Held at [[Evin prison|the prison]] in 1988.', 'Held at the prison in 1988.'],
    ['Met [[Hamid Noury]] twice.', 'Met Hamid Noury twice.'],
    [
      'Seen by **two** witnesses, _one_ of them *named*.',
      'Seen by two witnesses, one of them named.',
    ],
    ['# Questions\n> quoted\n- first\n* second', 'Questions\nquoted\nfirst\nsecond'],
    ['See [the report](https://example.org/r) and ![map](m.png).', 'See the report and map.'],
    ['Run `verify` then ~~stop~~.', 'Run verify then stop.'],
    ['```\ncode\n```\n---', '\ncode\n\n'],
  ])('%j → %j', (markdown, text) => {
    expect(markdownText(markdown)).toBe(text);
  });

  it('leaves plain text as it is: snake_case, 2 * 3 * 4, U.S., a Persian name', () => {
    for (const plain of [
      'Questions for the Stockholm hearing\nAsk the witness about the transfer to Gohardasht.',
      'file_name_here and 2 * 3 * 4',
      'The U.S. Treasury froze 5,000 accounts.',
      'حمید نوری در دادگاه',
    ])
      expect(markdownText(plain)).toBe(plain);
  });
});
