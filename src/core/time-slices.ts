// The one way the core gives the thread back (`nextTurn`), and a clock for loops that must.
// Loops over a whole workspace at open (20,000 documents' summaries, 200,000 highlight ids)
// give the thread back every few milliseconds: a window's call, a teammate's change or a
// timer waits behind whatever the core is doing, and no task may hold it past 100 ms.

/** How long a loop may hold the thread before it gives it back. */
export const SLICE_MS = 8;

export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A clock for one loop: true (and restarted) once `ms` have passed since it started or last
 * said so; the loop then awaits `nextTurn()`. Cheap enough to ask every pass.
 */
export function sliceClock(ms = SLICE_MS): () => boolean {
  let since = performance.now();
  return () => {
    const now = performance.now();
    if (now - since < ms) return false;
    since = now;
    return true;
  };
}
