// The workspace on disk and in memory, behind one queue. Every change is a command that
// runs alone (no two interleave, so a check and the write that depends on it cannot be
// split by another command), logs itself in the custody log, commits all its files or
// none through the journal, and only then becomes the state that reads see. In memory:
// workspace.json, the catalog of every document, and the documents read so far (a cache
// bounded by memory); a command that needs a document not in memory has it read and runs
// again. One process holds the workspace's lock; any other opener gets a read-only view
// and is told who holds it.
import { join } from 'node:path';
import type { FileProblem, HistoryInfo, LockHolder } from '../../shared/api';
import {
  SCHEMA_VERSION,
  type Document,
  type DocumentFile,
  type WorkspaceFile,
} from '../../shared/model';
import { APP_VERSION } from '../../shared/version';
import { readOnly, WorkbenchError } from '../../shared/errors';
import { summarize, type Catalog } from './catalog';
import type { Author } from './custody';
import type { CustodyKeeper } from './custody-keeper';
import { DocumentCache } from './document-cache';
import { nodeFs, type StoreFs } from './durable';
import { History, stillCurrent } from './history';
import { beginCommit, recoverJournal, type FileChange } from './journal';
import { documentPath, highlightsPath, serialize, WORKSPACE_FILE } from './layout';
import type { Damage, LoadedWorkspace } from './load';
import { writeManifest } from './manifest';
import { openStore, type OpenedStore } from './open-store';
import { filesOfCommit, writeFailed } from './commit-files';
import { DocumentReads } from './document-reads';
import { migrateFiles } from './migrate-files';
import { applyOps, invert, NeedDocuments, Tx, type Finished, type Op, type StoreState } from './tx';

export interface StoreOptions {
  /** What kind of process opens the workspace: shown to anyone else who tries. */
  host: string;
  fs?: StoreFs;
  /** Who makes the changes, and with what: written in the custody log. */
  author?: Author;
  /** How much memory documents read may take (bytes); see document-cache.ts. */
  cacheBytes?: number;
}

export type CommitListener = (ops: readonly Op[]) => void;

/** Who writes when the host does not say: this workbench, with no name. */
const DEFAULT_AUTHOR: Author = { by: 'unknown', tool: `Research Workbench ${APP_VERSION}` };

/** A command that keeps asking for more documents is a bug, not a large workspace. */
const MAX_ROUNDS = 1000;
/** After this many changes, the manifest is saved again (it is also saved on close). */
const CHECKPOINT_EVERY = 500;

export { serialize };

export const emptyWorkspace = (): WorkspaceFile => ({
  schemaVersion: SCHEMA_VERSION,
  entities: [],
  notes: [],
});

export class WorkspaceStore {
  private queue: Promise<unknown> = Promise.resolve();
  /** The last journalled commit's files being put in place; never rejects. */
  private finishing: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<CommitListener>();
  readonly history = new History();
  workspace: WorkspaceFile;
  catalog: Catalog;
  problems: FileProblem[];
  damaged: Map<string, Damage>;
  readOnlyReason: string | undefined;
  readonly lockedBy: LockHolder | undefined;
  /** True when this open created the workspace: a brand-new, empty folder. */
  readonly isNew: boolean;
  /** Whether the catalog came from the manifest, and how many documents opening read. */
  readonly catalogSource: OpenedStore['catalogSource'];
  private readonly release: () => Promise<void>;
  private readonly custody: CustodyKeeper | null;
  private changesSinceCheckpoint = 0;
  /** What each record file holds, by the custody log, once its change is committed. */
  private readonly fileHashes: Map<string, string | null>;
  /** Reading documents after opening, and again when changed behind our back. */
  private readonly reads: DocumentReads;

