// Labels kept apart: whatever boxes the force layout leaves, none overlaps another after
// separateLabels, boxes already apart do not move, and the same input gives the same result.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  overlapping,
  separateLabels,
  type LabelBox,
} from '../../../src/renderer/src/lib/graph-layout';

const box = (id: string, x: number, y: number, w = 80, h = 30): LabelBox => ({ id, x, y, w, h });

describe('separateLabels', () => {
  it('moves apart boxes that overlap, even at one centre', () => {
    const boxes = [box('a', 0, 0), box('b', 10, 5), box('c', 0, 0), box('d', 0, 0)];
    expect(overlapping(boxes).length).toBeGreaterThan(0);
    expect(overlapping(separateLabels(boxes))).toEqual([]);
  });

  it('leaves boxes alone that are apart already', () => {
    const boxes = [box('a', 0, 0), box('b', 200, 0)];
    expect(separateLabels(boxes)).toEqual(boxes);
  });

  it('leaves no overlap for any boxes, and gives the same result twice', () => {
    const boxes = fc.array(
      fc.record({
        x: fc.integer({ min: -200, max: 200 }),
        y: fc.integer({ min: -200, max: 200 }),
        w: fc.integer({ min: 10, max: 140 }),
        h: fc.integer({ min: 10, max: 40 }),
      }),
      { minLength: 2, maxLength: 70 },
    );
    fc.assert(
      fc.property(boxes, (list) => {
        const input = list.map((b, i) => ({ id: `n${i}`, ...b }));
        const out = separateLabels(input, 6, 400);
        expect(overlapping(out)).toEqual([]);
        expect(separateLabels(input, 6, 400)).toEqual(out);
      }),
      { numRuns: 60 },
    );
  });
});
