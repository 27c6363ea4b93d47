// Replication between a workspace's store and its Automerge document, both ways.
// Out: after each commit, the records it changed are written into the document, field by
// field, as a change made at the heads where the store and the document last agreed; so a
// local edit made while a remote one was already in the document (or made while sync was
// off) is concurrent with it, and a same-field clash is kept as a conflict, not overwritten.
// A document's body and kept files are put in the blob store before its record is written.
// When sync starts, every record is compared, except documents whose files have not changed
// since the document last held them (document-stamps.ts): those are not even read.
// In: when the document changes, the blobs it names are fetched, then one command reads it,
// checks what differs from the store (remote-records.ts, remote-rules.ts) and applies it
// through the store's queue (lock, journal, index, change events, stale-undo refusal hold as
// for any command), local commits still to be written going first (pending-writes.ts).
import * as A from '@automerge/automerge';
import type { DocHandle } from '@automerge/automerge-repo';
import type { CoreContext } from '../context';
import type { DocumentStamp } from '../store/catalog';
import type { Tx } from '../store/tx';
import {
  applyPlan,
  fetchBlobs,
  fetchImages,
  noneTouched,
  remoteContextOf,
  touchedBetween,
  type Fetched,
} from './apply-remote';
import type { BlobStore } from './blob-store';
import { DocumentStamps, readChanged } from './document-stamps';
import { BlobTraffic } from './blob-traffic';
import { recordsOf } from './core-read';
import type { DocumentBody } from './synced-records';
import { documentProblem } from './genesis-check';
import { HeldRetry } from './held-retry';
import type { Outgoing } from './local-records';
import { PendingWrites } from './pending-writes';
import { writeAt } from './push-base';
import { planRemote, type Quarantined, type Resolution } from './remote-records';
import {
  genesisHeads,
  sameHeads,
  SYNCED_KINDS,
  type SyncedKind,
  type WorkspaceDoc,
} from './workspace-doc';
import { nextTurn } from '../time-slices';

const key = (kind: SyncedKind, id: string): string => `${kind}/${id}`;
/** Thrown inside an apply's command when local commits wait to be written first. */
class WriteFirst extends Error {}

export interface ReplicatorCounts {
  /** Records written into the document from this workspace. */
  sent: number;
  /** Records applied to this workspace from the document. */
  received: number;
}

export class Replicator {
  readonly counts: ReplicatorCounts = { sent: 0, received: 0 };
  /** Remote records refused or held back, latest reason per record. */
  readonly quarantined = new Map<string, Quarantined>();
  /** Semantic conflicts settled by a rule since sync started (remote-rules.ts). */
  readonly resolved: Resolution[] = [];
  /** The blobs of the last pull's documents: fetched so far, of how many (for a progress bar). */
  readonly progress = { done: 0, total: 0 };
  private unsubscribe: (() => void)[] = [];
  private pending: Promise<void> | undefined;
  /** Every pull still running, the shared one and any that overlap it. */
  private readonly running = new Set<Promise<void>>();
  /**
   * Outgoing changes in commit order (blobs first, then the records), and remote applies
   * between them: one at a time, so that no read of the store and the write it leads to
   * straddle an apply (see `inTurn`).
   */
  private sending: Promise<void> = Promise.resolve();
  /** Bodies and kept files put, fetched, and not sent yet (blob-traffic.ts). */
  private readonly blobTraffic: BlobTraffic;
  /** Held records wait for something on its way: ask again, less often (held-retry.ts). */
  private readonly retry = new HeldRetry(() => this.onDocChange());
  /** Commits made here whose records are not written into the document yet. */
  private readonly unwritten = new PendingWrites();
  /** While a remote apply has not committed (or been refused), the agreement from before it. */
  private applyingFrom: A.Heads | undefined;
  /** Why the last remote change could not be applied, if it could not. */
  lastError: string | undefined;
  /** Which documents the team document holds as their files are now (document-stamps.ts). */
  readonly stamps: DocumentStamps;
  /** The last full read: documents read, and documents skipped as unchanged. */
  readonly lastScan = { read: 0, unchanged: 0 };
  private readonly onDocChange = (): void =>
    void this.pull().catch((error: unknown) => {
      this.lastError = error instanceof Error ? error.message : String(error);
    });

  constructor(
    private readonly ctx: CoreContext,
    private readonly handle: DocHandle<WorkspaceDoc>,
    /** Heads (hex) at which the store and the document last held the same records. */
    private agreedHeads: A.Heads,
    quarantined: readonly Quarantined[],
    /** Told whenever the agreed heads move, to be saved with the document. */
    private readonly moved: () => void = () => undefined,
    /** Where document bodies and kept files go; without one, documents wait for theirs. */
    private readonly blobs?: BlobStore,
    /** The stamps saved with `agreedHeads` (document-stamps.ts). */
    synced: Readonly<Record<string, DocumentStamp>> = {},
  ) {
    for (const q of quarantined) this.quarantined.set(key(q.kind, q.id), q);
    // Stamps say what the document holds at the agreed heads: with no agreement (a new
    // replica, or a document lost and started again from the genesis), it holds nothing.
    this.stamps = new DocumentStamps(sameHeads(agreedHeads, genesisHeads()) ? {} : synced);
    this.blobTraffic = new BlobTraffic(ctx, blobs);
  }

