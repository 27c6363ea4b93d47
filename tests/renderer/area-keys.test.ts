// An area highlight drawn with the keyboard: Enter puts a box in the middle of the page,
// arrows move it inside the page, Shift with an arrow resizes it (never below a real
// area), Enter makes it the page's region in the page's own units, Escape gives up.
import { describe, expect, it } from 'vitest';
import {
  AREA_STEP,
  areaKey,
  boxRegion,
  MIN_AREA,
  startBox,
  type DragBox,
} from '../../src/renderer/src/features/reader/area-keys';

const W = 400;
const H = 600;

function press(box: DragBox | null, key: string, shift = false): DragBox {
  const r = areaKey(box, key, shift, W, H);
  if (r.kind !== 'box') throw new Error(`expected a box after ${key}, got ${r.kind}`);
  return r.box;
}

describe('an area drawn with the keyboard', () => {
  it('starts as a quarter of the page in its middle, and only on Enter or Space', () => {
    expect(press(null, 'Enter')).toEqual({ x0: 100, y0: 150, x1: 300, y1: 450 });
    expect(press(null, ' ')).toEqual(startBox(W, H));
    expect(areaKey(null, 'ArrowLeft', false, W, H).kind).toBe('ignored');
    expect(areaKey(null, 'Escape', false, W, H).kind).toBe('ignored');
  });

  it('moves with the arrows and stays on the page', () => {
    const box = press(null, 'Enter');
    expect(press(box, 'ArrowRight')).toEqual({ ...box, x0: 100 + AREA_STEP, x1: 300 + AREA_STEP });
    let far = box;
    for (let i = 0; i < 50; i++) far = press(far, 'ArrowUp');
    expect(far.y0).toBe(0);
    expect(far.y1 - far.y0).toBe(300);
    for (let i = 0; i < 50; i++) far = press(far, 'ArrowRight');
    expect(far.x1).toBe(W);
  });

  it('resizes with Shift, never smaller than an area', () => {
    let box = press(null, 'Enter');
    box = press(box, 'ArrowDown', true);
    expect(box.y1 - box.y0).toBe(300 + AREA_STEP);
    for (let i = 0; i < 50; i++) box = press(box, 'ArrowLeft', true);
    expect(box.x1 - box.x0).toBe(MIN_AREA);
    expect(boxRegion(box, 1, 1)).not.toBeNull();
  });

  it('ends with Enter as the region in page units, or with Escape as nothing', () => {
    const box = press(null, 'Enter');
    const done = areaKey(box, 'Enter', false, W, H);
    expect(done).toEqual({ kind: 'done', box });
    expect(boxRegion(box, 3, 2)).toEqual({ page: 3, x: 50, y: 75, w: 100, h: 150 });
    expect(areaKey(box, 'Escape', false, W, H)).toEqual({ kind: 'cancel' });
    expect(areaKey(box, 'a', false, W, H).kind).toBe('ignored');
  });

  it('takes a drag up and to the left as the same box, and a click as no area', () => {
    expect(boxRegion({ x0: 300, y0: 450, x1: 100, y1: 150 }, 1, 1)).toEqual({
      page: 1,
      x: 100,
      y: 150,
      w: 200,
      h: 300,
    });
    expect(boxRegion({ x0: 10, y0: 10, x1: 12, y1: 40 }, 1, 1)).toBeNull();
  });
});
