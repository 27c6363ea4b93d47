// Which documents hold highlights tagged with each entity, and how many, and how many
// highlights carry each free-text tag: kept in step with every commit, so deleting or
// merging an entity visits the few documents that tag it, and the usage and tag counts
// (listed, and sent with every change) never walk every highlight in the workspace.
import type { Annotation } from '../../shared/model';
import type { DocumentSummary } from '../store/catalog';
import type { Op } from '../store/tx';
import { nextTurn, sliceClock } from '../time-slices';

export class TagIndex {
  /** entity id → document id → highlights there tagged with it. */
  private readonly byEntity = new Map<string, Map<string, number>>();
  /** free-text tag → highlights carrying it. */
  private readonly byTag = new Map<string, number>();

  /** Built from the catalog's counts: no document is read. */
  constructor(summaries: Iterable<DocumentSummary> = []) {
    for (const summary of summaries) this.add(summary);
  }

  /** The same, giving the thread back every few milliseconds (20,000 documents at open). */
  static async build(summaries: Iterable<DocumentSummary>): Promise<TagIndex> {
    const index = new TagIndex();
    const due = sliceClock();
    for (const summary of summaries) {
      if (due()) await nextTurn();
      index.add(summary);
    }
    return index;
  }

  private add(summary: DocumentSummary): void {
    const documentId = summary.document.id;
    // The counts have no prototype (catalog.ts), so `in` walks their own names only.
    for (const entityId in summary.entities) {
      let docs = this.byEntity.get(entityId);
      if (!docs) this.byEntity.set(entityId, (docs = new Map<string, number>()));
      docs.set(documentId, summary.entities[entityId]!);
    }
    for (const tag in summary.tags)
      this.byTag.set(tag, (this.byTag.get(tag) ?? 0) + summary.tags[tag]!);
  }

  private count(a: Annotation, delta: 1 | -1): void {
    for (const tag of new Set(a.tags)) {
      const n = (this.byTag.get(tag) ?? 0) + delta;
      if (n > 0) this.byTag.set(tag, n);
      else this.byTag.delete(tag);
    }
    for (const entityId of new Set(a.entityIds)) {
      const docs = this.byEntity.get(entityId) ?? new Map<string, number>();
      const n = (docs.get(a.documentId) ?? 0) + delta;
      if (n > 0) docs.set(a.documentId, n);
      else docs.delete(a.documentId);
      if (docs.size) this.byEntity.set(entityId, docs);
      else this.byEntity.delete(entityId);
    }
  }

  /** Follows a commit's operations (the same ones that update the search index). */
  follow(ops: readonly Op[]): void {
    for (const op of ops) {
      if (op.kind === 'annotation') {
        if (op.before) this.count(op.before, -1);
        if (op.after) this.count(op.after, 1);
      } else if (op.kind === 'file') {
        for (const a of op.before?.annotations ?? []) this.count(a, -1);
        for (const a of op.after?.annotations ?? []) this.count(a, 1);
      }
    }
  }

  /** The documents holding a highlight carrying `tag`. */
  documentsWithTag(tag: string, catalog: Iterable<DocumentSummary>): string[] {
    if (!this.byTag.has(tag)) return [];
    const out: string[] = [];
    for (const summary of catalog) if (summary.tags[tag]) out.push(summary.document.id);
    return out;
  }

  /** The documents holding a highlight tagged with any of `entityIds`. */
  documentsTagging(entityIds: Iterable<string>): Set<string> {
    const out = new Set<string>();
    for (const id of entityIds) for (const doc of this.byEntity.get(id)?.keys() ?? []) out.add(doc);
    return out;
  }

  /** How many highlights are tagged with one entity. */
  usageOf(entityId: string): number {
    let n = 0;
    for (const k of this.byEntity.get(entityId)?.values() ?? []) n += k;
    return n;
  }

  /** How many highlights carry a free-text tag. */
  tagCount(tag: string): number {
    return this.byTag.get(tag) ?? 0;
  }

  /** Every free-text tag in use with its count. */
  tagCounts(): ReadonlyMap<string, number> {
    return this.byTag;
  }

  /** How many highlights are tagged with each entity (entities tagged nowhere are absent). */
  usage(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const [id, docs] of this.byEntity) {
      let n = 0;
      for (const k of docs.values()) n += k;
      counts.set(id, n);
    }
    return counts;
  }
}
