// What reads of a workspace see: workspace.json, the catalog of every document, the
// problems found and the files never to be written over, and the documents read so far (a
// cache bounded by memory); reading documents on demand, one at a time or streamed, and
// running a function through a command's view of the state (attempt.ts). The store
// (workspace-store.ts) adds, on top, the commands that change it.
import type { FileProblem } from '../../shared/api';
import {
  SCHEMA_VERSION,
  type Document,
  type DocumentFile,
  type WorkspaceFile,
} from '../../shared/model';
import { attempt } from './attempt';
import type { Catalog } from './catalog';
import type { DocumentCache } from './document-cache';
import { DocumentReads } from './document-reads';
import type { StoreFs } from './durable';
import { documentPath, highlightsPath } from './layout';
import { screenRecords, type VouchedStamp } from './record-screen';
import type { Damage, LoadedWorkspace } from './load';
import type { StoreState, Tx } from './tx';

export const emptyWorkspace = (): WorkspaceFile => ({
  schemaVersion: SCHEMA_VERSION,
  entities: [],
  notes: [],
});

export abstract class StoreView {
  workspace: WorkspaceFile;
  catalog: Catalog;
  problems: FileProblem[];
  damaged: Map<string, Damage>;
  readOnlyReason: string | undefined;
  /** Reading documents after opening, and again when changed behind our back. */
  protected readonly reads: DocumentReads;

  protected constructor(
    readonly dir: string,
    protected readonly fs: StoreFs,
    /** The documents read so far, while memory allows. */
    readonly cache: DocumentCache,
    opened: LoadedWorkspace & { readOnlyReason: string | undefined },
  ) {
    this.workspace = opened.workspace ?? emptyWorkspace();
    this.catalog = opened.catalog;
    this.problems = opened.problems;
    this.damaged = opened.damaged;
    this.readOnlyReason = opened.readOnlyReason;
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
      exclusive: (task) => this.exclusive(task),
      filesInPlace: () => this.filesInPlace(),
    });
  }

  /** Resolves once the last commit's files are in place (see WorkspaceStore). */
  protected filesInPlace(): Promise<void> {
    return Promise.resolve();
  }

  /** Runs work that must not interleave with commands (the store's queue). */
  abstract exclusive<R>(task: () => Promise<R>): Promise<R>;

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

  /** Record files the catalog's stamps vouch for, with their [size, time] (DocumentReads). */
  vouchedRecords(ids: readonly string[]): Promise<Map<string, readonly [number, number]>> {
    return this.reads.vouchedRecords(ids);
  }

  /**
   * Of these documents not in memory, those whose vouched record file (`stamps`) `test`
   * turns away from its bytes alone, without parsing it (record-screen.ts).
   */
  async screenRecords(
    ids: readonly string[],
    stamps: ReadonlyMap<string, VouchedStamp>,
    test: (bytes: Buffer) => boolean,
  ): Promise<Set<string>> {
    // A document in memory is tested on its text, which costs no reading.
    const unread = ids.filter((id) => !this.cache.has(id));
    const { cannot, looked } = await screenRecords(this.dir, unread, stamps, test);
    this.cache.screens += looked;
    return cannot;
  }

  /**
   * Of these documents not in memory, those whose vouched record file (`stamps`) `count`
   * (a worker: ../mentions/count-off-thread.ts) read cleanly, with what it counted. The
   * others (in memory, not vouched, changed or damaged since) are not in the answer: the
   * caller reads them as before (streamRecords), which reports damage.
   */
  async countRecords<T>(
    ids: readonly string[],
    stamps: ReadonlyMap<string, VouchedStamp>,
    count: (
      dir: string,
      records: { id: string; stamp: VouchedStamp }[],
    ) => Promise<ReadonlyMap<string, T>>,
  ): Promise<Map<string, T>> {
    const records = ids.flatMap((id) => {
      const stamp = stamps.get(id);
      return stamp && !this.cache.has(id) ? [{ id, stamp }] : [];
    });
    const out = new Map<string, T>();
    if (!records.length) return out;
    const asked = new Set(records.map((r) => r.id));
    for (const [id, n] of await count(this.dir, records)) if (asked.has(id)) out.set(id, n);
    this.cache.recordReads += out.size;
    this.cache.workerCounts += out.size;
    return out;
  }

  /**
   * Documents' highlights, from the highlights file read alone where the store vouches for
   * it, else the document whole (DocumentReads.highlights).
   */
  highlightsOf(ids: readonly string[]): ReturnType<DocumentReads['highlights']> {
    return this.reads.highlights(ids);
  }

  /** One document, read if need be. */
  async document(id: string): Promise<DocumentFile> {
    return this.read((tx) => tx.document(id));
  }

  /**
   * Runs `fn` against the current state, reading the documents it asks for and running it
   * again, until it has all it needs (see attempt.ts).
   */
  protected attempt<R>(fn: (tx: Tx) => R): Promise<{ value: R; tx: Tx }> {
    return attempt(
      {
        current: () => ({ workspace: this.workspace, catalog: this.catalog }),
        peek: (id) => this.cache.peek(id),
        blocked: this.blocked,
        read: (ids) => this.documents(ids),
        readHighlights: (ids) => this.reads.highlights(ids),
      },
      fn,
    );
  }

  /** Reads the current state through a command's view; whatever it sets is thrown away. */
  async read<R>(fn: (tx: Tx) => R): Promise<R> {
    return (await this.attempt(fn)).value;
  }

  /** Resolves once the freshness check (see WorkspaceStore) is done. */
  get fresh(): Promise<void> {
    return this.reads.fresh;
  }
  get isFresh(): boolean {
    return this.reads.isFresh;
  }
}