  private constructor(
    readonly dir: string,
    private readonly fs: StoreFs,
    /** The documents read so far, while memory allows. */
    readonly cache: DocumentCache,
    opened: OpenedStore,
  ) {
    this.workspace = opened.workspace ?? emptyWorkspace();
    this.catalog = opened.catalog;
    this.problems = opened.problems;
    this.damaged = opened.damaged;
    this.readOnlyReason = opened.readOnlyReason;
    this.lockedBy = opened.lockedBy;
    this.release = opened.release;
    this.custody = opened.custody;
    this.isNew = opened.workspaceState === 'new';
    this.catalogSource = opened.catalogSource;
    this.fileHashes = opened.fileHashes;
    this.reads = new DocumentReads({
      dir,
      fs,
      cache,
      catalog: () => this.catalog,
      entityIds: () => new Set(this.workspace.entities.map((e) => e.id)),
      blocked: this.blocked,
      damageFound: (problems, damaged) => {
        this.problems.push(...problems);
        for (const [path, damage] of damaged) this.damaged.set(path, damage);
      },
      exclusive: (task) => this.chain(task),
    });
  }

  /** The SHA-256 the custody log gives a record file as it is committed now. */
  fileHash = (path: string): string | null | undefined => this.fileHashes.get(path);

  static async open(dir: string, options: StoreOptions): Promise<WorkspaceStore> {
    const fs = options.fs ?? nodeFs;
    const cache = new DocumentCache(options.cacheBytes);
    const opened = await openStore(dir, {
      host: options.host,
      fs,
      author: options.author ?? DEFAULT_AUTHOR,
      keep: (file) => cache.set(file.document.id, file),
    });
    const store = new WorkspaceStore(dir, fs, cache, opened);
    if (store.readOnly) return store;
    if (opened.workspaceState === 'new') {
      await fs.mkdir(join(dir, 'documents'), { recursive: true });
      await store.writeLogged('Workspace created', [
        { path: WORKSPACE_FILE, content: serialize(store.workspace) },
      ]);
    }
    if (opened.migrated.length) await migrateFiles(store, opened.migrated);
    // A manifest that had to be rebuilt, or brought far up to date, is saved at once.
    if (!opened.catalogSource.manifest || opened.catalogSource.read > 100)
      await store.saveManifest();
    return store;
  }

  /** The state a command or a read sees. */
  get state(): StoreState {
    return {
      workspace: this.workspace,
      catalog: this.catalog,
      loaded: (id) => this.cache.peek(id),
    };
  }

  get readOnly(): boolean {
    return this.readOnlyReason !== undefined;
  }

  /** Why a document's file must not be written, if it must not. */
  blocked = (documentId: string): string | undefined => {
    const paths = [documentPath(documentId), highlightsPath(documentId)];
    if (!paths.some((p) => this.damaged.has(p))) return undefined;
    const damage = this.problems.find((p) => paths.includes(p.file));
    return `was reported as damaged (${damage?.reason ?? 'see the workspace problems'}) and is never written over; repair the workspace first`;
  };

