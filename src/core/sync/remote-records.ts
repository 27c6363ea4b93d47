// What a remote change asks of this workspace's records, checked as a hostile peer's would
// be: each record read from the Automerge document must pass the model's schema, be filed
// under its own id, and (remote-rules.ts) point only at records this workspace will have
// and fit the integrity rules, or it is quarantined: listed with the reason, never written
// to the workspace files. Pure: it reads the command's view and returns a plan.
import type {
  Annotation,
  Codebook,
  Document,
  Entity,
  HighlightLink,
  Note,
} from '../../shared/model';
import type { Tx } from '../store/tx';
import type { RecordSource } from './core-read';
import { checkRules } from './remote-rules';
import {
  SYNCED_SCHEMAS,
  syncedDocument,
  type DocumentBody,
  type SyncedDocument,
} from './synced-records';
import {
  CODEBOOK_KEY,
  same,
  SYNCED_KINDS,
  toPlain,
  unreadableField,
  type SyncedKind,
} from './workspace-doc';

export interface Quarantined {
  kind: SyncedKind;
  id: string;
  reason: string;
  /** Set when the record waits for something still on its way (a blob, its document). */
  waiting?: boolean;
}

/** A semantic conflict settled by a stated rule (remote-rules.ts): what was done, and why. */
export interface Resolution {
  kind: SyncedKind;
  id: string;
  rule: 'entity-deleted' | 'entity-merged' | 'document-deleted' | 'merge-and-edit';
  detail: string;
}

export interface RemotePlan {
  /** Set when the codebook changed: its new value (undefined: back to the default). */
  codebook?: { value: Codebook | undefined };
  entities: Entity[];
  notes: Note[];
  documents: Document[];
  highlights: Annotation[];
  links: HighlightLink[];
  removed: Record<SyncedKind, string[]>;
  quarantined: Quarantined[];
  resolved: Resolution[];
}

/** What the plan may consult beyond the command's view. */
export interface RemoteContext {
  /** The document a highlight is on here, if it is here. */
  documentOf(highlightId: string): string | undefined;
  /** Body blobs fetched before the command ran, by name. */
  bodies: ReadonlyMap<string, DocumentBody>;
  /** Kept files (originals, images) this workspace has, by name. */
  kept: ReadonlySet<string>;
  /** The entity another member merged this one into, if they did. */
  mergedInto(entityId: string): string | undefined;
}

/** The record as this workspace holds it, in the team document's form. */
export function localRecord(
  tx: Tx,
  kind: SyncedKind,
  id: string,
  ctx: Pick<RemoteContext, 'documentOf'>,
): unknown {
  switch (kind) {
    case 'codebook':
      return id === CODEBOOK_KEY ? tx.ownCodebook : undefined;
    case 'entities':
      return tx.entities.find((e) => e.id === id);
    case 'notes':
      return tx.notes.find((n) => n.id === id);
    case 'links':
      return tx.links.find((l) => l.id === id);
    case 'documents':
      return tx.hasDocument(id) ? syncedDocument(tx.document(id).document).record : undefined;
    case 'highlights': {
      const home = ctx.documentOf(id);
      return home && tx.hasDocument(home)
        ? tx.document(home).annotations.find((a) => a.id === id)
        : undefined;
    }
  }
}

function emptyPlan(): RemotePlan {
  const removed = Object.fromEntries(SYNCED_KINDS.map((k) => [k, []])) as unknown as Record<
    SyncedKind,
    string[]
  >;
  return {
    entities: [],
    notes: [],
    documents: [],
    highlights: [],
    links: [],
    removed,
    quarantined: [],
    resolved: [],
  };
}

/** The document a synced record describes, with its body from the blob or from here. */
function fullDocument(
  tx: Tx,
  record: SyncedDocument,
  ctx: RemoteContext,
): Document | { waiting: string } {
  const { body: name, ...meta } = record;
  let body = ctx.bodies.get(name);
  if (!body && tx.hasDocument(record.id)) {
    const here = tx.document(record.id).document;
    if (syncedDocument(here).body.sha256 === name)
      body = { text: here.text, blocks: here.blocks, marks: here.marks };
  }
  if (!body) return { waiting: `its text (blob ${name.slice(0, 12)}…) has not arrived yet` };
  return { ...meta, ...body };
}

/**
 * The records among `touched` whose value in `doc` differs from the workspace's, as puts and
 * removals, with those that fail a check set apart.
 */
export function planRemote(
  tx: Tx,
  records: RecordSource,
  touched: Record<SyncedKind, ReadonlySet<string>>,
  ctx: RemoteContext,
): RemotePlan {
  const plan = emptyPlan();
  const refuse = (kind: SyncedKind, id: string, reason: string, waiting = false): void => {
    plan.quarantined.push({ kind, id, reason, ...(waiting ? { waiting } : {}) });
  };
  for (const kind of SYNCED_KINDS) {
    for (const id of touched[kind]) {
      const held = records(kind, id);
      const unreadable = unreadableField(held);
      if (unreadable !== undefined) {
        refuse(kind, id, `${unreadable ? `${unreadable}: ` : ''}its bytes are not JSON`);
        continue;
      }
      const remote = toPlain(held);
      if (same(remote, localRecord(tx, kind, id, ctx))) continue;
      if (remote === undefined) {
        if (kind === 'codebook') plan.codebook = { value: undefined };
        else plan.removed[kind].push(id);
        continue;
      }
      const parsed = SYNCED_SCHEMAS[kind].safeParse(remote);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
        refuse(kind, id, `${where}${issue?.message ?? 'invalid'}`);
        continue;
      }
      const value = parsed.data;
      if (kind === 'codebook') {
        if (id === CODEBOOK_KEY) plan.codebook = { value: value as Codebook };
        else refuse(kind, id, 'a workspace has one codebook');
      } else if ((value as { id: string }).id !== id) {
        refuse(kind, id, `it is filed under another id ("${id}")`);
      } else if (kind === 'documents') {
        const full = fullDocument(tx, value as SyncedDocument, ctx);
        if ('waiting' in full) refuse(kind, id, full.waiting, true);
        else plan.documents.push(full);
      } else if (kind === 'entities') plan.entities.push(value as Entity);
      else if (kind === 'notes') plan.notes.push(value as Note);
      else if (kind === 'highlights') plan.highlights.push(value as Annotation);
      else plan.links.push(value as HighlightLink);
    }
  }
  checkRules(tx, plan, records, ctx);
  return plan;
}
