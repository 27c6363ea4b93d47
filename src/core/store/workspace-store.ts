// The workspace on disk and in memory, behind one queue. Every change is a command that
// runs alone (no two interleave, so a check and the write that depends on it cannot be
// split by another command), commits all its files or none through the journal, and only
// then becomes the state that reads see. One process holds the workspace's lock; any
// other opener gets a read-only view and is told who holds it.
import { dirname, join } from 'node:path';
import type { FileProblem, HistoryInfo, LockHolder } from '../../shared/api';
import { SCHEMA_VERSION, type WorkspaceFile } from '../../shared/model';
import { APP_VERSION } from '../../shared/version';
import { readOnly, WorkbenchError } from '../../shared/errors';
import { nodeFs, TEMP_SUFFIX, type StoreFs } from './durable';
import { History, stillCurrent } from './history';
import { CustodyKeeper } from './custody-keeper';
import type { Author } from './custody';
import { beginCommit, readJournal, recoverJournal, type FileChange } from './journal';
import {
  CACHE_FOLDER,
  documentFiles,
  documentIdOf,
  documentPath,
  highlightsFileOf,
  highlightsPath,
  recordFileOf,
  serialize,
  WORKSPACE_FILE,
} from './layout';
import { loadWorkspace, type Damage } from './load';
import { acquireLock, isAlive } from './lock';
import { applyOps, invert, Tx, type Finished, type Op, type StoreState } from './tx';

export interface StoreOptions {
  /** What kind of process opens the workspace: shown to anyone else who tries. */
  host: string;
  fs?: StoreFs;
  /** Who makes the changes, and with what: written in the custody log. */
  author?: Author;
}

export type CommitListener = (ops: readonly Op[]) => void;

/** Who writes when the host does not say: this machine's user, with this workbench. */
const DEFAULT_AUTHOR: Author = { by: 'unknown', tool: `Research Workbench ${APP_VERSION}` };

/** A file system that refused a write (full disk, failing drive): said as such, not as a bug. */
function writeFailed(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (!code) return error;
  return new WorkbenchError(
    'WRITE_FAILED',
    `Not saved: the file system refused the write (${(error as Error).message}). Nothing was changed.`,
  );
}

export { serialize };

export const emptyWorkspace = (): WorkspaceFile => ({
  schemaVersion: SCHEMA_VERSION,
  entities: [],
  notes: [],
});

/** Removes temp files left by writers that no longer run (their pid is in the name). */
async function removeStrayTemps(fs: StoreFs, dir: string): Promise<void> {
  for (const folder of ['', 'documents', 'highlights', 'trash', CACHE_FOLDER].map((f) =>
    join(dir, f),
  )) {
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.endsWith(TEMP_SUFFIX)) continue;
      const pid = Number(/\.(\d+)\.\d+\.tmp$/.exec(name)?.[1]);
      if (pid && pid !== process.pid && isAlive(pid)) continue;
      const stats = await fs.lstat(join(folder, name)).catch(() => null);
      if (stats?.isFile()) await fs.rm(join(folder, name), { force: true });
    }
  }
}

export class WorkspaceStore {
  private queue: Promise<unknown> = Promise.resolve();
  /** The last journalled commit's files being put in place; never rejects. */
  private finishing: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<CommitListener>();
  readonly history = new History();
  /** The custody log, when this process may write the workspace. */
  private custody: CustodyKeeper | null = null;

  private constructor(
    readonly dir: string,
    private readonly fs: StoreFs,
    public state: StoreState,
    public problems: FileProblem[],
    public damaged: Map<string, Damage>,
    public readOnlyReason: string | undefined,
    readonly lockedBy: LockHolder | undefined,
    private readonly release: () => Promise<void>,
    /** True when this open created the workspace: a brand-new, empty folder. */
    readonly isNew: boolean,
  ) {}

  static async open(dir: string, options: StoreOptions): Promise<WorkspaceStore> {
    const fs = options.fs ?? nodeFs;
    await fs.mkdir(dir, { recursive: true });
    const lock = await acquireLock(fs, dir, options.host);
    let overlay = new Map<string, string | null>();
    const problems: FileProblem[] = [];
    let journalProblem: string | undefined;
    try {
      if (lock.held) {
        await removeStrayTemps(fs, dir);
        await recoverJournal(fs, dir);
      } else {
        // The holder may be part way through a commit: read as if it had finished.
        overlay = new Map((await readJournal(fs, dir))?.map((c) => [c.path, c.content]) ?? []);
      }
    } catch (error) {
      journalProblem = `an unfinished change could not be completed (${(error as Error).message})`;
      problems.push({
        file: '.journal.json',
        reason: journalProblem,
        repair: 'none: move .journal.json out of the folder to open it',
      });
    }
    const loaded = await loadWorkspace(fs, dir, overlay);
    problems.push(...loaded.problems);
    // The custody log starts or goes on (after the journal, so the last change is whole).
    let custody: CustodyKeeper | null = null;
    if (lock.held && !journalProblem) {
      const started = await CustodyKeeper.start(fs, dir, options.author ?? DEFAULT_AUTHOR);
      custody = started.keeper;
      problems.push(...started.problems);
    }
    const holder = lock.held ? undefined : lock.holder;
    const reason = holder
      ? `This workspace is open in the ${holder.host} (process ${holder.pid} on ${holder.hostname}) since ${holder.since}; it is read-only here until that one closes.`
      : journalProblem
        ? `This workspace is read-only because ${journalProblem}.`
        : loaded.workspaceState === 'missing' || loaded.workspaceState === 'damaged'
          ? `workspace.json cannot be used: ${loaded.problems.find((p) => p.file === WORKSPACE_FILE)?.reason ?? 'it is damaged'}. Repair the workspace to make changes.`
          : undefined;
    const state: StoreState = {
      workspace: loaded.workspace ?? emptyWorkspace(),
      documents: loaded.documents,
    };
    const store = new WorkspaceStore(
      dir,
      fs,
      state,
      problems,
      loaded.damaged,
      reason,
      holder,
      lock.held ? lock.release : () => Promise.resolve(),
      loaded.workspaceState === 'new',
    );
    store.custody = custody;
    if (!reason && loaded.workspaceState === 'new') {
      await fs.mkdir(join(dir, 'documents'), { recursive: true });
      await store.writeLogged('Workspace created', [
        { path: WORKSPACE_FILE, content: serialize(state.workspace) },
      ]);
    }
    if (!reason && loaded.migrated.length) await store.migrateFiles(loaded.migrated);
    return store;
  }