  onCommit(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Documents with their text and highlights, read if need be (missing ones are left out). */
  documents(
    ids: readonly string[],
    options?: { keep?: boolean },
  ): Promise<Map<string, DocumentFile>> {
    return this.reads.documents(ids, options);
  }

  /** Told when damage is found after opening (a document read for the first time). */
  onDamage(listener: () => void): () => void {
    return this.reads.onDamage(listener);
  }

  /** Documents one after another, a slice at a time, without crowding the cache. */
  stream(ids: Iterable<string>, slice?: number): AsyncGenerator<DocumentFile> {
    return this.reads.stream(ids, slice);
  }

  /** Document records without their highlights, a slice at a time (see DocumentReads). */
  streamRecords(ids: Iterable<string>, slice?: number): AsyncGenerator<Document> {
    return this.reads.streamRecords(ids, slice);
  }

  /** One document, read if need be. */
  async document(id: string): Promise<DocumentFile> {
    return this.read((tx) => tx.document(id));
  }

  /**
   * Runs `fn` against the current state, reading the documents it asks for and running it
   * again, until it has all it needs. The documents it read stay with it (pinned) however
   * little memory is left.
   */
  private async attempt<R>(fn: (tx: Tx) => R): Promise<{ value: R; tx: Tx }> {
    const pinned = new Map<string, DocumentFile>();
    const now = new Date().toISOString();
    for (let round = 0; ; round++) {
      const state: StoreState = {
        workspace: this.workspace,
        catalog: this.catalog,
        loaded: (id) => pinned.get(id) ?? this.cache.peek(id),
      };
      const tx = new Tx(state, this.blocked, now);
      try {
        return { value: fn(tx), tx };
      } catch (error) {
        if (!(error instanceof NeedDocuments) || round >= MAX_ROUNDS) throw error;
        for (const [id, file] of await this.documents(error.ids)) pinned.set(id, file);
        // One that could not be read is damaged (now blocked) or gone (out of the catalog).
      }
    }
  }

  /** Reads the current state through a command's view; whatever it sets is thrown away. */
  async read<R>(fn: (tx: Tx) => R): Promise<R> {
    return (await this.attempt(fn)).value;
  }

  /** Runs `fn` as one command after every command before it; `label` makes it undoable. */
  run<R>(label: string | null, fn: (tx: Tx) => R): Promise<R> {
    return this.enqueue(async () => {
      const { value, tx } = await this.attempt(fn);
      const ops = await this.commit(label ?? 'Change', tx.finish());
      if (label && ops.length) this.history.record({ label, ops });
      this.notify(ops);
      return value;
    });
  }

  undo(): Promise<string> {
    return this.step('undo');
  }
  redo(): Promise<string> {
    return this.step('redo');
  }

  private step(direction: 'undo' | 'redo'): Promise<string> {
    return this.enqueue(async () => {
      const step = direction === 'undo' ? this.history.peekUndo() : this.history.peekRedo();
      if (!step) throw new WorkbenchError('NOT_FOUND', `There is nothing to ${direction}.`);
      const ops = direction === 'undo' ? invert(step.ops) : step.ops;
      const expected = direction === 'undo' ? step.ops : invert(step.ops);
      const { value: current, tx } = await this.attempt((t) => {
        if (!stillCurrent(t, expected)) return false;
        applyOps(t, ops);
        return true;
      });
      if (!current) {
        this.history.clear();
        throw new WorkbenchError(
          'CONFLICT',
          `“${step.label}” cannot be ${direction === 'undo' ? 'undone' : 'redone'}: the records it changed have changed since. The history was cleared.`,
        );
      }
      const done = await this.commit(
        `${direction === 'undo' ? 'Undo' : 'Redo'}: ${step.label}`,
        tx.finish(),
      );
      if (direction === 'undo') this.history.undone();
      else this.history.redone();
      this.notify(done);
      return step.label;
    });
  }

  historyInfo(): HistoryInfo {
    return this.history.info();
  }

  private enqueue<R>(task: () => Promise<R>): Promise<R> {
    const run = async (): Promise<R> => {
      if (this.readOnlyReason) throw readOnly(this.readOnlyReason);
      return task();
    };
    return this.chain(run);
  }

  /** Runs work that must not interleave with commands (repair), without the read-only check. */
  exclusive<R>(task: () => Promise<R>): Promise<R> {
    return this.chain(task);
  }

  /** Queues `task` after everything before it, including putting its files in place. */
  private chain<R>(task: () => Promise<R>): Promise<R> {
    const next = this.queue.then(task);
    this.queue = next.catch(() => undefined).then(() => this.finishing);
    return next;
  }

  /** Resolves once every queued command has run and its files are in place. */
  async settled(): Promise<void> {
    await this.queue;
  }

  /**
   * Writes files outside a command (creating, migrating, repairing), all or nothing, with
   * their line in the custody log first (`ops` names the records they change, if any).
   */
  async writeLogged(action: string, changes: FileChange[], ops: readonly Op[] = []): Promise<void> {
    const finish = await this.begin(action, changes, ops);
    await finish?.();
  }

  /**
   * Logs a change, then makes it durable (see journal.ts): returns what is left to put its
   * files in place. If the files cannot be written, the log says the change did not happen.
   */
  private async begin(
    action: string,
    changes: FileChange[],
    ops: readonly Op[],
  ): Promise<(() => Promise<void>) | null> {
    const before = this.custody?.before(changes);
    const logged = await this.custody?.record(action, changes, ops);
    const seq = logged?.seq;
    try {
      const finish = await beginCommit(this.fs, this.dir, changes);
      for (const change of logged?.changes ?? []) this.fileHashes.set(change.file, change.after);
      return finish;
    } catch (error) {
      if (seq !== undefined)
        await this.custody
          ?.void(
            seq,
            `its files could not be written (${(error as Error).message})`,
            changes,
            before,
          )
          .catch(() => undefined);
      throw error;
    }
  }

  /**
   * Makes a finished command durable, all or nothing, then its state current. A command
   * over several files is durable once its journal is written: the files are put in place
   * after it is acknowledged, before the next command runs (see `enqueue`).
   */
  private async commit(action: string, finished: Finished): Promise<Op[]> {
    const changes = filesOfCommit(finished);
    if (!changes.length) return [];
    let finish: (() => Promise<void>) | null;
    try {
      finish = await this.begin(action, changes, finished.ops);
    } catch (error) {
      throw writeFailed(error);
    }
    this.workspace = finished.workspace;
    for (const [id, file] of finished.touched) {
      this.reads.changed(id);
      if (file) {
        this.cache.set(id, file);
        this.catalog.set(summarize(file));
      } else {
        this.cache.delete(id);
        this.catalog.delete(id);
      }
    }
    // Once the files are in place, their size and time say the catalog holds them as they are.
    this.finishing = (finish ? this.finishFiles(finish) : this.finishing).then(() =>
      this.reads.stampWritten(changes),
    );
    if (++this.changesSinceCheckpoint >= CHECKPOINT_EVERY)
      this.finishing = this.finishing.then(() => this.saveManifest());
    return finished.ops;
  }

  /**
   * Puts a journalled commit's files in place. If that fails part way the journal is
   * applied once more; if that fails too, nothing more is written until the next open
   * finishes it (the change itself is safe in the journal).
   */
  private async finishFiles(finish: () => Promise<void>): Promise<void> {
    try {
      await finish();
    } catch (error) {
      try {
        await recoverJournal(this.fs, this.dir);
      } catch {
        this.readOnlyReason = `${(error as Error).message}; it will be finished when the workspace is next opened, and nothing more is saved until then`;
      }
    }
  }

  /**
   * Compares every document's files with what was last read or written here, and reads
   * again those changed behind the workbench's back (see document-reads.ts); the manifest
   * is saved again after.
   */
  startFreshnessCheck(onChanged: (ids: string[]) => Promise<void>): void {
    this.reads.startFreshnessCheck(async (ids) => {
      await onChanged(ids);
      await this.saveManifest();
    });
  }

  /** Resolves once the check above is done. */
  get fresh(): Promise<void> {
    return this.reads.fresh;
  }
  get isFresh(): boolean {
    return this.reads.isFresh;
  }

  private notify(ops: readonly Op[]): void {
    for (const listener of this.listeners) listener(ops);
  }

  /**
   * Saves the manifest (the catalog, and where the custody log stands) so the next open
   * need not read the documents. Only a cache: a failure is let go.
   */
  async saveManifest(): Promise<void> {
    if (!this.custody || this.readOnly) return;
    const { position, files } = this.custody.checkpoint();
    try {
      await writeManifest(this.fs, this.dir, {
        schemaVersion: SCHEMA_VERSION,
        custody: position,
        files,
        documents: [...this.catalog.values()],
        stamps: this.catalog.allStamps(),
      });
      this.changesSinceCheckpoint = 0;
    } catch {
      // The next open reads what the log names since the last manifest, or scans.
    }
  }

  /** Replaces the state after a repair, which is outside the command history. */
  replaceAfterRepair(opened: LoadedWorkspace, readOnlyReason: string | undefined): void {
    this.workspace = opened.workspace ?? emptyWorkspace();
    this.catalog = opened.catalog;
    this.problems = opened.problems;
    this.damaged = opened.damaged;
    this.readOnlyReason = readOnlyReason;
    this.cache.clear();
    this.history.clear();
  }

  get fileSystem(): StoreFs {
    return this.fs;
  }

  get custodyKeeper(): CustodyKeeper | null {
    return this.custody;
  }

  /** Waits for queued commands, saves the manifest and gives the lock back. */
  async close(): Promise<void> {
    await this.queue;
    await this.saveManifest();
    await this.release();
  }
}
