// The search index of one open workspace as a service: prepared while the workspace loads
// (the saved cache, or parts built by the index workers; see index-prepare.ts), taken over
// where it still holds, completed in slices on this thread, saved back to the cache, and
// kept in step with every commit's operations: a commit that brings much text at once (an
// annotations import of a megabyte of quotes) is indexed a slice at a time too, searches
// waiting for it, so no commit holds the thread that answers every call for long; and so
// is one very long paragraph (up to the 20 M characters a document may hold), a piece at a
// time (IndexTable.putDocumentSteps).
import type { Op } from '../store/tx';
import type { WorkspaceStore } from '../store/workspace-store';
import { noteLinkResolver, type NoteLinkTarget } from '../../shared/note-links';
import type { PrepareJob } from './index-prepare';
import { decodeCache, joinCaches, probeTokens, type IndexCache } from './search-cache';
import { encodeCache, writeCache } from './search-cache-write';
import { SearchIndex, type SearchScope } from './search-index';
import type { BlockLookup } from '../mentions/mentions';
import { FOLLOW_MS, giveWay, pauseFor } from './index-turns';
import { nextTurn } from '../time-slices';
import { opSteps } from './op-steps';

/** Documents read and indexed between two turns of the event loop. */
const SLICE = 25;

/** Starts preparing what the search index opens from (see index-prepare.ts). */
export type PrepareIndex = () => PrepareJob;

export type IndexSource =
  { cached: true } | { cached: false; reason: string; builtBy: 'workers' | 'this thread' };

export class IndexService {
  index = new SearchIndex();
  /** Resolves once every record in the store is in the search index. */
  ready: Promise<void>;
  /** True once the index holds everything, so it may narrow where a scan looks. */
  complete = false;
  /** How far the index build has come, in documents. */
  progress = { indexed: 0, total: 0 };
  /** Resolves once the index built at open has been saved to the cache (or need not be). */
  saved: Promise<void> = Promise.resolve();
  /** Whether the index was taken from the cache at open, and why not if it was not. */
  source: IndexSource = { cached: false, reason: 'not yet read', builtBy: 'this thread' };
  /** Commits made while the index waits for what it opens from, applied once it has it. */
  private held: Op[][] | null = null;
  /** Operations of commits not indexed yet, in order, from `behindAt` on (see `follow`). */
  private behind: Op[] = [];
  private behindAt = 0;
  /** The steps of the operation being indexed, when it did not fit in one turn. */
  private current: Iterator<void> | null = null;
  /** Resolves once `behind` is indexed (or dropped by a rebuild). */
  private caughtUp: Promise<void> = Promise.resolve();
  private job: PrepareJob | null = null;
  private closing = false;
  /** Resolves notes' `[[...]]` links; built on first use after entities or documents change. */
  private linkResolver: ((text: string) => NoteLinkTarget | undefined) | null = null;
  /** What a search reads from the workspace: titles, note links, the documents of hits. */
  readonly scope: SearchScope = {
    titleOf: (id) => this.store.catalog.get(id)?.document.title,
    resolveLink: (text) => {
      this.linkResolver ??= noteLinkResolver({
        entities: this.store.workspace.entities,
        documents: [...this.store.catalog.values()].map((s) => s.document),
      });
      return this.linkResolver(text);
    },
    documents: (ids) => this.store.documents(ids),
  };

  constructor(
    private readonly store: WorkspaceStore,
    private readonly prepare: PrepareIndex,
    /** Already started when the workspace began to load, so the two overlap. */
    first?: PrepareJob,
  ) {
    this.ready = this.build(first ?? prepare());
  }

  /** Whether the index changed since it was last saved. */
  private dirty = false;

  /** Follows a commit: now, or after the prepared index is taken over. */
  commit(ops: readonly Op[]): void {
    this.dirty = true;
    if (this.held) this.held.push([...ops]);
    else this.follow(ops);
  }

  /** The index's block lookup for find mentions, once the index holds everything. */
  blockLookup(): BlockLookup | undefined {
    // This whole index, though asked after an await: a rebuild's new one holds nothing at first.
    const index = this.index;
    return this.complete && !this.following ? (t) => index.blocksWithAll(t) : undefined;
  }

