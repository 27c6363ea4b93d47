// Work an annotations import does on the serving thread, done in turns: after each item,
// once SLICE_MS have passed, the thread is given back to every other call before going on.
// An item itself is not divided, so each must be small (the import's limits see to that).
import { nextTurn } from '../../time-slices';

/** Work done between two yields of the serving thread. */
export const SLICE_MS = 20;

/** Calls `each` for every item in order, yielding the thread between slices. */
export async function inSlices<T>(items: Iterable<T>, each: (item: T) => void): Promise<void> {
  let slice = performance.now();
  for (const item of items) {
    each(item);
    if (performance.now() - slice > SLICE_MS) {
      await nextTurn();
      slice = performance.now();
    }
  }
}
