// The checks a remote record passes after its schema (remote-records.ts): what it points at
// must be here once the change is applied, and it must fit the integrity rules the store's
// own check applies (a highlight's range within its text, a link's scheme). The semantic
// conflicts a CRDT cannot see are settled here, each by one stated rule that keeps the data
// and lists what it did:
// - A highlight tagged to an entity another member deleted: the deletion stands, the tag is
//   dropped (as a local delete drops it), and the highlight is applied without it. When the
//   entity was merged rather than deleted, the tag moves to the entity it was merged into.
// - A highlight on a document another member deleted: the deletion stands; the highlight is
//   not applied here but held (kept in the team document and listed); the member who made
//   it finds it in trash with the document, and an undo of the delete brings both back.
// - A merge of two entities on one side while the other edits the merged-away one: the
//   merge stands, and what the edit added to the merged-away entity (names, description) is
//   carried into the entity it was merged into, as the merge would have done with it.
import { codebookOf } from '../../shared/codebook/codebook';
import { Document, SCHEMA_VERSION, type Entity } from '../../shared/model';
import { inspectDocument } from '../store/integrity';
import type { Tx } from '../store/tx';
import type { RemoteContext, RemotePlan } from './remote-records';
import type { RecordSource } from './core-read';
import type { SyncedKind } from './workspace-doc';

const MAX_ALIASES = 100;
const quoted = (ids: readonly string[]): string => ids.map((id) => `"${id}"`).join(', ');

export function checkRules(
  tx: Tx,
  plan: RemotePlan,
  records: RecordSource,
  ctx: RemoteContext,
): void {
  const refuse = (kind: SyncedKind, id: string, reason: string, waiting = false): false => {
    plan.quarantined.push({ kind, id, reason, ...(waiting ? { waiting } : {}) });
    return false;
  };
  // Entities: an event's place and participants are other entities here. An entity refused
  // may be the place of another: check again until nothing changes.
  const goneEntities = new Set(plan.removed.entities);
  const entityIds = new Set([
    ...tx.entities.map((e) => e.id).filter((id) => !goneEntities.has(id)),
    ...plan.entities.map((e) => e.id),
  ]);
  for (let changed = true; changed;) {
    changed = false;
    plan.entities = plan.entities.filter((e) => {
      const refs = [
        ...(e.placeId ? [e.placeId] : []),
        ...(e.participants ?? []).map((p) => p.entityId),
      ];
      const bad = refs.filter((id) => !entityIds.has(id) || id === e.id);
      if (!bad.length) return true;
      changed = true;
      entityIds.delete(e.id);
      return refuse(
        'entities',
        e.id,
        `its place or participants ${quoted(bad)} are not other entities here`,
      );
    });
  }
  carryMergedEdits(tx, plan, ctx, entityIds);

  // Documents: whole (schema), their kept files here, and sound by the integrity rules.
  plan.documents = plan.documents.filter((d) => {
    const parsed = Document.safeParse(d);
    if (!parsed.success)
      return refuse('documents', d.id, parsed.error.issues[0]?.message ?? 'not a document');
    const missing = [
      ...(d.original ? [d.original.sha256] : []),
      ...d.blocks.flatMap((b) => (b.image ? [b.image.sha256] : [])),
    ].filter((sha) => !ctx.kept.has(sha));
    if (missing.length)
      return refuse(
        'documents',
        d.id,
        `its kept files ${quoted(missing.map((s) => s.slice(0, 12)))} have not arrived yet`,
        true,
      );
    const { findings } = inspectDocument(
      { schemaVersion: SCHEMA_VERSION, document: d, annotations: [] },
      { entityIds: null, seenAnnotationIds: new Set(), newId: () => 'unused' },
    );
    return findings.length ? refuse('documents', d.id, findings[0]!.reason) : true;
  });
  const goneDocs = new Set(plan.removed.documents);
  const planned = new Map(plan.documents.map((d) => [d.id, d]));
  const hasDocument = (id: string): boolean =>
    planned.has(id) || (tx.hasDocument(id) && !goneDocs.has(id));
  const documentText = (id: string): Document => planned.get(id) ?? tx.document(id).document;

  // Highlights.
  const codebook = plan.codebook ? codebookOf({ codebook: plan.codebook.value }) : tx.codebook;
  const kinds = new Set(codebook.kinds.map((k) => k.id));
  plan.highlights = plan.highlights.flatMap((h) => {
    const home = ctx.documentOf(h.id);
    if (home && home !== h.documentId && !goneDocs.has(home))
      return (
        refuse('highlights', h.id, `it would move from document "${home}" to "${h.documentId}"`) ||
        []
      );
    if (!hasDocument(h.documentId)) {
      if (records('documents', h.documentId) !== undefined)
        return (
          refuse('highlights', h.id, `its document "${h.documentId}" has not arrived yet`, true) ||
          []
        );
      plan.resolved.push({
        kind: 'highlights',
        id: h.id,
        rule: 'document-deleted',
        detail: `its document "${h.documentId}" was deleted by another member: the highlight is held, not applied`,
      });
      return (
        refuse(
          'highlights',
          h.id,
          `its document "${h.documentId}" was deleted by another member`,
          true,
        ) || []
      );
    }
    if (!kinds.has(h.kind))
      return refuse('highlights', h.id, `its kind "${h.kind}" is not in the codebook`) || [];
    let highlight = h;
    const missing = h.entityIds.filter((id) => !entityIds.has(id));
    if (missing.length) {
      const entityIdsNow = [
        ...new Set(
          h.entityIds.flatMap((id) => {
            if (entityIds.has(id)) return [id];
            const survivor = survivorOf(id, ctx, entityIds);
            plan.resolved.push(
              survivor
                ? {
                    kind: 'highlights',
                    id: h.id,
                    rule: 'entity-merged',
                    detail: `it was tagged to "${id}", which another member merged into "${survivor}": the tag moved there`,
                  }
                : {
                    kind: 'highlights',
                    id: h.id,
                    rule: 'entity-deleted',
                    detail: `it was tagged to "${id}", which another member deleted: the tag was dropped`,
                  },
            );
            return survivor ? [survivor] : [];
          }),
        ),
      ];
      highlight = { ...h, entityIds: entityIdsNow };
    }
    const { findings } = inspectDocument(
      {
        schemaVersion: SCHEMA_VERSION,
        document: documentText(h.documentId),
        annotations: [highlight],
      },
      { entityIds: null, seenAnnotationIds: new Set(), newId: () => 'unused' },
    );
    // A highlight anchored against a revision of the text still on its way waits for it.
    if (findings.length)
      return (
        refuse(
          'highlights',
          h.id,
          findings[0]!.reason,
          highlight.anchoredRevision > documentText(h.documentId).revision,
        ) || []
      );
    return [highlight];
  });

  // Notes link entities, documents and highlights that are here.
  const goneHighlights = new Set(plan.removed.highlights);
  const plannedHighlights = new Set(plan.highlights.map((h) => h.id));
  const hasHighlight = (id: string): boolean =>
    plannedHighlights.has(id) ||
    (!!ctx.documentOf(id) && !goneHighlights.has(id) && hasDocument(ctx.documentOf(id)!));
  plan.notes = plan.notes.filter((n) => {
    const entities = n.entityIds.filter((id) => !entityIds.has(id));
    if (entities.length)
      return refuse(
        'notes',
        n.id,
        `it links entities ${quoted(entities)}, which do not exist here`,
      );
    const elsewhere = [
      ...n.documentIds.filter((id) => !hasDocument(id)),
      ...n.annotationIds.filter((id) => !hasHighlight(id)),
    ];
    return elsewhere.length
      ? refuse(
          'notes',
          n.id,
          `it links documents or highlights ${quoted(elsewhere)} this workspace does not have`,
          true,
        )
      : true;
  });

  // Links join two highlights here, by a relation of the codebook.
  const relations = new Set(codebook.relations.map((r) => r.id));
  plan.links = plan.links.filter((l) => {
    if (!relations.has(l.relation))
      return refuse('links', l.id, `its relation "${l.relation}" is not in the codebook`);
    const ends = [l.from, l.to].filter((id) => !hasHighlight(id));
    return ends.length
      ? refuse(
          'links',
          l.id,
          `it joins highlights ${quoted(ends)} this workspace does not have`,
          true,
        )
      : true;
  });
}

