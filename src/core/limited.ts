// Running many file operations a few at a time: enough at once for the disk to overlap
// them, few enough not to flood the thread pool. Used by the loader, the journal and the
// index workers.

/** How many files are read at once (the loader, the index workers). */
export const PARALLEL_READS = 16;

/** `task`, with at most `limit` of its calls under way at once (the others wait in turn). */
export function limited<A extends unknown[], R>(
  limit: number,
  task: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (...args) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task(...args);
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

/**
 * Runs `task` on every item, at most `limit` at a time; waits for all of them to end, so
 * nothing is still running when it returns, then throws the first error.
 */
export async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  const run = limited(limit, task);
  const results = await Promise.allSettled(items.map((item) => run(item)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
