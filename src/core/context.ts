// What every group of handlers shares: the store (whose commands are the only way to
// change anything), the search index kept in step with every commit, and the change feed
// that tells the hosts which records changed. Both follow from a commit's operations, so
// a command, its undo and its redo update the index and the UI the same way.
import type { ChangeTopic, WorkbenchEvent } from '../shared/api';
import type { Annotation } from '../shared/model';
import { newId } from './store/load';
import { Tx, type Op } from './store/tx';
import type { WorkspaceStore } from './store/workspace-store';
import { noteLinkResolver, type NoteLinkTarget } from '../shared/note-links';
import type { PrepareJob } from './search/index-prepare';
import {
  decodeCache,
  encodeCache,
  joinCaches,
  probeTokens,
  writeCache,
  type IndexCache,
} from './search/search-cache';
import { SearchIndex, type SearchScope } from './search/search-index';
import { TagIndex } from './entities/tag-index';
import type { BlockLookup } from './mentions/mentions';

export type Listener = (event: WorkbenchEvent) => void;

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Starts preparing what the search index opens from (see index-prepare.ts). */
export type PrepareIndex = () => PrepareJob;

export class CoreContext {
  private readonly listeners = new Set<Listener>();
  index = new SearchIndex();
  /** Resolves once every record in the store is in the search index. */
  indexReady: Promise<void>;
  /** True once the index holds everything, so it may narrow where a scan looks. */
  indexComplete = false;
  /** How far the index build has come, in documents. */
  indexProgress = { indexed: 0, total: 0 };
  /** Resolves once the index built at open has been saved to the cache (or need not be). */
  indexSaved: Promise<void> = Promise.resolve();
  /** Whether the index was taken from the cache at open, and why not if it was not. */
  indexSource:
    { cached: true } | { cached: false; reason: string; builtBy: 'workers' | 'this thread' } = {
    cached: false,
    reason: 'not yet read',
    builtBy: 'this thread',
  };
  /** Commits made while the index waits for what it opens from, applied once it has it. */
  private held: Op[][] | null = null;
  private job: PrepareJob | null = null;
  private closing = false;
  /** Resolves notes' `[[...]]` links; built on first use after entities or documents change. */
  private linkResolver: ((text: string) => NoteLinkTarget | undefined) | null = null;
  /** What a search reads from the workspace: document titles and note links. */
  readonly searchScope: SearchScope = {
    titleOf: (id) => this.titleOf(id),
    resolveLink: (text) => {
      this.linkResolver ??= noteLinkResolver({
        entities: this.store.state.workspace.entities,
        documents: [...this.store.state.documents.values()].map((f) => f.document),
      });
      return this.linkResolver(text);
    },
  };

  /** Which documents tag each entity: deletes and merges visit only those. */
  tags: TagIndex;

  constructor(
    readonly store: WorkspaceStore,
    private readonly prepare: PrepareIndex,
    /** Already started when the workspace began to load, so the two overlap. */
    first?: PrepareJob,
  ) {
    this.tags = new TagIndex(store.state.documents.values());
    this.indexReady = this.buildIndex(first ?? prepare());
    store.onCommit((ops) => {
      this.tags.follow(ops);
      if (this.held) this.held.push([...ops]);
      else this.follow(ops);
      this.announce(ops);
    });
  }

  /**
   * Takes over what was prepared (the saved cache, or the index the workers built) where
   * it still holds, or else indexes in slices on this thread, yielding between them, so a
   * large workspace is usable at once. Commits made while the prepared index is awaited
   * and taken over are held and applied after; later ones update the index through
   * `follow`; each document is indexed from the state current at its slice. An index
   * that differs from the cache is saved to it afterwards.
   */
  private async buildIndex(job: PrepareJob): Promise<void> {
    this.indexComplete = false;
    this.indexProgress = { indexed: 0, total: this.store.state.documents.size };
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
      this.indexSource =
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
      this.indexSource = { cached: false, reason, builtBy: 'this thread' };
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
    this.indexProgress = { indexed: done, total };
    for (const id of ids) {
      if (this.closing) return;
      this.indexProgress = { indexed: ++done, total };
      fill(id);
      if (done % 25 === 0) await yieldToLoop();
    }
    this.indexComplete = true;
    // Saved after the searches waiting for the index have had their turn.
    if (save && !this.closing)
      this.indexSaved = yieldToLoop().then(() =>
        this.closing ? undefined : this.saveIndex(index),
      );
  }

  /**
   * Writes the index to the cache, in slices. Given up (nothing written) when the index is
   * replaced or compacted meanwhile, or the workspace closes; a failed write is let go, as
   * the next open simply indexes again.
   */
  private async saveIndex(index: SearchIndex): Promise<void> {
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

  /** Stops a cache save under way and waits for it to end; before the store closes. */
  async close(): Promise<void> {
    this.closing = true;
    this.job?.cancel();
    await this.indexSaved;
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

  /** One event per topic a commit touched, naming the ids; then the history changed. */
  private announce(ops: readonly Op[]): void {
    const topics = new Map<ChangeTopic, { ids: Set<string>; documentIds: Set<string> }>();
    const add = (topic: ChangeTopic, id: string, documentId?: string): void => {
      const entry = topics.get(topic) ?? { ids: new Set(), documentIds: new Set() };
      entry.ids.add(id);
      if (documentId) entry.documentIds.add(documentId);
      topics.set(topic, entry);
    };
    for (const op of ops) {
      if (op.kind === 'entity') add('entities', op.id);
      else if (op.kind === 'note') add('notes', op.id);
      else if (op.kind === 'annotation') add('annotations', op.id, op.documentId);
      else add('documents', op.id, op.id);
    }
    for (const [topic, { ids, documentIds }] of topics) {
      this.emit({
        type: 'changed',
        topic,
        ids: [...ids],
        ...(documentIds.size ? { documentIds: [...documentIds] } : {}),
      });
    }
    this.emit({ type: 'changed', topic: 'history', ids: [] });
  }

  /** After a change outside the command history (a repair): index anew, tell every host. */
  async reload(): Promise<void> {
    this.linkResolver = null;
    this.tags = new TagIndex(this.store.state.documents.values());
    this.index = new SearchIndex();
    this.indexReady = this.buildIndex(this.prepare());
    await this.indexReady;
    this.emit({ type: 'changed', topic: 'workspace', ids: [] });
    this.emit({ type: 'changed', topic: 'history', ids: [] });
  }

  emit(event: WorkbenchEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs one command through the store's queue; `label` names it in the undo history. */
  command<R>(label: string | null, fn: (tx: Tx) => R): Promise<R> {
    return this.store.run(label, fn);
  }

  /**
   * Reads the current state through the same view a command has (so a preview and the
   * command it previews share their code); whatever it sets is thrown away.
   */
  read<R>(fn: (tx: Tx) => R): Promise<R> {
    try {
      return Promise.resolve(
        fn(new Tx(this.store.state, () => undefined, new Date().toISOString())),
      );
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** The index's block lookup for find mentions, once the index holds everything. */
  blockLookup(): BlockLookup | undefined {
    return this.indexComplete ? (tokens) => this.index.blocksWithAll(tokens) : undefined;
  }

  titleOf(documentId: string): string | undefined {
    return this.store.state.documents.get(documentId)?.document.title;
  }

  newId(prefix: string): string {
    return newId(prefix);
  }

  *allAnnotations(): Iterable<{ annotation: Annotation; title: string }> {
    for (const file of this.store.state.documents.values()) {
      for (const annotation of file.annotations) yield { annotation, title: file.document.title };
    }
  }
}
