// The workbench core: one object that implements the whole WorkbenchApi for one workspace
// folder. Every host (Electron's IPC, the browser host's HTTP, the command line) wraps
// this and nothing else, so they cannot drift apart.
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { APP_VERSION } from '../shared/version';
import type { Envelope, Input, MethodName, Output, WorkbenchHandlers } from '../shared/api';
import { CoreContext } from './context';
import { TagIndex } from './entities/tag-index';
import type { Listener } from './change-feed';
import { dispatch } from './dispatch';
import { analysisHandlers } from './analysis/handlers';
import { annotationsHandlers } from './annotations/handlers';
import { codebookHandlers } from './codebook/handlers';
import type { Budget } from './annotations/interchange/placer';
import { addDocument, documentsHandlers } from './documents/handlers';
import { entitiesHandlers } from './entities/handlers';
import { eventsHandlers } from './events/handlers';
import { exportHandlers } from './export/handlers';
import { evidenceHandlers } from './evidence/handlers';
import { historyHandlers } from './history/handlers';
import { linksHandlers } from './links/handlers';
import { mentionsHandlers } from './mentions/handlers';
import { notesHandlers } from './notes/handlers';
import { HandlerRegistry } from './registry';
import { searchHandlers } from './search/handlers';
import { syncHandlers } from './sync/handlers';
import { TeamSharing } from './sync/team-sharing';
import { tagsHandlers } from './tags/handlers';
import { workspaceHandlers } from './workspace/handlers';
import { workspacesHandlers } from './workspaces/handlers';
import type { WorkspacesHost } from './workspaces/switcher';
import { IMPORTERS } from './importers/registry';
import { createWorkerParser } from './importers/worker-parser';
import { OFF_THREAD_MINIMUM } from './mentions/count-off-thread';
import { prepareIndex, type PrepareJob } from './search/index-prepare';
import type { IndexSource } from './search/index-service';
import type { StoreFs } from './store/durable';
import { WorkspaceStore } from './store/workspace-store';

export interface WorkbenchOptions {
  /** A text file added as the first document when the workspace is brand new. */
  sampleArticle?: string;
  /** Who opens the workspace ('desktop app', 'browser host', 'command line'): named to others. */
  host?: string;
  /** The file system, for fault-injection tests. */
  fs?: StoreFs;
  /**
   * The built import worker (parse-worker.ts as a bundle): imported files are parsed
   * there, off the thread that answers calls. Without it they are parsed in this thread.
   */
  importWorker?: string | URL;
  /**
   * The built search worker (search-worker.ts as a bundle): without a usable cache, the
   * index is built there, in parts, off the thread that answers calls. Without it, it is
   * built in slices in this thread.
   */
  searchWorker?: string | URL;
  /** The member of the team making the changes, as the custody log names them. */
  member?: string;
  /** How much memory documents read may take, in bytes (256 MB by default). */
  cacheBytes?: number;
  /**
   * How long the import worker may take over one file (by default it grows with the
   * file's size: src/core/importers/limits.ts).
   */
  importTimeoutMs?: number;
  /** Time budgets of an annotations import other than the defaults (tests, benches). */
  annotationBudget?: Partial<Budget>;
  /** The host's workspace switcher, which answers `workspaces.*` (none: they are refused). */
  workspaces?: WorkspacesHost;
  /**
   * Reconnect a shared workspace to its team as it opens and follow it live (the window's
   * hosts). Off for the command line, which runs its own sync rounds.
   */
  liveSync?: boolean;
}

