// Keeps a graph's labels apart: after the force layout, any two nodes whose boxes (the
// node with its label) still overlap are pushed apart along the axis where they overlap
// least, round after round, until none do. Pure, on boxes, so it is tested without a
// browser; the graph applies the centres it returns.

export interface LabelBox {
  id: string;
  /** Centre. */
  x: number;
  y: number;
  /** Width and height of the node with its label. */
  w: number;
  h: number;
}

/** How far apart two boxes overlap on each axis (positive: they overlap by that much). */
function overlap(a: LabelBox, b: LabelBox, gap: number): { dx: number; dy: number } {
  return {
    dx: (a.w + b.w) / 2 + gap - Math.abs(a.x - b.x),
    dy: (a.h + b.h) / 2 + gap - Math.abs(a.y - b.y),
  };
}

export function overlapping(boxes: readonly LabelBox[], gap = 0): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const { dx, dy } = overlap(boxes[i]!, boxes[j]!, gap);
      if (dx > 0 && dy > 0) pairs.push([boxes[i]!.id, boxes[j]!.id]);
    }
  return pairs;
}

/**
 * The boxes moved so that none overlaps another by less than `gap`, each moving as little
 * as the rounds allow. Boxes at the same centre are told apart by their order, so the
 * result is the same for the same input.
 */
export function separateLabels(boxes: readonly LabelBox[], gap = 6, rounds = 200): LabelBox[] {
  const out = boxes.map((b) => ({ ...b }));
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < out.length; i++)
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i]!;
        const b = out[j]!;
        const { dx, dy } = overlap(a, b, gap);
        if (dx <= 0 || dy <= 0) continue;
        moved = true;
        // Half each way, along the axis that needs the smaller move.
        if (dx < dy) {
          const sign = a.x < b.x || (a.x === b.x && i < j) ? -1 : 1;
          a.x += (sign * dx) / 2;
          b.x -= (sign * dx) / 2;
        } else {
          const sign = a.y < b.y || (a.y === b.y && i < j) ? -1 : 1;
          a.y += (sign * dy) / 2;
          b.y -= (sign * dy) / 2;
        }
      }
    if (!moved) break;
  }
  return out;
}
