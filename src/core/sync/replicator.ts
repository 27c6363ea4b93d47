// Replication between a workspace's store and its Automerge document, both ways.
// Out: after each commit, the records it changed are written into the document, field by
// field, as a change made at the heads where the store and the document last agreed; so a
// local edit made while a remote one was already in the document (or made while sync was
// off) is concurrent with it, and a same-field clash is kept as a conflict, not overwritten.
// In: when the document changes, one command reads it, checks what differs from the store
// (remote-records.ts) and applies it through the store's queue, so the lock, the journal,
// the index, the change events and stale-undo refusal all hold as for any command.
import * as A from '@automerge/automerge';
import type { DocHandle } from '@automerge/automerge-repo';
import type { WorkbenchEvent } from '../../shared/change-event';
import type { CoreContext } from '../context';
import { rewriteEntityRefs } from '../entities/entity-refs';
import type { Tx } from '../store/tx';
import { planRemote, type Quarantined } from './remote-records';
import {
  sameHeads,
  SYNCED_KINDS,
  toPlain,
  writeRecord,
  type SyncedKind,
  type WorkspaceDoc,
} from './workspace-doc';

type Ids = Record<SyncedKind, Set<string>>;
const noIds = (): Ids => ({ entities: new Set(), notes: new Set() });
const key = (kind: SyncedKind, id: string): string => `${kind}/${id}`;

export interface ReplicatorCounts {
  /** Records written into the document from this workspace. */
  sent: number;
  /** Records applied to this workspace from the document. */
  received: number;
}

export class Replicator {
  readonly counts: ReplicatorCounts = { sent: 0, received: 0 };
  /** Remote records refused, latest reason per record. */
  readonly quarantined = new Map<string, Quarantined>();
  private unsubscribe: (() => void) | undefined;
  private pending: Promise<void> | undefined;
  /** Why the last remote change could not be applied, if it could not. */
  lastError: string | undefined;
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
  ) {
    for (const q of quarantined) this.quarantined.set(key(q.kind, q.id), q);
  }

  get agreed(): A.Heads {
    return this.agreedHeads;
  }

  /** Sends what changed while sync was off, then follows both sides. */
  start(): void {
    this.push('all');
    this.unsubscribe = this.ctx.feed.subscribe((event) => this.onEvent(event));
    this.handle.on('change', this.onDocChange);
  }

  stop(): void {
    this.unsubscribe?.();
    this.handle.off('change', this.onDocChange);
  }

  private onEvent(event: WorkbenchEvent): void {
    if (event.reset) return this.push('all');
    const ids = noIds();
    for (const e of event.entities.put) ids.entities.add(e.id);
    for (const id of event.entities.removed) ids.entities.add(id);
    for (const n of event.notes.put) ids.notes.add(n.id);
    for (const id of event.notes.removed) ids.notes.add(id);
    if (ids.entities.size || ids.notes.size) this.push(ids);
  }

  /** Writes the store's value of these records (or of all) where it differs from the last agreement. */
  private push(which: Ids | 'all'): void {
    const ws = this.ctx.store.workspace;
    const now = {
      entities: new Map<string, object>(ws.entities.map((e) => [e.id, e])),
      notes: new Map<string, object>(ws.notes.map((n) => [n.id, n])),
    };
    let written = 0;
    let heads: A.Heads | null = null;
    this.handle.update((doc) => {
      const base = A.view(doc, this.agreedHeads);
      const ids = which === 'all' ? this.allIds(base, now) : which;
      const result = A.changeAt(
        doc,
        this.agreedHeads,
        { message: 'workbench', time: Math.floor(Date.now() / 1000) },
        (d) => {
          for (const kind of SYNCED_KINDS)
            for (const id of ids[kind])
              if (writeRecord(d[kind], id, now[kind].get(id), toPlain(base[kind][id]))) written++;
        },
      );
      heads = result.newHeads;
      return result.newDoc;
    });
    if (heads) {
      this.agreedHeads = heads;
      this.counts.sent += written;
      this.moved();
    }
  }

  private allIds(base: A.Doc<WorkspaceDoc>, now: Record<SyncedKind, Map<string, object>>): Ids {
    const ids = noIds();
    for (const kind of SYNCED_KINDS) {
      for (const id of [...Object.keys(base[kind]), ...now[kind].keys()])
        // A refused remote record is not in the store, and that is no local deletion of it: a
        // note refused for linking a document not here yet must stay in the team's document.
        if (!this.quarantined.has(key(kind, id))) ids[kind].add(id);
    }
    return ids;
  }

  /**
   * Applies what the document holds beyond the last agreement, as one command. Calls made
   * while one is queued share it: it reads the document when it runs, so it sees them all.
   */
  pull(): Promise<void> {
    if (this.pending) return this.pending;
    // If the command fails to commit, the store does not hold what was read: agree on less.
    let before: A.Heads | undefined;
    const run = this.ctx
      .commandOverCatalog(null, (tx) => {
        this.pending = undefined; // changes arriving from now on need another pull
        before ??= this.agreedHeads;
        this.applyRemote(tx);
      })
      .then(
        () => {
          this.lastError = undefined;
        },
        (error: unknown) => {
          if (before) this.agreedHeads = before;
          throw error;
        },
      )
      .finally(() => {
        if (this.pending === run) this.pending = undefined;
      });
    this.pending = run;
    return run;
  }

  private applyRemote(tx: Tx): void {
    const doc = this.handle.doc();
    const heads = A.getHeads(doc);
    if (sameHeads(heads, this.agreedHeads)) return;
    const touched = noIds();
    for (const patch of A.diff(doc, this.agreedHeads, heads)) {
      const [kind, id] = patch.path;
      if ((kind === 'entities' || kind === 'notes') && typeof id === 'string')
        touched[kind].add(id);
    }
    const plan = planRemote(tx, doc, touched, (id) => !!this.ctx.store.catalog.documentOf(id));
    for (const e of plan.entities) tx.setEntity(e.id, e);
    for (const n of plan.notes) tx.setNote(n.id, n);
    for (const id of plan.removedNotes) tx.setNote(id, undefined);
    if (plan.removedEntities.length) {
      // As a local delete does: highlights, notes and events pointing at it let go of it.
      const gone = new Set(plan.removedEntities);
      rewriteEntityRefs(tx, gone, this.ctx.tags.documentsTagging(gone));
      for (const id of gone) tx.setEntity(id, undefined);
    }
    for (const e of plan.entities) this.quarantined.delete(key('entities', e.id));
    for (const n of plan.notes) this.quarantined.delete(key('notes', n.id));
    for (const id of plan.removedEntities) this.quarantined.delete(key('entities', id));
    for (const id of plan.removedNotes) this.quarantined.delete(key('notes', id));
    for (const q of plan.quarantined) this.quarantined.set(key(q.kind, q.id), q);
    this.counts.received +=
      plan.entities.length +
      plan.notes.length +
      plan.removedEntities.length +
      plan.removedNotes.length;
    // The commit that follows announces these records: the push it causes then compares
    // against what was just read, and writes nothing but local-only reference fixes.
    this.agreedHeads = heads;
    this.moved();
  }
}
