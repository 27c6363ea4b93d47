// The inbound half of replication: what a remote change needs before it can be applied
// (the body blobs and kept files of the documents it touches, fetched and checked against
// their names before the command runs, since a command cannot wait), and the plan applied
// inside one command, in the order that keeps every reference whole.
import * as A from '@automerge/automerge';
import { SCHEMA_VERSION } from '../../shared/model';
import type { CoreContext } from '../context';
import { rewriteEntityRefs } from '../entities/entity-refs';
import { hasKept, keepFile } from '../originals/kept-files';
import { nodeFs } from '../store/durable';
import type { Tx } from '../store/tx';
import type { BlobStore } from './blob-store';
import type { BlobSource } from './local-records';
import type { RemoteContext, RemotePlan } from './remote-records';
import { survivorOf } from './remote-rules';
import { parseBody, type DocumentBody } from './synced-records';
import { recordAt } from './core-read';
import { SYNCED_KINDS, toPlain, type SyncedKind, type WorkspaceDoc } from './workspace-doc';

/** How many blob requests are in flight at once. */
export const PARALLEL = 16;

export type Touched = Record<SyncedKind, Set<string>>;
export const noneTouched = (): Touched =>
  Object.fromEntries(SYNCED_KINDS.map((k) => [k, new Set<string>()])) as unknown as Touched;

/** The records a change between two points of the document's history touched. */
export function touchedBetween(doc: A.Doc<WorkspaceDoc>, from: A.Heads, to: A.Heads): Touched {
  const touched = noneTouched();
  for (const patch of A.diff(doc, from, to)) {
    const [kind, id] = patch.path;
    if (typeof kind === 'string' && kind in touched && typeof id === 'string')
      touched[kind as SyncedKind].add(id);
  }
  return touched;
}

/** Blobs fetched for a pull, and why some could not be. */
export interface Fetched {
  bodies: Map<string, DocumentBody>;
  kept: Set<string>;
  /** Every blob read from the store (it holds them, so sending them back is needless), and
   * where this workspace keeps it should the store lose it. */
  fromStore: Map<string, BlobSource>;
}

/**
 * Fetches what the touched documents need and this workspace lacks: a body not here, a kept
 * file not in originals/ or media/. A blob that is missing or fails its check is left out;
 * the plan then holds its document back until it arrives (remote-rules.ts).
 */
export async function fetchBlobs(
  ctx: CoreContext,
  doc: A.Doc<WorkspaceDoc>,
  ids: Iterable<string>,
  blobs: BlobStore | undefined,
  /** Told how many of the documents' blobs are fetched so far, of how many. */
  progress?: (done: number, total: number) => void,
): Promise<Fetched> {
  const fetched: Fetched = { bodies: new Map(), kept: new Set(), fromStore: new Map() };
  const all = [...ids];
  progress?.(0, all.length);
  // A few at a time: one by one, a first sync of thousands of documents waits on round trips.
  for (let at = 0; at < all.length; at += PARALLEL) {
    await Promise.all(all.slice(at, at + PARALLEL).map((id) => fetchFor(id)));
    progress?.(Math.min(all.length, at + PARALLEL), all.length);
  }
  return fetched;

  async function fetchFor(id: string): Promise<void> {
    const record = toPlain(recordAt(doc, 'documents', id)) as
      { body?: unknown; original?: { sha256?: unknown }; blocks?: unknown } | undefined;
    if (!record) return;
    const here = ctx.store.catalog.get(id)?.document;
    const body = typeof record.body === 'string' ? record.body : undefined;
    // The body is fetched unless the text here is the same revision (checked again in the plan).
    if (body && blobs && !sameText(record, here)) await fetchBody(body, id);
    const sha = record.original?.sha256;
    if (typeof sha === 'string') await fetchKept('originals', sha);
  }

  async function fetchBody(sha256: string, documentId: string): Promise<void> {
    try {
      const bytes = await blobs!.get(sha256);
      if (bytes) fetched.fromStore.set(sha256, { documentId });
      if (bytes) fetched.bodies.set(sha256, parseBody(bytes));
    } catch {
      // Left out: the document waits, and the next pull asks again.
    }
  }
  async function fetchKept(folder: 'originals' | 'media', sha256: string): Promise<void> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return;
    if (await hasKept(nodeFs, ctx.store.dir, folder, sha256)) return void fetched.kept.add(sha256);
    const bytes = await blobs?.get(sha256).catch(() => undefined);
    if (!bytes) return;
    fetched.fromStore.set(sha256, { folder });
    await keepFile(nodeFs, ctx.store.dir, folder, bytes);
    fetched.kept.add(sha256);
  }
}

