// The renderer's part of living sources: the word diff the review queue shows, the text
// the block editor composes (a deleted block takes its gap along, nothing else changes),
// the review panel and the queue of re-imports waiting for an answer.
import { describe, expect, it } from 'vitest';
import { composeText } from '../../src/renderer/src/features/reader/TextEditor';
import { toFileOutcome } from '../../src/renderer/src/lib/import-files';
import { wordDiff } from '../../src/renderer/src/lib/quote-diff';
import { initialState, reduce } from '../../src/renderer/src/store/index';
import { selectReattachId, showReview } from '../../src/renderer/src/store/selection';
import { selectReimport } from '../../src/renderer/src/store/ui';
import type { Block } from '../../src/shared/model';

describe('wordDiff', () => {
  it('marks whole words that changed, in order', () => {
    const parts = wordDiff('suggested expanding the staff', 'proposed expanding the staff');
    expect(parts.filter((p) => p.op !== 0).map((p) => [p.op, p.text])).toEqual([
      [-1, 'suggested'],
      [1, 'proposed'],
    ]);
    expect(
      parts
        .filter((p) => p.op !== 1)
        .map((p) => p.text)
        .join(''),
    ).toBe('suggested expanding the staff');
  });
});

describe('composeText', () => {
  const text = 'Title\n\nFirst paragraph.\n\nAd: buy now.\n\nLast one.\n';
  const blocks: Block[] = [...text.matchAll(/[^\n]+/g)].map((m) => ({
    kind: 'paragraph',
    start: m.index,
    end: m.index + m[0].length,
  }));
  let at = 0;
  const drafts = blocks.map((block) => {
    const gap = text.slice(at, block.start);
    at = block.end;
    return { block, gap, text: text.slice(block.start, block.end), deleted: false };
  });
  it('gives the text back unchanged when nothing was edited', () => {
    expect(composeText(drafts, '\n')).toBe(text);
  });
  it('drops a deleted block with the gap before it, and the first block’s lead is kept', () => {
    const deleted = drafts.map((d, i) => (i === 2 ? { ...d, deleted: true } : d));
    expect(composeText(deleted, '\n')).toBe('Title\n\nFirst paragraph.\n\nLast one.\n');
    const first = drafts.map((d, i) => (i === 0 ? { ...d, deleted: true } : d));
    expect(composeText(first, '\n')).toBe('First paragraph.\n\nAd: buy now.\n\nLast one.\n');
  });
});

describe('review and re-import state', () => {
  it('waits for a selection only for the highlight being re-attached', () => {
    const state = reduce(initialState, showReview('ann_1'));
    expect(selectReattachId(state)).toBe('ann_1');
    const opened = reduce(state, { type: 'documents/opened', id: 'doc_2' });
    expect(opened.selection.panel).toBeNull();
  });

  it('asks about one re-import at a time, in order', () => {
    const outcome = toFileOutcome(
      { fileName: 'a.html', kind: 'match', documentId: 'doc_1', title: 'A', reason: 'url' },
      new Blob(['A']),
    );
    expect(outcome.documentId).toBeUndefined();
    const second = { ...outcome.reimport!, fileName: 'b.html' };
    let state = reduce(initialState, {
      type: 'ui/reimportAsked',
      reimports: [outcome.reimport!, second],
    });
    expect(selectReimport(state)?.fileName).toBe('a.html');
    state = reduce(state, { type: 'ui/reimportAnswered' });
    expect(selectReimport(state)?.fileName).toBe('b.html');
  });
});
