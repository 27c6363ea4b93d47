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

/**
 * A clock shared by work that arrives together, such as the files whose reads finish in one
 * poll of the event loop, each then parsed: awaiting `turn()` goes on at once while the
 * slice lasts; once it is spent, every caller waits for the next turn of the loop (a timer,
 * a window's call go first), and the slice starts again.
 */
export function sharedSlices(ms = SLICE_MS): () => Promise<void> {
  let since = performance.now();
  let next: Promise<void> | null = null;
  return async () => {
    for (;;) {
      if (next) {
        await next;
        continue;
      }
      if (performance.now() - since < ms) return;
      next = nextTurn().then(() => {
        next = null;
        since = performance.now();
      });
    }
  };
}
