// Drawing an area highlight on a PDF page without a pointer: in area mode a focused page
// takes Enter to put a box on it, the arrow keys to move it, Shift with an arrow to make it
// larger or smaller, Enter again to highlight the area and Escape to give up. A pure
// function of the box and the key, so the page, its tests and the pointer's drag share
// one notion of a box (in the page's pixels at the current scale).

export interface DragBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** How far one key press moves or resizes the box, in pixels. */
export const AREA_STEP = 16;
/** A box smaller than this on either side is a click, not an area. */
export const MIN_AREA = 6;

export type AreaKeyResult =
  | { kind: 'box'; box: DragBox }
  | { kind: 'done'; box: DragBox }
  | { kind: 'cancel' }
  | { kind: 'ignored' };

const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));

/** The box a first Enter puts on a page: a quarter of it, in the middle. */
export function startBox(width: number, height: number): DragBox {
  return { x0: width / 4, y0: height / 4, x1: (width * 3) / 4, y1: (height * 3) / 4 };
}

/** What `key` (with Shift or not) does to `box` on a page of `width` x `height`. */
export function areaKey(
  box: DragBox | null,
  key: string,
  shift: boolean,
  width: number,
  height: number,
): AreaKeyResult {
  if (key === 'Escape') return box ? { kind: 'cancel' } : { kind: 'ignored' };
  if (key === 'Enter' || key === ' ')
    return box ? { kind: 'done', box } : { kind: 'box', box: startBox(width, height) };
  if (!box) return { kind: 'ignored' };
  const dx = key === 'ArrowRight' ? AREA_STEP : key === 'ArrowLeft' ? -AREA_STEP : 0;
  const dy = key === 'ArrowDown' ? AREA_STEP : key === 'ArrowUp' ? -AREA_STEP : 0;
  if (!dx && !dy) return { kind: 'ignored' };
  const b = normalised(box);
  if (shift) {
    // Resizing moves the right and bottom edges, never below the smallest area.
    const x1 = clamp(b.x1 + dx, b.x0 + MIN_AREA, width);
    const y1 = clamp(b.y1 + dy, b.y0 + MIN_AREA, height);
    return { kind: 'box', box: { ...b, x1, y1 } };
  }
  const w = b.x1 - b.x0;
  const h = b.y1 - b.y0;
  const x0 = clamp(b.x0 + dx, 0, width - w);
  const y0 = clamp(b.y0 + dy, 0, height - h);
  return { kind: 'box', box: { x0, y0, x1: x0 + w, y1: y0 + h } };
}

/** The box with its corners in order (a drag may go up or left). */
export function normalised(box: DragBox): DragBox {
  return {
    x0: Math.min(box.x0, box.x1),
    y0: Math.min(box.y0, box.y1),
    x1: Math.max(box.x0, box.x1),
    y1: Math.max(box.y0, box.y1),
  };
}

/** The page's area under `box`, in the page's own units, or null for a click. */
export function boxRegion(
  box: DragBox,
  page: number,
  scale: number,
): { page: number; x: number; y: number; w: number; h: number } | null {
  const b = normalised(box);
  const x = Math.max(0, b.x0);
  const y = Math.max(0, b.y0);
  const w = b.x1 - x;
  const h = b.y1 - y;
  if (w < MIN_AREA || h < MIN_AREA) return null;
  return { page, x: x / scale, y: y / scale, w: w / scale, h: h / scale };
}
