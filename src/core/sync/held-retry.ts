// When to look again for what held remote records wait for (a blob on its way, a document
// not arrived yet): soon at first, then less and less often, so that a record waiting on
// something that never comes costs a look every half minute, not a busy loop.

/** How long to wait before the first look again. */
const RETRY_FIRST_MS = 500;
/** How long to wait before asking again for what a held record waits for, at most. */
const RETRY_MAX_MS = 30_000;

export class HeldRetry {
  private timer: NodeJS.Timeout | undefined;
  private delay = RETRY_FIRST_MS;

  constructor(
    /** Looks again (a pull): what it applies decides whether another look is scheduled. */
    private readonly again: () => void,
  ) {}

  /** After an apply: looks again later while records wait; starts over once none does. */
  schedule(waiting: boolean): void {
    clearTimeout(this.timer);
    if (!waiting) {
      this.delay = RETRY_FIRST_MS;
      return;
    }
    this.timer = setTimeout(this.again, this.delay);
    this.timer.unref();
    this.delay = Math.min(this.delay * 2, RETRY_MAX_MS);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
