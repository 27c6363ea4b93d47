// The one queue a workspace's commands run through: each starts only when the one before
// has finished and its files are in place, so no two interleave and a check and the write
// that depends on it cannot be split by another command.
export class CommandQueue {
  private tail: Promise<unknown> = Promise.resolve();
  /** Tasks queued and not yet finished, their files included. */
  private pending = 0;

  /** `settle`: what a task leaves running that the next must wait for (its files landing). */
  constructor(private readonly settle: () => Promise<void>) {}

  /** Queues `task` after everything before it, including putting its files in place. */
  chain<R>(task: () => Promise<R>): Promise<R> {
    this.pending += 1;
    const next = this.tail.then(task);
    this.tail = next
      .catch(() => undefined)
      .then(() => this.settle())
      .finally(() => (this.pending -= 1));
    return next;
  }

  /** Whether a task is queued or running (background work gives way to it). */
  get busy(): boolean {
    return this.pending > 0;
  }

  /** Resolves once every queued task has run and its files are in place. */
  async idle(): Promise<void> {
    await this.tail;
  }
}