export interface Workbench {
  readonly dir: string;
  readonly handlers: WorkbenchHandlers;
  /** Validates and runs one untrusted call from a host; always resolves to an envelope. */
  dispatch(method: string, payload: unknown): Promise<Envelope<unknown>>;
  /** The same, typed, for trusted callers in this process (the CLI, tests). */
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Envelope<Output<M>>>;
  subscribe(listener: Listener): () => void;
  /**
   * The core itself, for extensions running in this process beside the API (team sync
   * follows its commits and runs commands through its queue). Hosts use `call`/`dispatch`.
   */
  readonly core: CoreContext;
  /** Resolves when the search index holds the whole workspace. */
  readonly indexed: Promise<void>;
  /** Resolves when that index has been saved to the cache, when it needed saving. */
  readonly indexSaved: Promise<void>;
  /**
   * Resolves once every document's files were compared with what the workbench last read
   * or wrote, and those changed behind its back read again and checked.
   */
  readonly checked: Promise<void>;
  /**
   * How the documents are held: how many the catalog lists, how many are in memory, and
   * how many reads from disk there have been (the tests and the benchmark look).
   */
  documentsHeld(): {
    listed: number;
    inMemory: number;
    reads: number;
    /** Documents whose record alone (text, no highlights) was read for a view. */
    recordReads: number;
    /** Record files looked at as bytes alone for a view, not parsed (record-screen.ts). */
    screens: number;
    /** Of recordReads, those read and counted by a search worker (count-records.ts). */
    workerCounts: number;
    highlightReads: number;
    manifest: boolean;
  };
  /** Whether the index was taken from the cache, and why not. */
  readonly indexSource: IndexSource;
  /** True when another process holds the workspace or it is damaged: nothing is written. */
  readonly readOnly: boolean;
  /** Finishes queued commands and gives the workspace lock back. */
  /**
   * Resolves once every change so far is in its own files. A change over several files is
   * durable (journalled) when its call answers; its files are put in place just after.
   */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** This machine's user, as the custody log names whoever opened the workspace. */
function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export async function openWorkbench(
  dir: string,
  options: WorkbenchOptions = {},
): Promise<Workbench> {
  // The search index is prepared while the workspace loads (index-prepare.ts).
  const prepare = (): PrepareJob => prepareIndex(dir, options.searchWorker);
  // The first one checks a saved cache once the workspace is open: both need the thread.
  let opened!: () => void;
  const first = prepareIndex(dir, options.searchWorker, {
    opened: new Promise<void>((r) => (opened = r)),
  });
  let store: WorkspaceStore;
  try {
    const host = options.host ?? 'workbench';
    store = await WorkspaceStore.open(dir, {
      host,
      fs: options.fs,
      author: {
        by: options.member ?? userName(),
        tool: `Research Workbench ${APP_VERSION} (${host})`,
      },
      ...(options.cacheBytes ? { cacheBytes: options.cacheBytes } : {}),
    });
  } catch (error) {
    opened();
    first.cancel();
    throw error;
  }
  // Nothing commits before the context follows the store: the tag index is built in slices.
  const tags = await TagIndex.build(store.catalog.values());
  opened();
  // A commit bringing many documents is indexed by the workers too (bulk-arrival.ts).
  const worker = options.searchWorker;
  const bulk = worker
    ? (fresh: string): PrepareJob =>
        prepareIndex(dir, worker, { fresh, before: () => store.settled() })
    : undefined;
  const ctx = new CoreContext(store, prepare, first, bulk, tags);
  if (worker) ctx.offThread = { worker, minimum: OFF_THREAD_MINIMUM };
  if (options.sampleArticle && !store.readOnly && store.isNew) {
    const bytes = await readFile(options.sampleArticle);
    await addDocument(ctx, await IMPORTERS.text(bytes, basename(options.sampleArticle)));
    // Opening on the sample is not a step the user took: it is not offered for undo.
    store.history.clear();
  }
  const parse = options.importWorker
    ? createWorkerParser(options.importWorker, { timeoutMs: options.importTimeoutMs })
    : undefined;
  // With liveSync, a shared workspace reconnects as it opens (only a shared one loads Automerge).
  const team = new TeamSharing(ctx, dir, options.liveSync === true);
  const handlers = new HandlerRegistry()
    .add('workspace', workspaceHandlers(ctx))
    .add('documents', documentsHandlers(ctx, parse))
    .add(
      'annotations',
      annotationsHandlers(ctx, { worker: options.importWorker, budget: options.annotationBudget }),
    )
    .add('tags', tagsHandlers(ctx))
    .add('entities', entitiesHandlers(ctx))
    .add('notes', notesHandlers(ctx))
    .add('mentions', mentionsHandlers(ctx))
    .add('analysis', analysisHandlers(ctx))
    .add('events', eventsHandlers(ctx))
    .add('export', exportHandlers(ctx))
    .add('evidence', evidenceHandlers(ctx))
    .add('search', searchHandlers(ctx))
    .add('history', historyHandlers(ctx))
    .add('codebook', codebookHandlers(ctx))
    .add('links', linksHandlers(ctx))
    .add('workspaces', workspacesHandlers(options.workspaces))
    .add('sync', syncHandlers(team))
    .complete();
  return {
    dir,
    handlers,
    dispatch: (method, payload) => dispatch(handlers, method, payload),
    call: <M extends MethodName>(method: M, input: Input<M>) =>
      dispatch(handlers, method, input) as Promise<Envelope<Output<M>>>,
    subscribe: (listener) => ctx.feed.subscribe(listener),
    core: ctx,
    get indexed() {
      return ctx.search.ready;
    },
    get indexSaved() {
      return ctx.search.ready.then(() => ctx.search.saved);
    },
    get indexSource() {
      return ctx.search.source;
    },
    get checked() {
      return store.fresh;
    },
    documentsHeld: () => ({
      listed: store.catalog.size,
      inMemory: store.cache.size,
      reads: store.cache.reads,
      recordReads: store.cache.recordReads,
      screens: store.cache.screens,
      workerCounts: store.cache.workerCounts,
      highlightReads: store.cache.highlightReads,
      manifest: store.catalogSource.manifest,
    }),
    get readOnly() {
      return store.readOnly;
    },
    settled: () => store.settled(),
    close: async () => {
      await team.close();
      await ctx.search.close();
      await store.close();
    },
  };
}