  /** Copies files written by an older schema aside, then rewrites them in this one. */
  private async migrateFiles(paths: readonly string[]): Promise<void> {
    const backup = join(this.dir, 'backups', `before-schema-${SCHEMA_VERSION}-${Date.now()}`);
    for (const path of paths) {
      const from = join(this.dir, path);
      if (!(await this.fs.lstat(from).catch(() => null))) continue; // written new, not migrated
      await this.fs.mkdir(dirname(join(backup, path)), { recursive: true });
      await this.fs.copyFile(from, join(backup, path));
    }
    const changes = paths.map((path) => ({ path, content: this.contentAt(path) }));
    await this.writeLogged(`Files upgraded to schema ${SCHEMA_VERSION}`, changes);
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
    const seq = await this.custody?.record(action, changes, ops);
    try {
      return await beginCommit(this.fs, this.dir, changes);
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

  private contentAt(path: string): string {
    if (path === WORKSPACE_FILE) return serialize(this.state.workspace);
    const file = this.state.documents.get(documentIdOf(path)!)!;
    return serialize(path.startsWith('highlights/') ? highlightsFileOf(file) : recordFileOf(file));
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

  /** Runs `fn` as one command after every command before it; `label` makes it undoable. */
  run<R>(label: string | null, fn: (tx: Tx) => R): Promise<R> {
    return this.enqueue(async () => {
      const tx = new Tx(this.state, this.blocked, new Date().toISOString());
      const value = fn(tx);
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
      if (!stillCurrent(this.state, expected)) {
        this.history.clear();
        throw new WorkbenchError(
          'CONFLICT',
          `“${step.label}” cannot be ${direction === 'undo' ? 'undone' : 'redone'}: the records it changed have changed since. The history was cleared.`,
        );
      }
      const tx = new Tx(this.state, this.blocked, new Date().toISOString());
      applyOps(tx, ops);
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
   * Makes a finished command durable, all or nothing, then its state current. A command
   * over several files is durable once its journal is written: the files are put in place
   * after it is acknowledged, before the next command runs (see `enqueue`).
   */
  private async commit(action: string, finished: Finished): Promise<Op[]> {
    const changes = this.changesOf(finished);
    if (!changes.length) return [];
    let finish: (() => Promise<void>) | null;
    try {
      finish = await this.begin(action, changes, finished.ops);
    } catch (error) {
      throw writeFailed(error);
    }
    this.state = finished.state;
    if (finish) this.finishing = this.finishFiles(finish);
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

  private changesOf(finished: Finished): FileChange[] {
    const changes: FileChange[] = [];
    const record = (path: string, data: object): FileChange => ({
      path,
      content: serialize(data as WorkspaceFile),
      record: data,
    });
    if (finished.workspaceChanged) changes.push(record(WORKSPACE_FILE, finished.state.workspace));
    for (const [id, file] of finished.touched) {
      const trash = finished.trashNames.get(id);
      const trashPath = trash ? `trash/${trash}.json` : undefined;
      const before = finished.before.documents.get(id);
      if (file && before) {
        // Only the part that changed is written: a highlight's save leaves the text alone.
        if (file.document !== before.document)
          changes.push(record(documentPath(id), recordFileOf(file)));
        if (file.annotations !== before.annotations)
          changes.push(record(highlightsPath(id), highlightsFileOf(file)));
      } else if (file) {
        changes.push(...documentFiles(file));
        if (trashPath) changes.push({ path: trashPath, content: null });
      } else if (before) {
        // trash/ keeps a deleted document whole, text and highlights in one file.
        changes.push({ path: trashPath!, content: serialize(before) });
        changes.push({ path: documentPath(id), content: null });
        changes.push({ path: highlightsPath(id), content: null });
      }
    }
    return changes;
  }

  private notify(ops: readonly Op[]): void {
    for (const listener of this.listeners) listener(ops);
  }

  /** Replaces the state after a repair, which is outside the command history. */
  replaceAfterRepair(
    state: StoreState,
    problems: FileProblem[],
    damaged: Map<string, Damage>,
    readOnlyReason: string | undefined,
  ): void {
    this.state = state;
    this.problems = problems;
    this.damaged = damaged;
    this.readOnlyReason = readOnlyReason;
    this.history.clear();
  }

  get fileSystem(): StoreFs {
    return this.fs;
  }

  /** Waits for queued commands and gives the lock back. */
  async close(): Promise<void> {
    await this.queue;
    await this.release();
  }
}
