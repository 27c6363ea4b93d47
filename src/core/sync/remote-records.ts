// What a remote change asks of this workspace's records, checked as a hostile peer's would
// be: each record read from the Automerge document must pass the model's schema and point
// only at records this workspace has, or it is quarantined (listed with the reason, never
// written to the workspace files). Pure: it reads the command's view and returns a plan.
import { Entity, Note } from '../../shared/model';
import type { Tx } from '../store/tx';
import { same, SYNCED_KINDS, toPlain, type SyncedKind, type WorkspaceDoc } from './workspace-doc';

export interface Quarantined {
  kind: SyncedKind;
  id: string;
  reason: string;
}

export interface RemotePlan {
  entities: Entity[];
  notes: Note[];
  removedEntities: string[];
  removedNotes: string[];
  quarantined: Quarantined[];
}

const SCHEMAS = { entities: Entity, notes: Note } as const;

function local(tx: Tx, kind: SyncedKind, id: string): object | undefined {
  return kind === 'entities'
    ? tx.entities.find((e) => e.id === id)
    : tx.notes.find((n) => n.id === id);
}

/**
 * The records among `touched` whose value in `doc` differs from the workspace's, as puts and
 * removals, with those that fail a check set apart.
 */
export function planRemote(
  tx: Tx,
  doc: WorkspaceDoc,
  touched: Record<SyncedKind, ReadonlySet<string>>,
  hasAnnotation: (id: string) => boolean,
): RemotePlan {
  const plan: RemotePlan = {
    entities: [],
    notes: [],
    removedEntities: [],
    removedNotes: [],
    quarantined: [],
  };
  for (const kind of SYNCED_KINDS) {
    for (const id of touched[kind]) {
      const remote = toPlain(doc[kind][id]);
      if (same(remote, local(tx, kind, id))) continue;
      if (remote === undefined) {
        (kind === 'entities' ? plan.removedEntities : plan.removedNotes).push(id);
        continue;
      }
      const parsed = SCHEMAS[kind].safeParse(remote);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
        plan.quarantined.push({ kind, id, reason: `${where}${issue?.message ?? 'invalid'}` });
      } else if (parsed.data.id !== id) {
        plan.quarantined.push({ kind, id, reason: `it is filed under another id ("${id}")` });
      } else if (kind === 'entities') plan.entities.push(parsed.data as Entity);
      else plan.notes.push(parsed.data as Note);
    }
  }
  checkLinks(tx, plan, hasAnnotation);
  return plan;
}

/** Links must resolve once the plan is applied; a record whose links do not is set apart. */
function checkLinks(tx: Tx, plan: RemotePlan, hasAnnotation: (id: string) => boolean): void {
  const gone = new Set(plan.removedEntities);
  const entityIds = new Set([
    ...tx.entities.map((e) => e.id).filter((id) => !gone.has(id)),
    ...plan.entities.map((e) => e.id),
  ]);
  const refuse = (kind: SyncedKind, id: string, reason: string): false => {
    plan.quarantined.push({ kind, id, reason });
    return false;
  };
  const missing = (ids: readonly string[], known: (id: string) => boolean): string =>
    ids
      .filter((id) => !known(id))
      .map((id) => `"${id}"`)
      .join(', ');
  // An entity refused here may be the place or participant of another: check again until stable.
  for (let changed = true; changed;) {
    changed = false;
    plan.entities = plan.entities.filter((e) => {
      const refs = [
        ...(e.placeId ? [e.placeId] : []),
        ...(e.participants ?? []).map((p) => p.entityId),
      ];
      const bad = missing(refs, (id) => entityIds.has(id) && id !== e.id);
      if (!bad) return true;
      changed = true;
      entityIds.delete(e.id);
      return refuse(
        'entities',
        e.id,
        `its place or participants ${bad} are not other entities here`,
      );
    });
  }
  plan.notes = plan.notes.filter((n) => {
    const entities = missing(n.entityIds, (id) => entityIds.has(id));
    if (entities)
      return refuse('notes', n.id, `it links entities ${entities}, which do not exist here`);
    const docs = missing(n.documentIds, (id) => tx.hasDocument(id));
    const highlights = missing(n.annotationIds, hasAnnotation);
    if (docs || highlights)
      return refuse(
        'notes',
        n.id,
        `it links documents or highlights ${[docs, highlights].filter(Boolean).join(', ')} this workspace does not have (documents are not synced yet)`,
      );
    return true;
  });
}
