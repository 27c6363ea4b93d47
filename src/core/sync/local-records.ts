// The records this workspace holds, in the team document's form, as the replicator sends
// them: those one commit changed (from its operations, which carry the records before and
// after) or all of them (when sync starts, to send what changed while it was off). Each
// document sent names the blobs it needs (its body, its kept files), which go first.
import type { Op } from '../store/tx';
import type { CoreContext } from '../context';
import type { KeptFolder } from '../originals/kept-files';
import type { DocumentStamp } from '../store/catalog';
import type { Annotation, Document, Entity, HighlightLink, Note } from '../../shared/model';
import { syncedDocument, keptFilesOf, type SyncedRecords } from './synced-records';
import { CODEBOOK_KEY, type SyncedKind } from './workspace-doc';

/** Per kind, id → the record as it is here now (undefined: removed here). */
export type LocalRecords = { [K in SyncedKind]: Map<string, SyncedRecords[K] | undefined> };

/** Where this workspace keeps a blob it put or fetched: a document (its body), or a folder. */
export type BlobSource = { documentId: string } | { folder: KeptFolder };

/** A blob to put: a document's body (made from it), or a kept file (read from its folder). */
export type BlobNeed =
  | { sha256: string; bytes: Uint8Array; documentId: string }
  | { sha256: string; folder: KeptFolder };

export interface Outgoing {
  records: LocalRecords;
  blobs: BlobNeed[];
  /** Entity id → the entity it was merged into, for merges in these changes. */
  merges: Map<string, string>;
  /**
   * Documents whose files have not changed since the team document last held them, and so
   * were not read (a full read of thousands of documents would cost seconds): they and
   * their highlights are neither written nor taken for removals.
   */
  unread: Set<string>;
  /** Documents read, with the stamp their files had before they were read. */
  stamps: Map<string, DocumentStamp>;
  /** Told once these records are in the document. */
  afterPush?: () => void;
}

export const noRecords = (): LocalRecords => ({
  codebook: new Map(),
  entities: new Map(),
  notes: new Map(),
  documents: new Map(),
  highlights: new Map(),
  links: new Map(),
});

function outgoing(): Outgoing {
  return {
    records: noRecords(),
    blobs: [],
    merges: new Map(),
    unread: new Set(),
    stamps: new Map(),
  };
}

function addDocument(out: Outgoing, id: string, document: Document | undefined): void {
  if (!document) return void out.records.documents.set(id, undefined);
  const { record } = syncedDocument(document);
  out.records.documents.set(id, record);
  out.blobs.push(...blobsOf(document));
}

/** The blobs a document names: its body, then its kept files. */
export function blobsOf(document: Document): BlobNeed[] {
  return [{ ...syncedDocument(document).body, documentId: document.id }, ...keptFilesOf(document)];
}

/**
 * A merge removes the sources and gives the target their names as aliases (entities/merge.ts):
 * seen in one commit, that says which entity each source went into.
 */
function findMerges(
  out: Outgoing,
  removed: Entity[],
  updated: { before: Entity; after: Entity }[],
): void {
  for (const source of removed)
    for (const { before, after } of updated) {
      const name = source.name.trim();
      if (after.aliases.includes(name) && !before.aliases.includes(name))
        out.merges.set(source.id, after.id);
    }
}

/** The records one commit changed. */
export function fromOps(ops: readonly Op[]): Outgoing {
  const out = outgoing();
  const removed: Entity[] = [];
  const updated: { before: Entity; after: Entity }[] = [];
  for (const op of ops) {
    switch (op.kind) {
      case 'entity':
        out.records.entities.set(op.id, op.after);
        if (op.before && !op.after) removed.push(op.before);
        if (op.before && op.after) updated.push({ before: op.before, after: op.after });
        break;
      case 'note':
        out.records.notes.set(op.id, op.after);
        break;
      case 'codebook':
        out.records.codebook.set(CODEBOOK_KEY, op.after);
        break;
      case 'link':
        out.records.links.set(op.id, op.after);
        break;
      case 'annotation':
        out.records.highlights.set(op.id, op.after);
        break;
      case 'document':
        addDocument(out, op.id, op.after);
        break;
      case 'file':
        addDocument(out, op.id, op.after?.document);
        for (const a of op.before?.annotations ?? []) out.records.highlights.set(a.id, undefined);
        for (const a of op.after?.annotations ?? []) out.records.highlights.set(a.id, a);
        break;
    }
  }
  findMerges(out, removed, updated);
  return out;
}

/** Whether two stamps name the same files (size and time of both). */
export const sameStamp = (a: DocumentStamp | undefined, b: DocumentStamp | undefined): boolean =>
  !!a && !!b && a.every((v, i) => v === b[i]);

/**
 * Every record of the workspace (its documents read one batch at a time, not kept), except
 * the documents whose files still have the stamp `synced` gives: those the team document
 * already holds as they are.
 */
export async function allRecords(
  ctx: CoreContext,
  synced: ReadonlyMap<string, DocumentStamp> = new Map(),
): Promise<Outgoing> {
  const out = outgoing();
  const ws = ctx.store.workspace;
  const put = <K extends SyncedKind>(
    kind: K,
    list: readonly (SyncedRecords[K] & { id: string })[],
  ) => {
    for (const r of list) out.records[kind].set(r.id, r);
  };
  put('entities', ws.entities as readonly Entity[]);
  put('notes', ws.notes as readonly Note[]);
  put('links', (ws.links ?? []) as readonly HighlightLink[]);
  if (ws.codebook) out.records.codebook.set(CODEBOOK_KEY, ws.codebook);
  // Files changed behind the workbench's back get their new stamps from this check.
  await ctx.store.fresh;
  const ids: string[] = [];
  for (const id of ctx.store.catalog.ids()) {
    const stamp = ctx.store.catalog.stampOf(id);
    if (sameStamp(stamp, synced.get(id))) out.unread.add(id);
    else {
      ids.push(id);
      if (stamp) out.stamps.set(id, stamp);
    }
  }
  for (let at = 0; at < ids.length; at += 200) {
    for (const file of await ctx.files(ids.slice(at, at + 200))) {
      addDocument(out, file.document.id, file.document);
      put('highlights', file.annotations as readonly Annotation[]);
    }
  }
  return out;
}
