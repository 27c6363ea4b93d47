// The replicator's blob traffic: document bodies and kept files put in the blob store before
// the records naming them are written, remembered once the store holds them (put here or
// fetched from it) so that a remote document's echo sends nothing again, and those that
// could not be put yet (relay unreachable) kept to be tried again before each round.
import type { CoreContext } from '../context';
import { readKept } from '../originals/kept-files';
import { nodeFs } from '../store/durable';
import { PARALLEL } from './apply-remote';
import type { BlobStore } from './blob-store';
import type { BlobNeed } from './local-records';
import { parseBody, type DocumentBody } from './synced-records';

export class BlobTraffic {
  /** Blobs the store is known to hold, put or fetched in this session. */
  private readonly stored = new Set<string>();
  /** Blobs that could not be put yet: tried again before each round. */
  private readonly unsent = new Map<string, BlobNeed>();

  constructor(
    private readonly ctx: CoreContext,
    /** Where document bodies and kept files go; without one, nothing is put. */
    private readonly blobs?: BlobStore,
  ) {}

  /** How many blobs could not be put yet. */
  get unsentCount(): number {
    return this.unsent.size;
  }

  /** Blobs read from the store: it holds them. */
  fetched(shas: Iterable<string>): void {
    for (const sha of shas) this.stored.add(sha);
  }

  /** Puts these, a few at a time. */
  async putAll(needs: readonly BlobNeed[]): Promise<void> {
    for (let at = 0; at < needs.length; at += PARALLEL)
      await Promise.all(needs.slice(at, at + PARALLEL).map((need) => this.put(need)));
  }

  /** Tries again those not put yet; throws if some still cannot be. */
  async retryUnsent(): Promise<void> {
    for (const need of [...this.unsent.values()]) await this.put(need);
    if (this.unsent.size)
      throw new Error(`${this.unsent.size} document texts or files could not be sent to the relay`);
  }

  private async put(need: BlobNeed): Promise<void> {
    // A blob the store gave or took already: a remote document's echo sends nothing again.
    if (!this.blobs || this.stored.has(need.sha256)) return;
    try {
      const bytes =
        'bytes' in need
          ? need.bytes
          : await readKept(nodeFs, this.ctx.store.dir, need.folder, need.sha256);
      await this.blobs.put(need.sha256, bytes);
      this.stored.add(need.sha256);
      this.unsent.delete(need.sha256);
    } catch {
      this.unsent.set(need.sha256, need);
    }
  }

  /** A document body from the blob store, checked against its name; undefined if not there. */
  async fetchBody(sha256: string): Promise<DocumentBody | undefined> {
    const bytes = await this.blobs?.get(sha256).catch(() => undefined);
    return bytes ? parseBody(bytes) : undefined;
  }
}
