// The search index of one open workspace as a service: prepared while the workspace loads
// (the saved cache, or parts built by the index workers; see index-prepare.ts), taken over
// where it still holds, completed in slices on this thread, saved back to the cache, and
// kept in step with every commit's operations.
import type { Op } from '../store/tx';
import type { WorkspaceStore } from '../store/workspace-store';
import { noteLinkResolver, type NoteLinkTarget } from '../../shared/note-links';
import type { PrepareJob } from './index-prepare';
import {
  decodeCache,
  encodeCache,
  joinCaches,
  probeTokens,
  writeCache,
  type IndexCache,
} from './search-cache';
import { SearchIndex, type SearchScope } from './search-index';
import type { BlockLookup } from '../mentions/mentions';

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

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
  private job: PrepareJob | null = null;
  private closing = false;
  /** Resolves notes' `[[...]]` links; built on first use after entities or documents change. */
  private linkResolver: ((text: string) => NoteLinkTarget | undefined) | null = null;
  /** What a search reads from the workspace: document titles and note links. */
  readonly scope: SearchScope = {
    titleOf: (id) => this.store.state.documents.get(id)?.document.title,
    resolveLink: (text) => {
      this.linkResolver ??= noteLinkResolver({
        entities: this.store.state.workspace.entities,
        documents: [...this.store.state.documents.values()].map((f) => f.document),
      });
      return this.linkResolver(text);
    },
  };

  constructor(
    private readonly store: WorkspaceStore,
    private readonly prepare: PrepareIndex,
    /** Already started when the workspace began to load, so the two overlap. */
    first?: PrepareJob,
  ) {
    this.ready = this.build(first ?? prepare());
  }

  /** Follows a commit: now, or after the prepared index is taken over. */
  commit(ops: readonly Op[]): void {
    if (this.held) this.held.push([...ops]);
    else this.follow(ops);
  }

  /** The index's block lookup for find mentions, once the index holds everything. */
  blockLookup(): BlockLookup | undefined {
    return this.complete ? (tokens) => this.index.blocksWithAll(tokens) : undefined;
  }

  /** After a change outside the command history (a repair): index anew. */
  async rebuild(): Promise<void> {
    this.linkResolver = null;
    this.index = new SearchIndex();
    this.ready = this.build(this.prepare());
    await this.ready;
  }

  /** Stops a cache save under way and waits for it to end; before the store closes. */
  async close(): Promise<void> {
    this.closing = true;
    this.job?.cancel();
    await this.saved;
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
    this.progress = { indexed: 0, total: this.store.state.documents.size };
    const index = this.index;
    this.job = job;
    this.held = [];
    const prepared = await job.result;
    // Closed meanwhile (the workers were stopped): nothing more to build.
    if (this.closing) return;
    let cache: IndexCache | undefined;
    let reason = prepared.kind === 'cache' ? '' : prepared.reason;
    try {
      if (prepared.kind === 'cache') {
        cache = await decodeCache(prepared.bytes, {
          pause: yieldToLoop,
          checked: prepared.checked,
        });
      } else if (prepared.kind === 'parts') {
        const parts: IndexCache[] = [];
        let offset = 0;
        for (const { bytes, checked } of prepared.parts) {
          const part = await decodeCache(bytes, { pause: yieldToLoop, offset, checked });
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
    const { state } = this.store;
    let ids: string[];
    let fill: (id: string) => void;
    let save = !this.store.readOnly;
    if (cache && index.pristine) {
      const adopted = await index.adopt(
        cache,
        {
          entities: state.workspace.entities,
          notes: state.workspace.notes,
          files: state.documents.values(),
        },
        yieldToLoop,
      );
      if (index !== this.index) return;
      this.source =
        prepared.kind === 'cache'
          ? { cached: true }
          : { cached: false, reason, builtBy: 'workers' };
      ids = adopted.documents;
      // What the workers built is not on disk yet.
      save &&= prepared.kind === 'parts' || !adopted.unchanged;
      fill = (id) => {
        const file = this.store.state.documents.get(id);
        if (file) index.fill(file);
      };
    } else {
      this.source = { cached: false, reason, builtBy: 'this thread' };
      for (const entity of state.workspace.entities) index.putEntity(entity);
      for (const note of state.workspace.notes) index.putNote(note);
      ids = [...state.documents.keys()];
      fill = (id) => {
        const file = this.store.state.documents.get(id);
        if (!file) return;
        index.putDocument(file.document);
        for (const annotation of file.annotations) index.putAnnotation(annotation);
      };
    }
    // The commits made meanwhile, in order (the index now stands for `state` or less).
    const held = this.held ?? [];
    this.held = null;
    for (const ops of held) this.follow(ops);
    // Documents taken from the cache count as indexed from the start.
    const total = state.documents.size;
    let done = total - ids.length;
    this.progress = { indexed: done, total };
    for (const id of ids) {
      if (this.closing) return;
      this.progress = { indexed: ++done, total };
      fill(id);
      if (done % 25 === 0) await yieldToLoop();
    }
    this.complete = true;
    // Saved after the searches waiting for the index have had their turn.
    if (save && !this.closing)
      this.saved = yieldToLoop().then(() => (this.closing ? undefined : this.save(index)));
  }

  /**
   * Writes the index to the cache, in slices. Given up (nothing written) when the index is
   * replaced or compacted meanwhile, or the workspace closes; a failed write is let go, as
   * the next open simply indexes again.
   */
  private async save(index: SearchIndex): Promise<void> {
    try {
      const source = index.cacheSource();
      const bytes = await encodeCache(
        { probe: probeTokens(), ...source.manifest },
        source.postings,
        (id) => source.live.has(id),
        async () => {
          await new Promise((resolve) => setImmediate(resolve));
          return source.intact() && index === this.index && !this.closing;
        },
      );
      if (bytes) await writeCache(this.store.dir, bytes);
    } catch {
      // Only a cache: the workspace's own files are untouched.
    }
  }

  /** Keeps the search index in step with a commit. */
  private follow(ops: readonly Op[]): void {
    for (const op of ops) {
      if (op.kind !== 'note' && op.kind !== 'annotation') this.linkResolver = null;
      switch (op.kind) {
        case 'entity':
          if (op.after) this.index.putEntity(op.after);
          else this.index.removeEntity(op.id);
          break;
        case 'annotation':
          if (op.after) this.index.putAnnotation(op.after);
          else this.index.removeAnnotation(op.id);
          break;
        case 'document':
          if (op.after) this.index.putDocument(op.after);
          break;
        case 'file':
          if (op.after) {
            this.index.putDocument(op.after.document);
            for (const a of op.after.annotations) this.index.putAnnotation(a);
          } else {
            this.index.removeDocument(op.id);
            for (const a of op.before?.annotations ?? []) this.index.removeAnnotation(a.id);
          }
          break;
        case 'note':
          if (op.after) this.index.putNote(op.after);
          else this.index.removeNote(op.id);
          break;
      }
    }
  }
}
