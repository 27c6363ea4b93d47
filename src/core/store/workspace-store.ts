// The workspace on disk and in memory, behind one queue. Every change is a command that
// runs alone (no two interleave, so a check and the write that depends on it cannot be
// split by another command), logs itself in the custody log, commits all its files or
// none through the journal, and only then becomes the state that reads see. In memory:
// workspace.json, the catalog of every document, and the documents read so far (a cache
// bounded by memory); a command that needs a document not in memory has it read and runs
// again. One process holds the workspace's lock; any other opener gets a read-only view
// and is told who holds it.
import { join } from 'node:path';
import type { HistoryInfo, LockHolder } from '../../shared/api';
import { APP_VERSION } from '../../shared/version';
import { readOnly } from '../../shared/errors';
import { summarize, withHighlights } from './catalog';
import type { Author } from './custody';
import type { CustodyKeeper } from './custody-keeper';
import { DocumentCache } from './document-cache';
import { nodeFs, type StoreFs } from './durable';
import { History, planStep } from './history';
import type { FileChange } from './journal';
import { serialize, WORKSPACE_FILE } from './layout';
import type { LoadedWorkspace } from './load';
import { openStore, type OpenedStore } from './open-store';
import { CommandQueue } from './command-queue';
import { CommitWriter } from './commit-writer';
import { filesOfCommit, writeFailed } from './commit-files';
import { ManifestSaver } from './manifest-saver';
import { migrateFiles } from './migrate-files';
import { emptyWorkspace, StoreView } from './store-view';
import type { Finished, Op, Tx } from './tx';

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

export { serialize };
export { emptyWorkspace };

export class WorkspaceStore extends StoreView {
  /** Every command, one after another (see command-queue.ts). */
  private readonly queue = new CommandQueue(() => this.writer.finishing);
  private readonly listeners = new Set<CommitListener>();
  readonly history = new History();
  readonly lockedBy: LockHolder | undefined;
  /** True when this open created the workspace: a brand-new, empty folder. */
  readonly isNew: boolean;
  /** Whether the catalog came from the manifest, and how many documents opening read. */
  readonly catalogSource: OpenedStore['catalogSource'];
  private readonly release: () => Promise<void>;
  /** The custody log's line, then the files, of every change (see commit-writer.ts). */
  private readonly writer: CommitWriter;
  private readonly manifest: ManifestSaver;

  private constructor(dir: string, fs: StoreFs, cache: DocumentCache, opened: OpenedStore) {
    super(dir, fs, cache, opened);
    this.lockedBy = opened.lockedBy;
    this.release = opened.release;
    this.isNew = opened.workspaceState === 'new';
    this.catalogSource = opened.catalogSource;
    this.writer = new CommitWriter(fs, dir, opened.custody, opened.fileHashes, (reason) => {
      this.readOnlyReason = reason;
    });
    this.manifest = new ManifestSaver(
      fs,
      dir,
      opened.custody,
      () => this.catalog,
      () => this.readOnly,
    );
  }

  /** The SHA-256 the custody log gives a record file as it is committed now. */
  fileHash = (path: string): string | null | undefined => this.writer.fileHashes.get(path);

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

  onCommit(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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

  /** A commit over several files is acknowledged before they are in place (commit-writer.ts). */
  protected override filesInPlace(): Promise<void> {
    return this.writer.finishing;
  }

  undo(): Promise<string> {
    return this.step('undo');
  }
  redo(): Promise<string> {
    return this.step('redo');
  }

  private step(direction: 'undo' | 'redo'): Promise<string> {
    return this.enqueue(async () => {
      const { label, tx } = await planStep(this.history, direction, (fn) => this.attempt(fn));
      const done = await this.commit(
        `${direction === 'undo' ? 'Undo' : 'Redo'}: ${label}`,
        tx.finish(),
      );
      if (direction === 'undo') this.history.undone();
      else this.history.redone();
      this.notify(done);
      return label;
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

  private chain<R>(task: () => Promise<R>): Promise<R> {
    return this.queue.chain(task);
  }

  /** Resolves once every queued command has run and its files are in place. */
  settled(): Promise<void> {
    return this.queue.idle();
  }

  /** Whether a command is queued or running: background work gives way to it. */
  get busy(): boolean {
    return this.queue.busy;
  }

  /** Writes files outside a command, all or nothing, logged first (see commit-writer.ts). */
  writeLogged(action: string, changes: FileChange[], ops: readonly Op[] = []): Promise<void> {
    return this.writer.writeLogged(action, changes, ops);
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
      finish = await this.writer.begin(action, changes, finished.ops);
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
    for (const [id, { after }] of finished.highlightsAlone) {
      this.reads.changed(id);
      // A copy read meanwhile (a view's) holds the old highlights: read it again when asked.
      this.cache.delete(id);
      const listed = this.catalog.get(id);
      if (listed) this.catalog.set(withHighlights(listed.document, after));
    }
    // Once the files are in place, their size and time say the catalog holds them as they are.
    const writer = this.writer;
    writer.finishing = (finish ? writer.finishFiles(finish) : writer.finishing).then(() =>
      this.reads.stampWritten(changes),
    );
    if (this.manifest.counted())
      writer.finishing = writer.finishing.then(() => this.saveManifest());
    return finished.ops;
  }

  /**
   * Compares every document's files with what was last read or written here, and reads
   * again those changed behind the workbench's back (see document-reads.ts); the manifest
   * is saved again after.
   */
  startFreshnessCheck(onChanged: (ids: string[]) => Promise<void>, after?: Promise<unknown>): void {
    this.reads.startFreshnessCheck(async (ids) => {
      await onChanged(ids);
      await this.saveManifest();
    }, after);
  }

  private notify(ops: readonly Op[]): void {
    for (const listener of this.listeners) listener(ops);
  }

  /** Saves the manifest so the next open need not read the documents (manifest-saver.ts). */
  saveManifest(): Promise<void> {
    return this.manifest.save();
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
    return this.writer.custody;
  }

  /** Waits for queued commands, saves the manifest and gives the lock back. */
  async close(): Promise<void> {
    this.reads.stop();
    await this.queue.idle();
    await this.saveManifest();
    await this.release();
  }
}