  /**
   * The agreement to save: heads the store is known to hold. While a remote change is being
   * applied, `agreedHeads` is already its heads (the commit's own push compares against
   * them), but the store holds them only once the command commits; saved before that and
   * the process killed, the agreement would name records the store never got, and sync
   * started again would take each for one removed here and remove it for everyone. So until
   * then it is the agreement from before that apply (applies run one at a time): older heads
   * only make sync started again compare (and re-send) more, and lose nothing.
   */
  get agreed(): A.Heads {
    return this.applyingFrom ?? this.agreedHeads;
  }

  /** Sends what changed while sync was off, then follows both sides. */
  start(): Promise<void> {
    this.unsubscribe.push(
      // A failure is kept in lastError by the queue, and reported by the next round.
      this.ctx.store.onCommit((ops) => {
        const touched = this.stamps.touch(ops);
        const pending = this.unwritten.add(ops);
        void this.queue(() => Promise.resolve(this.unwritten.take(pending)), false, true)
          .finally(() => this.unwritten.done(pending))
          .then(() => this.stampAfter(touched))
          .catch(() => undefined);
      }),
      this.ctx.feed.subscribe((event) => {
        if (event.reset) void this.queue(() => this.readAll(), true).catch(() => undefined);
      }),
    );
    this.handle.on('change', this.onDocChange);
    return this.queue(() => this.readAll(), true);
  }

  /**
   * After a commit's records are in the document: once its files are in place (their stamp
   * is set then), the stamp of each document no later commit touched is kept.
   */
  private async stampAfter(touched: Map<string, number>): Promise<void> {
    if (!touched.size) return;
    await this.ctx.store.settled();
    // A blob that did not go out leaves its document to be read (and sent) again.
    if (this.blobTraffic.unsentCount) return;
    for (const [id, n] of touched) this.stamps.keep(id, this.ctx.store.catalog.stampOf(id), n);
    this.moved();
  }

  /** Every record, but documents unchanged since the document held them are not read. */
  private async readAll(): Promise<Outgoing> {
    const out = await readChanged(this.ctx, this.stamps, () => this.blobTraffic.unsentCount);
    Object.assign(this.lastScan, { read: out.stamps.size, unchanged: out.unread.size });
    return out;
  }

  stop(): void {
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    this.handle.off('change', this.onDocChange);
    this.retry.stop();
  }

  /** Puts again the blobs the store has lost since it took them (blob-traffic.ts). */
  resendMissing(): Promise<number> {
    return this.blobTraffic.resendMissing(this.handle.doc());
  }

  /** Resolves once every change made so far is in the document and its blobs are put. */
  async sent(): Promise<void> {
    await this.sending;
    await this.blobTraffic.retryUnsent();
  }

  private queue(read: () => Promise<Outgoing>, all: boolean, later = false): Promise<void> {
    // A commit's records are written after the command has answered (a turn of the event
    // loop later): the write updates the document's JavaScript copy, which at 20,000
    // highlights costs tens of milliseconds the one who saved should not wait for.
    const start = later ? this.sending.then(nextTurn) : this.sending;
    const run = start.then(async () => {
      const out = await read();
      await this.blobTraffic.putAll(out.blobs);
      this.push(out, all);
      out.afterPush?.();
    });
    this.sending = run.catch((error: unknown) => {
      this.lastError = error instanceof Error ? error.message : String(error);
    });
    return run;
  }

  /** A document body from the blob store, checked against its name; undefined if not there. */
  fetchBody(sha256: string): Promise<DocumentBody | undefined> {
    return this.blobTraffic.fetchBody(sha256);
  }

  /** Writes these records where they differ from the last agreement (and, for all, removals). */
  private push(out: Outgoing, all: boolean): void {
    let written = 0;
    let heads: A.Heads | null = null;
    this.handle.update((doc) => {
      // A refused or held remote record is not in the store, and that is no local deletion.
      const held = (kind: SyncedKind, id: string): boolean => this.quarantined.has(key(kind, id));
      const result = writeAt(doc, this.agreedHeads, out, all, held);
      written = result.written;
      heads = result.newHeads;
      return result.newDoc;
    });
    if (heads) {
      this.agreedHeads = heads;
      this.counts.sent += written;
      this.moved();
    }
  }

  /**
   * Applies what the document holds beyond the last agreement, as one command. Calls made
   * while one is queued share it: it reads the document when it runs, so it sees them all.
   */
  pull(): Promise<void> {
    if (this.pending) return this.pending;
    const run = this.pullOnce().finally(() => {
      if (this.pending === run) this.pending = undefined;
      this.running.delete(run);
    });
    this.pending = run;
    this.running.add(run);
    return run;
  }

