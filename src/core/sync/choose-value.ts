// Choosing one value of an open conflict, for every kind of synced record: the record as
// this workspace holds it, with the chosen value in the conflicting field (or the chosen
// record whole), goes through the same checks as a remote record (the kind's schema, then
// the integrity and reference rules of remote-rules.ts) and is written by the same plan,
// inside one labelled command: one step that Undo takes back. A value that breaks a rule is
// refused with the rule's reason, and nothing is written.
import type * as A from '@automerge/automerge';
import { WorkbenchError } from '../../shared/errors';
import type { CoreContext } from '../context';
import type { Tx } from '../store/tx';
import { applyPlan, noneTouched } from './apply-remote';
import { recordAt, type RecordSource } from './core-read';
import { localRecord, planRemote, type RemoteContext } from './remote-records';
import { syncedDocument, type DocumentBody } from './synced-records';
import { CODEBOOK_KEY, toAm, type SyncedKind, type WorkspaceDoc } from './workspace-doc';

const short = (text: string, n: number): string =>
  text.length > n ? `${text.slice(0, n - 1)}…` : text;

/** The record as a person knows it: an entity's name, a note's title, a highlight's quote. */
export function recordLabel(ctx: CoreContext, kind: string, id: string): string {
  const ws = ctx.store.workspace;
  switch (kind) {
    case 'entities':
      return ws.entities.find((e) => e.id === id)?.name ?? id;
    case 'notes':
      return ws.notes.find((n) => n.id === id)?.title || 'Untitled note';
    case 'documents':
      return ctx.store.catalog.get(id)?.document.title ?? id;
    case 'codebook':
      return 'the codebook';
    case 'links':
      return 'a link between highlights';
    case 'highlights': {
      const home = ctx.store.catalog.documentOf(id);
      const title = home && ctx.store.catalog.get(home)?.document.title;
      return title ? `a highlight in “${title}”` : 'a highlight';
    }
    default:
      return id;
  }
}

/** Plain JSON of a record (the store's objects may hold undefined optional fields). */
const plain = (value: unknown): unknown =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);

/**
 * The record as the store holds it now, in the team document's form, read inside a command
 * (so a document not read yet is read first).
 */
export function heldRecord(tx: Tx, ctx: CoreContext, kind: SyncedKind, id: string): unknown {
  return plain(localRecord(tx, kind, id, { documentOf: (h) => ctx.store.catalog.documentOf(h) }));
}

export interface Choice {
  kind: SyncedKind;
  id: string;
  field: string | null;
  value: unknown;
  /** A document's body when the chosen value names one that is not here (fetched before). */
  body?: { sha256: string; body: DocumentBody };
}

/** Writes the chosen value through the queue: one command labelled `Choose “…” for …`. */
export async function chooseValue(
  ctx: CoreContext,
  doc: A.Doc<WorkspaceDoc>,
  choice: Choice,
  shown: string,
): Promise<void> {
  const { kind, id, field, value } = choice;
  const label = recordLabel(ctx, kind, id);
  const title = `Choose “${short(shown, 40)}” for ${label}${field ? `’s ${field}` : ''}`;
  await ctx.command(title, (tx) => {
    const current = heldRecord(tx, ctx, kind, id);
    if (current === undefined || typeof current !== 'object' || current === null)
      throw new WorkbenchError('NOT_FOUND', `${label} is not in this workspace any more.`);
    const next =
      field === null
        ? value
        : { ...current, [field]: value, ...('updatedAt' in current ? { updatedAt: now() } : {}) };
    const remote: RemoteContext = {
      documentOf: (h) => ctx.store.catalog.documentOf(h),
      bodies: new Map(choice.body ? [[choice.body.sha256, choice.body.body]] : []),
      kept: keptHere(tx, kind, id),
      mergedInto: () => undefined,
    };
    // The chosen record stands in for the document's own, and is checked as a remote one.
    const touched = noneTouched();
    touched[kind].add(id);
    const chosen = toAm(next);
    const overlay: RecordSource = (k, i) => (k === kind && i === id ? chosen : recordAt(doc, k, i));
    const plan = planRemote(tx, overlay, touched, remote);
    const refused = plan.quarantined[0];
    if (refused)
      throw new WorkbenchError(
        'INVALID_INPUT',
        `That value cannot be used for ${label}: ${refused.reason}.`,
      );
    applyPlan(tx, plan, ctx, remote);
  });
}

const now = (): string => new Date().toISOString();

/**
 * The kept files a chosen document may name that are already here: its own. Any other is
 * refused by the rules as not arrived, rather than fetched inside a command.
 */
function keptHere(tx: Tx, kind: SyncedKind, id: string): Set<string> {
  if (kind !== 'documents' || !tx.hasDocument(id)) return new Set();
  const here = tx.document(id).document;
  return new Set(
    [here.original?.sha256, ...here.blocks.map((b) => b.image?.sha256)].filter(
      (s): s is string => !!s,
    ),
  );
}

/** The store's value of the field (or the record), in the team document's form. */
export async function storeValue(
  ctx: CoreContext,
  kind: SyncedKind,
  id: string,
  field: string | null,
): Promise<unknown> {
  let record: unknown;
  if (kind === 'documents' || kind === 'highlights') {
    const home = kind === 'documents' ? id : ctx.store.catalog.documentOf(id);
    const [file] = home && ctx.store.catalog.has(home) ? await ctx.files([home]) : [];
    if (file && kind === 'documents') record = syncedDocument(file.document).record;
    else record = file?.annotations.find((a) => a.id === id);
  } else if (kind === 'codebook')
    record = id === CODEBOOK_KEY ? ctx.store.workspace.codebook : undefined;
  else {
    const list = ctx.store.workspace[kind === 'links' ? 'links' : kind] ?? [];
    record = (list as { id: string }[]).find((r) => r.id === id);
  }
  const value = plain(record);
  return field === null || value === undefined ? value : (value as Record<string, unknown>)[field];
}
