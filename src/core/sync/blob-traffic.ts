// The replicator's blob traffic: document bodies and kept files put in the blob store before
// the records naming them are written, remembered once the store holds them (put here or
// fetched from it) so that a remote document's echo sends nothing again, and those that
// could not be put yet (relay unreachable) kept to be tried again before each round.
// Remembered, but not believed for ever: a relay restarted empty or from an older backup no
// longer holds what it took, so `resendMissing` asks it which of them it lacks (one request
// per thousand blobs) and puts those again, read from this workspace.
import type * as A from '@automerge/automerge';
import type { CoreContext } from '../context';
import { hasKept, readKept } from '../originals/kept-files';
import { nodeFs } from '../store/durable';
import { PARALLEL } from './apply-remote';
import type { BlobStore } from './blob-store';
import { blobsOf, type BlobNeed, type BlobSource } from './local-records';
import { parseBody, type DocumentBody } from './synced-records';
import { fieldAt, idsAt } from './core-read';
import { toPlain, type WorkspaceDoc } from './workspace-doc';

export class BlobTraffic {
  /** Blobs the store is known to hold, put or fetched in this session, and where they are here. */
  private readonly stored = new Map<string, BlobSource>();
  /** Blobs that could not be put yet: tried again before each round. */
  private readonly unsent = new Map<string, BlobNeed>();
  /** The look at which blobs the store lacks, while one runs. */
  private checking: Promise<number> | undefined;

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
  fetched(shas: ReadonlyMap<string, BlobSource>): void {
    for (const [sha, source] of shas) this.stored.set(sha, source);
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
      this.stored.set(
        need.sha256,
        'bytes' in need ? { documentId: need.documentId } : { folder: need.folder },
      );
      this.unsent.delete(need.sha256);
    } catch {
      this.unsent.set(need.sha256, need);
    }
  }

  /**
   * Asks the store which blobs it lacks of those this workspace can give: the ones put or
   * fetched in this session, and the bodies and originals the team document names for the
   * documents held here (a session started after the relay lost them put none of those).
   * Those lacking are put again; returns how many. Nothing is sent when none is lacking.
   * A call made while one runs (a connection's and a round's) shares it: one look is enough.
   */
  resendMissing(doc: A.Doc<WorkspaceDoc>): Promise<number> {
    this.checking ??= this.resend(doc).finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async resend(doc: A.Doc<WorkspaceDoc>): Promise<number> {
    if (!this.blobs?.missing) return 0;
    const ask = new Map(this.stored);
    for (const id of idsAt(doc, 'documents')) {
      if (!this.ctx.store.catalog.has(id)) continue;
      const body = toPlain(fieldAt(doc, 'documents', id, 'body'));
      if (typeof body === 'string') ask.set(body, { documentId: id });
      const kept = toPlain(fieldAt(doc, 'documents', id, 'original'));
      const original = (kept as { sha256?: unknown } | null | undefined)?.sha256;
      if (typeof original === 'string') ask.set(original, { folder: 'originals' });
    }
    if (!ask.size) return 0;
    const missing = await this.blobs.missing([...ask.keys()]);
    const needs: BlobNeed[] = [];
    const documents = new Set<string>();
    for (const sha of missing) {
      const source = ask.get(sha);
      if (!source) continue;
      this.stored.delete(sha);
      if ('documentId' in source) documents.add(source.documentId);
      else needs.push({ sha256: sha, folder: source.folder });
    }
    // A body is made again from its document: the one here now, which is what the team
    // document names unless it changed since (then the new body goes, as its commit sends).
    // Its figures' images go with it (each put only if the store lacks it): a session
    // started after the loss knows them from no list.
    for (const file of await this.ctx.files(documents)) needs.push(...blobsOf(file.document));
    const dir = this.ctx.store.dir;
    // A file this workspace does not keep is not its to give: no failed put to retry.
    const ours = await Promise.all(
      needs.map((n) =>
        'bytes' in n ? Promise.resolve(true) : hasKept(nodeFs, dir, n.folder, n.sha256),
      ),
    );
    await this.putAll(needs.filter((_, i) => ours[i]));
    return missing.length;
  }

  /** A document body from the blob store, checked against its name; undefined if not there. */
  async fetchBody(sha256: string): Promise<DocumentBody | undefined> {
    const bytes = await this.blobs?.get(sha256).catch(() => undefined);
    return bytes ? parseBody(bytes) : undefined;
  }
}
