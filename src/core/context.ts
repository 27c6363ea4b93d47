// What every namespace's handlers share: the store (whose commands are the only way to
// change anything), the search index service and the tag index, both kept in step with
// every commit, and the change feed that sends each commit's records to the hosts. All
// three follow from a commit's operations, so a command, its undo and its redo update the
// index and the windows the same way.
import type { DocumentFile } from '../shared/model';
import { ChangeFeed, documentItem } from './change-feed';
import { TagIndex } from './entities/tag-index';
import type { OffThread } from './mentions/count-off-thread';
import type { PrepareJob } from './search/index-prepare';
import { bulkArrival } from './search/bulk-arrival';
import { IndexService, type PrepareIndex } from './search/index-service';
import { newId } from './store/load';
import type { Tx } from './store/tx';
import type { WorkspaceStore } from './store/workspace-store';

export class CoreContext {
  /** The search index, prepared while the workspace loads and kept in step. */
  readonly search: IndexService;
  /** Which documents tag each entity, and the free-text tags' counts. */
  tags: TagIndex;
  /** Every change, with its records, to every host. */
  readonly feed: ChangeFeed;
  /** The search worker, when the host built one: views count mentions there (none: here). */
  offThread?: OffThread;
  /**
   * Goes up with every commit, every refresh of files changed behind the workbench's back
   * and every damage found: an answer kept in memory (the last dossier) is for one value.
   */
  changes = 0;

  constructor(
    readonly store: WorkspaceStore,
    prepare: PrepareIndex,
    /** Already started when the workspace began to load, so the two overlap. */
    first?: PrepareJob,
    /** The index built afresh by the workers, for a commit bringing many documents. */
    private readonly bulk?: (reason: string) => PrepareJob,
    /** The tag index, when the opener built it in slices (`TagIndex.build`). */
    tags?: TagIndex,
  ) {
    this.tags = tags ?? new TagIndex(store.catalog.values());
    this.search = new IndexService(store, prepare, first);
    this.feed = new ChangeFeed({
      entity: (id) => store.workspace.entities.find((e) => e.id === id),
      usageOf: (id) => this.tags.usageOf(id),
      tagCount: (tag) => this.tags.tagCount(tag),
      documentItem: (id) => {
        const summary = store.catalog.get(id);
        return summary && documentItem(summary.document, summary.annotationIds.length);
      },
      history: () => store.historyInfo(),
    });
    store.onCommit((ops) => {
      this.changes += 1;
      this.tags.follow(ops);
      // Many documents at once are indexed off this thread (bulk-arrival.ts).
      const bulk = this.bulk && bulkArrival(ops, store.catalog.size);
      if (bulk) void this.search.rebuild(() => this.bulk!(bulk)).catch(() => undefined);
      else this.search.commit(ops);
      this.feed.announce(ops);
    });
    // Files changed behind the workbench's back are read again; the views follow them.
    // Once the index is whole: its 40,000 file stats at 20,000 documents took half a second
    // of the thread the index is taken over on.
    store.startFreshnessCheck((ids) => this.refreshed(ids), this.search.ready);
    store.onDamage(() => {
      this.changes += 1;
      this.feed.reset();
    });
  }

  /** Documents the freshness check read again because their files had changed. */
  private async refreshed(ids: readonly string[]): Promise<void> {
    this.changes += 1;
    this.tags = new TagIndex(this.store.catalog.values());
    await this.search.refresh(ids);
    this.feed.reset();
  }

  /** After a change outside the command history (a repair): index anew, tell every host. */
  async reload(): Promise<void> {
    this.changes += 1;
    this.tags = new TagIndex(this.store.catalog.values());
    await this.search.rebuild();
    this.feed.reset();
  }

  /** Runs one command through the store's queue; `label` names it in the undo history. */
  command<R>(label: string | null, fn: (tx: Tx) => R): Promise<R> {
    return this.store.run(label, fn);
  }

  /**
   * A command that finds its documents through the catalog's indexes (which documents tag
   * an entity, which ids are taken): it waits until every document's files were checked
   * against what the catalog says, so none changed behind its back is missed.
   */
  async commandOverCatalog<R>(label: string | null, fn: (tx: Tx) => R): Promise<R> {
    // Queued at once when the check is done, so calls keep the order they were made in.
    if (!this.store.isFresh) await this.store.fresh;
    return this.store.run(label, fn);
  }

  /**
   * Reads the current state through the same view a command has (so a preview and the
   * command it previews share their code), reading the documents it needs first;
   * whatever it sets is thrown away.
   */
  read<R>(fn: (tx: Tx) => R): Promise<R> {
    return this.store.read(fn);
  }

  /**
   * These documents, in this order (the catalog's when not given), read without crowding
   * the cache: for a view over many documents, which are let go once it is answered.
   */
  async files(ids: Iterable<string> = this.store.catalog.ids()): Promise<DocumentFile[]> {
    const order = [...ids];
    const files = await this.store.documents(order, { keep: false });
    return order.flatMap((id) => files.get(id) ?? []);
  }

  /** The documents holding highlights tagged with any of these entities, in catalog order. */
  tagging(entityIds: Iterable<string>): string[] {
    const within = this.tags.documentsTagging(entityIds);
    return [...this.store.catalog.ids()].filter((id) => within.has(id));
  }

  titleOf(documentId: string): string | undefined {
    return this.store.catalog.get(documentId)?.document.title;
  }

  newId(prefix: string): string {
    return newId(prefix);
  }
}