function sameText(
  record: Record<string, unknown>,
  here: { textHash?: string; revision: number } | undefined,
): boolean {
  return !!here && record.textHash === here.textHash && record.revision === here.revision;
}

/** Adds the figures' images of fetched bodies: only known once the body is read. */
export async function fetchImages(
  ctx: CoreContext,
  fetched: Fetched,
  blobs: BlobStore | undefined,
): Promise<void> {
  for (const body of fetched.bodies.values())
    for (const block of body.blocks) {
      const sha = block.image?.sha256;
      if (!sha) continue;
      if (await hasKept(nodeFs, ctx.store.dir, 'media', sha)) fetched.kept.add(sha);
      else {
        const bytes = await blobs?.get(sha).catch(() => undefined);
        if (bytes) {
          fetched.fromStore.set(sha, { folder: 'media' });
          await keepFile(nodeFs, ctx.store.dir, 'media', bytes);
          fetched.kept.add(sha);
        }
      }
    }
}

/** What a remote plan needs to know of this workspace and of the fetch before it. */
export function remoteContextOf(
  ctx: CoreContext,
  doc: A.Doc<WorkspaceDoc>,
  fetched: Fetched,
): RemoteContext {
  return {
    documentOf: (id) => ctx.store.catalog.documentOf(id),
    bodies: fetched.bodies,
    kept: fetched.kept,
    mergedInto: (id) => toPlain(recordAt(doc, 'merges', id)) as string | undefined,
  };
}

/** Writes a plan through the command's transaction; returns how many records it changed. */
export function applyPlan(
  tx: Tx,
  plan: RemotePlan,
  ctx: CoreContext,
  remote: RemoteContext,
): number {
  if (plan.codebook) tx.setCodebook(plan.codebook.value);
  for (const e of plan.entities) tx.setEntity(e.id, e);
  for (const d of plan.documents) {
    if (tx.hasDocument(d.id)) tx.setDocument(d);
    else tx.setFile(d.id, { schemaVersion: SCHEMA_VERSION, document: d, annotations: [] });
  }
  for (const h of plan.highlights) tx.setAnnotation(h.documentId, h.id, h);
  for (const n of plan.notes) tx.setNote(n.id, n);
  for (const l of plan.links) tx.setLink(l.id, l);
  for (const id of plan.removed.links) tx.setLink(id, undefined);
  for (const id of plan.removed.notes) tx.setNote(id, undefined);
  const goneDocs = new Set(plan.removed.documents);
  for (const id of plan.removed.highlights) {
    const home = remote.documentOf(id);
    if (home && !goneDocs.has(home) && tx.hasDocument(home)) tx.setAnnotation(home, id, undefined);
  }
  // A document deleted elsewhere goes to trash here, with any highlight made here meanwhile.
  for (const id of goneDocs) if (tx.hasDocument(id)) tx.setFile(id, undefined);
  if (plan.removed.entities.length) {
    // As a local delete or merge does: what points at it lets go, or follows the merge.
    const here = new Set(
      tx.entities.map((e) => e.id).filter((id) => !plan.removed.entities.includes(id)),
    );
    const bySurvivor = new Map<string | undefined, Set<string>>();
    for (const id of plan.removed.entities) {
      const to = survivorOf(id, remote, here);
      bySurvivor.set(to, (bySurvivor.get(to) ?? new Set()).add(id));
    }
    for (const [to, gone] of bySurvivor)
      rewriteEntityRefs(tx, gone, ctx.tags.documentsTagging(gone), to);
    for (const id of plan.removed.entities) tx.setEntity(id, undefined);
  }
  return (
    (plan.codebook ? 1 : 0) +
    plan.entities.length +
    plan.documents.length +
    plan.highlights.length +
    plan.notes.length +
    plan.links.length +
    SYNCED_KINDS.reduce((n, k) => n + plan.removed[k].length, 0)
  );
}