  /**
   * Indexes again documents whose files changed behind the workbench's back (found by the
   * store's freshness check): each as its files now are, or taken out if gone.
   */
  async refresh(ids: readonly string[]): Promise<void> {
    await this.ready;
    const index = this.index;
    const files = await this.store.documents(ids, { keep: false });
    if (index !== this.index) return;
    // Highlights at once, as just read; each document's text in steps, unless a later
    // commit wrote it meanwhile (then that version stands).
    for (const id of ids) index.clearDocument(id, files.get(id));
    this.linkResolver = null;
    for (const id of ids) {
      const file = files.get(id);
      if (file) await this.runSteps(index.fillDocumentSteps(file.document), index);
    }
  }

  /**
   * Runs indexing steps, giving the thread back each time FOLLOW_MS have passed; stops if
   * the index is replaced meanwhile.
   */
  private async runSteps(steps: Iterator<void>, index: SearchIndex): Promise<void> {
    let until = performance.now() + FOLLOW_MS;
    while (index === this.index && !steps.next().done) {
      if (performance.now() < until) continue;
      await nextTurn();
      until = performance.now() + FOLLOW_MS;
    }
  }

  /** After a repair, or a commit bringing many documents (bulk-arrival.ts): index anew. */
  async rebuild(prepare: PrepareIndex = this.prepare): Promise<void> {
    this.linkResolver = null;
    // The new index is built from the store as it is, which holds what was still behind
    // (and what the replaced one's workers are still reading: they stop).
    this.job?.cancel();
    this.behind = [];
    this.behindAt = 0;
    this.current = null;
    this.index = new SearchIndex();
    this.ready = this.build(prepare());
    await this.ready;
  }

  /**
   * Stops a cache save under way and waits for it to end, then saves the index once more
   * if it changed since: the next open then takes every document over without reading it.
   */
  async close(): Promise<void> {
    this.closing = true;
    this.job?.cancel();
    await this.caughtUp;
    await this.saved;
    if (this.dirty && this.complete && !this.store.readOnly) await this.save(this.index, true);
  }

  /**
   * Takes over what was prepared (the saved cache, or the index the workers built) where
   * it still holds, or else indexes in slices on this thread, yielding between them, so a
   * large workspace is usable at once. Commits made while the prepared index is awaited
   * and taken over are held and applied after; later ones update the index through
   * `follow`; each document is indexed from the state current at its slice. An index
   * that differs from the cache is saved to it afterwards.
   */
  private async build(job: PrepareJob): Promise<void> {
    this.complete = false;
    this.progress = { indexed: 0, total: this.store.catalog.size };
    const index = this.index;
    this.job = job;
    this.held = [];
    const prepared = await job.result;
    // Closed meanwhile (the workers were stopped): nothing more to build.
    if (this.closing) return;
    let cache: IndexCache | undefined;
    let reason = prepared.kind === 'cache' ? '' : prepared.reason;
    const pause = (): Promise<void> => pauseFor(this.store);
    try {
      if (prepared.kind === 'cache') {
        cache = await decodeCache(prepared.bytes, { pause, checked: prepared.checked });
      } else if (prepared.kind === 'parts') {
        const parts: IndexCache[] = [];
        let offset = 0;
        for (const { bytes, checked } of prepared.parts) {
          const part = await decodeCache(bytes, { pause, offset, checked });
          offset = part.manifest.nextId - 1;
          parts.push(part);
        }
        cache = joinCaches(parts);
      }
    } catch (error) {
      cache = undefined;
      reason = error instanceof Error ? error.message : String(error);
    }
    if (index !== this.index) return;
    const { store } = this;
    let ids: string[];
    let save = !store.readOnly;
    if (cache && index.pristine) {
      const adopted = await index.adopt(
        cache,
        {
          entities: store.workspace.entities,
          notes: store.workspace.notes,
          documents: store.catalog.values(),
          fileHash: store.fileHash,
        },
        pause,
      );
      if (index !== this.index) return;
      this.source =
        prepared.kind === 'cache'
          ? { cached: true }
          : { cached: false, reason, builtBy: 'workers' };
      ids = adopted.documents;
      // What the workers built is not on disk yet.
      save &&= prepared.kind === 'parts' || !adopted.unchanged;
    } else {
      this.source = { cached: false, reason, builtBy: 'this thread' };
      for (const entity of store.workspace.entities) index.putEntity(entity);
      for (const note of store.workspace.notes) index.putNote(note);
      ids = [...store.catalog.ids()];
    }
    // The commits made meanwhile, in order (the index now stands for `state` or less).
    const held = this.held ?? [];
    this.held = null;
    for (const ops of held) this.follow(ops);
    // Documents taken from the cache count as indexed from the start. The others are read
    // a slice at a time (each as it is now) and indexed; none is kept for it.
    const total = store.catalog.size;
    let done = total - ids.length;
    this.progress = { indexed: done, total };
    for (let at = 0; at < ids.length; at += SLICE) {
      if (this.closing || index !== this.index) return;
      const slice = ids.slice(at, at + SLICE);
      const files = await store.documents(slice, { keep: false });
      // Highlights as just read, at once; then each document's text in steps (a later
      // commit writing one meanwhile stops them: its version stands).
      for (const file of files.values()) index.fillHighlights(file);
      for (const id of slice) {
        const file = files.get(id);
        if (file) await this.runSteps(index.fillDocumentSteps(file.document), index);
      }
      done += slice.length;
      this.progress = { indexed: done, total };
      await nextTurn();
    }
    this.complete = true;
    // Saved after the searches waiting for the index have had their turn.
    if (save && !this.closing)
      this.saved = nextTurn().then(() => (this.closing ? undefined : this.save(index)));
  }

