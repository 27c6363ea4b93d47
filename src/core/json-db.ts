// One lowdb database per file, with writes serialised per file and committed to memory
// only after they are on disk: a failed write leaves both the file and the in-memory
// state as they were, and the caller's promise resolves only once the data is durable.
import { Low } from 'lowdb';
import type { DurableJsonFile } from './durable-json-file';

export class ReadOnlyError extends Error {}

export class JsonDb<T> {
  private readonly db: Low<T>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly adapter: DurableJsonFile<T>,
    data: T,
    /** Set when the file on disk could not be read: it must never be overwritten. */
    readonly readOnlyReason?: string,
  ) {
    this.db = new Low(adapter, data);
    this.db.data = data;
  }

  get file(): string {
    return this.adapter.file;
  }

  get data(): T {
    return this.db.data;
  }

  /** Throws when this file must not be written. */
  assertWritable(): void {
    if (this.readOnlyReason !== undefined) throw new ReadOnlyError(this.readOnlyReason);
  }

  /** Applies `change` to a copy of the data, writes it, then makes it current. */
  update<R>(change: (draft: T) => R): Promise<R> {
    const run = async (): Promise<R> => {
      this.assertWritable();
      const draft = structuredClone(this.db.data);
      const result = change(draft);
      const previous = this.db.data;
      this.db.data = draft;
      try {
        await this.db.write();
      } catch (error) {
        this.db.data = previous;
        throw error;
      }
      return result;
    };
    const next = this.queue.then(run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
