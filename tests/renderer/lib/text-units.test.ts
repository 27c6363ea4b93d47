import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/shared/model';
import { blockSpan, extend, step, unitAt, units } from '../../../src/renderer/src/lib/text-units';

const TEXT =
  'Judiciary Chief Ejei chaired the meeting. Shamkhani attended, too.\n\nرئیس قوه قضاییه جلسه را اداره کرد. وزیر اطلاعات هم حضور داشت.';
const second = TEXT.indexOf('رئیس');
const BLOCKS: Block[] = [
  { kind: 'paragraph', start: 0, end: TEXT.indexOf('\n') },
  { kind: 'paragraph', start: second, end: TEXT.length },
];
const show = (span: { start: number; end: number } | null): string | null =>
  span ? TEXT.slice(span.start, span.end) : null;

describe('keyboard selection units', () => {
  it('cuts sentences within blocks, in English and Persian, without surrounding spaces', () => {
    expect(units(TEXT, BLOCKS, 'sentence').map(show)).toEqual([
      'Judiciary Chief Ejei chaired the meeting.',
      'Shamkhani attended, too.',
      'رئیس قوه قضاییه جلسه را اداره کرد.',
      'وزیر اطلاعات هم حضور داشت.',
    ]);
  });

  it('takes the punctuation written against a word', () => {
    const words = units(TEXT, BLOCKS, 'word').map(show);
    expect(words.slice(0, 6)).toEqual(['Judiciary', 'Chief', 'Ejei', 'chaired', 'the', 'meeting.']);
    expect(words).toContain('attended,');
    expect(words).toContain('کرد.');
  });

  it('steps forward and back, from nothing to the first or the last', () => {
    const sentences = units(TEXT, BLOCKS, 'sentence');
    expect(show(step(sentences, null, 1))).toBe('Judiciary Chief Ejei chaired the meeting.');
    expect(show(step(sentences, null, -1))).toBe('وزیر اطلاعات هم حضور داشت.');
    expect(show(step(sentences, sentences[1]!, 1))).toBe('رئیس قوه قضاییه جلسه را اداره کرد.');
    expect(show(step(sentences, sentences[1]!, -1))).toBe(
      'Judiciary Chief Ejei chaired the meeting.',
    );
    expect(step(sentences, sentences[3]!, 1)).toBe(null);
    expect(show(unitAt(sentences, TEXT.indexOf('Shamkhani') + 3))).toBe('Shamkhani attended, too.');
  });

  it('extends and shrinks by a unit, never below one', () => {
    const words = units(TEXT, BLOCKS, 'word');
    let span = words[0]!;
    span = extend(words, span, 1);
    span = extend(words, span, 1);
    expect(show(span)).toBe('Judiciary Chief Ejei');
    span = extend(words, span, -1);
    expect(show(span)).toBe('Judiciary Chief');
    expect(show(extend(words, words[0]!, -1))).toBe('Judiciary');
  });

  it('selects a whole paragraph', () => {
    expect(show(blockSpan(TEXT, BLOCKS, 5))).toBe(TEXT.slice(0, TEXT.indexOf('\n')));
    expect(show(blockSpan(TEXT, BLOCKS, TEXT.indexOf('\n') + 1))).toBe(TEXT.slice(second));
  });
});