  /**
   * Writes the index to the cache, in slices. Given up (nothing written) when the index is
   * replaced or compacted meanwhile, or the workspace closes; a failed write is let go, as
   * the next open simply indexes again.
   */
  private async save(index: SearchIndex, closing = false): Promise<void> {
    // Not while commits wait to be indexed: the snapshot takes each file's hash as it is
    // now, so it would claim records the index does not hold yet, and the next open
    // would take the cache over without them.
    while (this.following && index === this.index) await this.caughtUp;
    if (index !== this.index || (this.closing && !closing)) return;
    this.dirty = false;
    try {
      const source = index.cacheSource(this.store.fileHash);
      const bytes = await encodeCache(
        { probe: probeTokens(), ...source.manifest },
        source.postings,
        (id) => source.live[id] === 1,
        async () => {
          await pauseFor(this.store);
          return source.intact() && index === this.index && (closing || !this.closing);
        },
      );
      if (bytes) await writeCache(this.store.dir, bytes);
    } catch {
      // Only a cache: the workspace's own files are untouched.
    }
  }

  /**
   * Keeps the search index in step with a commit: its operations are indexed until
   * FOLLOW_MS have passed, and the rest (with any commit after them) in later turns of
   * the event loop. Searches wait for them through `ready`.
   */
  private follow(ops: readonly Op[]): void {
    if (this.following) {
      for (const op of ops) this.behind.push(op);
      return;
    }
    this.behind = [...ops];
    this.behindAt = 0;
    this.followFor();
    if (!this.following) return;
    const index = this.index;
    this.caughtUp = (async () => {
      while (this.following && index === this.index) {
        await nextTurn();
        await giveWay(this.store);
        if (index === this.index) this.followFor();
      }
    })();
    this.ready = Promise.all([this.ready, this.caughtUp]).then(() => undefined);
  }

  /** Whether operations are still to be indexed (or one is part way). */
  private get following(): boolean {
    return this.current !== null || this.behindAt < this.behind.length;
  }

  /**
   * Indexes operations that are behind, a step at a time (an operation is one step unless
   * it brings a very long paragraph), until they are done or FOLLOW_MS have passed.
   */
  private followFor(): void {
    const until = performance.now() + FOLLOW_MS;
    while (this.following) {
      if (!this.current) {
        const op = this.behind[this.behindAt++]!;
        // What a note's `[[...]]` link names may have changed.
        if (op.kind !== 'note' && op.kind !== 'annotation') this.linkResolver = null;
        this.current = opSteps(this.index, op);
      }
      if (this.current.next().done) this.current = null;
      if (performance.now() >= until) break;
    }
    if (this.following) return;
    this.behind = [];
    this.behindAt = 0;
  }
}