  /**
   * Resolves once no pull is running. A pull stops being the one later calls share as soon
   * as it has fetched (changes arriving after need another), so two can overlap: a caller
   * that must see everything applied (a sync round, a test) waits for them all.
   */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  private async pullOnce(): Promise<void> {
    // A change that arrived while the blobs were fetched was applied without its blobs, and
    // is held: fetch for it now rather than on the next retry.
    while (await this.pullStep());
  }

  /** One fetch and apply; true when what was applied went beyond what was fetched for. */
  private async pullStep(): Promise<boolean> {
    await this.sending;
    const doc = this.handle.doc();
    // Taken as it is, a map written again would read as every record of its kind removed.
    const damaged = documentProblem(doc);
    if (damaged)
      throw new Error(`A member's change was not applied: ${damaged}. Nothing here was changed.`);
    const waiting = [...this.quarantined.values()].filter((q) => q.waiting);
    const fetchedAt = A.getHeads(doc);
    if (sameHeads(fetchedAt, this.agreedHeads) && !waiting.length) return false;
    const ahead = touchedBetween(doc, this.agreedHeads, A.getHeads(doc));
    for (const q of waiting) ahead[q.kind].add(q.id);
    const fetched = await fetchBlobs(this.ctx, doc, ahead.documents, this.blobs, (done, total) =>
      Object.assign(this.progress, { done, total }),
    );
    await fetchImages(this.ctx, fetched, this.blobs);
    this.blobTraffic.fetched(fetched.fromStore);
    this.pending = undefined; // changes arriving from now on need another pull
    return this.inTurn(() => this.applyFetched(fetched, fetchedAt));
  }

  /**
   * Runs `task` in the outgoing writes' turn. An apply moves the agreed heads when it reads
   * the document, but the store holds its records only once its command commits: a full
   * read of the store (after a feed reset) made in between would find the incoming records
   * missing, and its write, made at the moved heads, would remove them for everyone. And
   * two applies never overlap, so the heads one restores on failure are never another's.
   */
  private inTurn<R>(task: () => Promise<R>): Promise<R> {
    const run = this.sending.then(task);
    this.sending = run.then(
      () => undefined,
      () => undefined, // the pull that ran it reports its failure
    );
    return run;
  }

  /** The apply itself: one command; true when it went beyond what was fetched for. */
  private async applyFetched(fetched: Fetched, fetchedAt: A.Heads): Promise<boolean> {
    const before = this.agreedHeads;
    this.applyingFrom = before;
    try {
      const outcome = await this.ctx.commandOverCatalog(null, (tx) =>
        this.applyRemote(tx, fetched),
      );
      this.applyingFrom = undefined;
      this.settle(outcome);
      this.lastError = undefined;
      return (
        !sameHeads(fetchedAt, this.agreedHeads) &&
        outcome.plan.quarantined.some((q) => q.waiting && q.kind === 'documents')
      );
    } catch (error) {
      // Not committed: the store lacks what was read (it holds the local writes made first).
      this.agreedHeads = this.applyingFrom ?? before;
      if (error instanceof WriteFirst) return true; // fetched again once they are written
      throw error;
    } finally {
      this.applyingFrom = undefined;
    }
  }

  /** Inside the command (which may run more than once): reads, plans, writes; no other state. */
  private applyRemote(tx: Tx, fetched: Fetched) {
    // A commit made after this apply took its turn has its write queued behind it: read now,
    // its edit would be written over the remote one as if made after it. Those writes go first,
    // here, concurrent with it as made (with blobs to put: this apply runs again after them).
    if (!this.unwritten.flush((out) => this.push(out, false))) throw new WriteFirst();
    this.applyingFrom = this.agreedHeads;
    const doc = this.handle.doc();
    const heads = A.getHeads(doc);
    const touched = sameHeads(heads, this.agreedHeads)
      ? noneTouched()
      : touchedBetween(doc, this.agreedHeads, heads);
    for (const q of this.quarantined.values()) if (q.waiting) touched[q.kind].add(q.id);
    const remote = remoteContextOf(this.ctx, doc, fetched);
    const plan = planRemote(tx, recordsOf(doc), touched, remote);
    const received = applyPlan(tx, plan, this.ctx, remote);
    // The commit that follows announces these records: the push it causes then compares
    // against what was just read, and writes nothing but local fixes (a dropped tag).
    this.agreedHeads = heads;
    return { touched, plan, received };
  }

  private settle({ touched, plan, received }: ReturnType<Replicator['applyRemote']>): void {
    for (const kind of SYNCED_KINDS)
      for (const id of touched[kind]) this.quarantined.delete(key(kind, id));
    for (const q of plan.quarantined) this.quarantined.set(key(q.kind, q.id), q);
    this.resolved.push(...plan.resolved);
    this.counts.received += received;
    this.moved();
    this.retry.schedule([...this.quarantined.values()].some((q) => q.waiting));
  }
}
