// Blocks and marks carried through an edit of the text by the diff's offset map.
import { describe, expect, it } from 'vitest';
import { mapThroughEdit, offsetMap } from '../../src/core/documents/text-edit';
import type { Block, Mark } from '../../src/shared/model';

const before = 'Evin prison held them.\n\nThe trial began in Stockholm.\n\nAn advertisement.';
const blocksOf = (text: string): Block[] => {
  const blocks: Block[] = [];
  for (const m of text.matchAll(/[^\n]+/g))
    blocks.push({ kind: 'paragraph', start: m.index, end: m.index + m[0].length });
  return blocks;
};
const texts = (text: string, blocks: Block[]): string[] =>
  blocks.map((b) => text.slice(b.start, b.end));

describe('carrying structure through an edit', () => {
  it('maps offsets around an insertion and a deletion', () => {
    const map = offsetMap('abcdef', 'abXYcf');
    expect([0, 2, 3, 4, 5, 6].map(map)).toEqual([0, 4, 5, 5, 5, 6]);
  });

  it('keeps paragraphs whole when a word inside one changes', () => {
    const after = before.replace('Stockholm', 'Stockholm, Sweden');
    const { blocks } = mapThroughEdit(before, after, blocksOf(before), []);
    expect(texts(after, blocks)).toEqual([
      'Evin prison held them.',
      'The trial began in Stockholm, Sweden.',
      'An advertisement.',
    ]);
  });

  it('drops a paragraph that was deleted whole', () => {
    const after = before.replace('\n\nAn advertisement.', '');
    const { blocks } = mapThroughEdit(before, after, blocksOf(before), []);
    expect(texts(after, blocks)).toEqual([
      'Evin prison held them.',
      'The trial began in Stockholm.',
    ]);
  });

  it('makes a new paragraph of text typed between two others', () => {
    const after = before.replace('\n\nThe trial', '\n\nA new paragraph.\n\nThe trial');
    const { blocks } = mapThroughEdit(before, after, blocksOf(before), []);
    expect(texts(after, blocks)).toEqual([
      'Evin prison held them.',
      'A new paragraph.',
      'The trial began in Stockholm.',
      'An advertisement.',
    ]);
  });

  it('moves marks with their words and drops one whose words are gone', () => {
    const marks: Mark[] = [
      { kind: 'emphasis', start: 0, end: 4 },
      {
        kind: 'link',
        start: before.indexOf('Stockholm'),
        end: before.indexOf('Stockholm') + 9,
        href: 'https://example.org',
      },
    ];
    const after = `${before.replace('Evin ', '')} Note.`;
    const result = mapThroughEdit(before, after, blocksOf(before), marks);
    expect(result.marks.map((m) => after.slice(m.start, m.end))).toEqual(['Stockholm']);
  });
});