/** The entity a merged one went into (following merges of merges), if it is here. */
export function survivorOf(
  id: string,
  ctx: RemoteContext,
  here: ReadonlySet<string>,
): string | undefined {
  const seen = new Set<string>();
  let at: string | undefined = ctx.mergedInto(id);
  while (at && !here.has(at) && !seen.has(at)) {
    seen.add(at);
    at = ctx.mergedInto(at);
  }
  return at && here.has(at) ? at : undefined;
}

/** The merge-and-edit rule: what this replica's version of a merged-away entity adds to the survivor. */
function carryMergedEdits(
  tx: Tx,
  plan: RemotePlan,
  ctx: RemoteContext,
  here: ReadonlySet<string>,
): void {
  for (const id of plan.removed.entities) {
    const mine = tx.entities.find((e) => e.id === id);
    const target = survivorOf(id, ctx, here);
    if (!mine || !target) continue;
    const at = plan.entities.findIndex((e) => e.id === target);
    const survivor: Entity | undefined =
      at >= 0 ? plan.entities[at] : tx.entities.find((e) => e.id === target);
    if (!survivor) continue;
    const folded = survivor.name.toLocaleLowerCase();
    const aliases = [
      ...new Set([...survivor.aliases, mine.name, ...mine.aliases].map((n) => n.trim())),
    ]
      .filter((n) => n && n.toLocaleLowerCase() !== folded)
      .slice(0, MAX_ALIASES);
    const description =
      mine.description.trim() && !survivor.description.includes(mine.description.trim())
        ? [survivor.description, mine.description.trim()].filter(Boolean).join('\n\n')
        : survivor.description;
    if (aliases.length === survivor.aliases.length && description === survivor.description)
      continue;
    const carried: Entity = { ...survivor, aliases, description, updatedAt: tx.now };
    if (at >= 0) plan.entities[at] = carried;
    else plan.entities.push(carried);
    plan.resolved.push({
      kind: 'entities',
      id: target,
      rule: 'merge-and-edit',
      detail: `"${mine.name}" (${id}) was merged into it by another member while edited here: its names and description were carried over`,
    });
  }
}
