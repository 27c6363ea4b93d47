// Annotations from another tool made into highlights. The slow part, finding each quote in
// our text, happens before any command (plan-import.ts, placer.ts); this module previews a
// file and holds the one short command that stores an import: it checks that every
// document is still at the revision its annotations were placed against, then creates
// the highlights, resolves entity tags and reports on every annotation. Nothing is placed
// without its quote being found in our text. One whose quote is not found, or could not be
// placed in time, is kept as an orphaned highlight with its note and tags, for the review
// queue (as a highlight whose passage an edit removed is kept), and said so; what has no
// document or no quote is reported with the reason and not created.
import {
  ANNOTATION_IMPORT_LIMITS,
  IMPORT_STATUSES,
  type AnnotationsPreview,
  type AnnotationsReport,
  type ImportedAnnotation,
  type TagMode,
} from '../../../shared/methods/annotations';
import type { TextTarget } from '../../../shared/anchoring';
import { EntityType, type Annotation, type Entity } from '../../../shared/model';
import type { CoreContext } from '../../context';
import type { Tx } from '../../store/tx';
import type { ForeignEntity } from './foreign';
import { documentMatcher } from './match-documents';
import { orphanTarget, placedTarget } from './place';
import type { Budget, Placed } from './placer';
import type { ImportPlan } from './plan-import';
import type { AnnotationsFile } from './read-annotations';

export function previewAnnotations(tx: Tx, file: AnnotationsFile): AnnotationsPreview {
  const find = documentMatcher(tx, []);
  const targets = new Map<string, AnnotationsPreview['targets'][number]>();
  const tags = new Set<string>();
  const entities = new Set<string>();
  for (const a of file.annotations) {
    a.tags.forEach((t) => tags.add(t));
    a.entities.forEach((e) => entities.add(e.name));
    const known = targets.get(a.url);
    if (known) {
      known.count += 1;
      continue;
    }
    const doc = find(a.url)?.document;
    targets.set(a.url, {
      url: a.url,
      ...(a.title ? { title: a.title } : {}),
      count: 1,
      ...(doc ? { documentId: doc.id, documentTitle: doc.title } : {}),
    });
  }
  return {
    format: file.format,
    total: file.annotations.length,
    targets: [...targets.values()],
    tags: [...tags].sort((x, y) => x.localeCompare(y)),
    entities: [...entities].sort((x, y) => x.localeCompare(y)),
  };
}

/** Entity tags to entities here: by our id, by external id, by name; else a new entity. */
function entityResolver(ctx: CoreContext, tx: Tx, created: string[]) {
  return (wanted: ForeignEntity): string => {
    const entities = tx.entities;
    const name = wanted.name.trim().toLocaleLowerCase();
    const found =
      (wanted.localId ? entities.find((e) => e.id === wanted.localId) : undefined) ??
      (wanted.externalId ? entities.find((e) => e.externalId === wanted.externalId) : undefined) ??
      entities.find((e) => e.name.toLocaleLowerCase() === name);
    if (found) return found.id;
    const type = EntityType.safeParse(wanted.type ?? '');
    const entity: Entity = {
      id: ctx.newId('ent'),
      name: wanted.name.trim() || 'Unnamed',
      type: type.success ? type.data.toLowerCase() : 'other',
      aliases: [],
      description: '',
      ...(wanted.externalId ? { externalId: wanted.externalId.slice(0, 200) } : {}),
      createdAt: tx.now,
      updatedAt: tx.now,
    };
    tx.setEntity(entity.id, entity);
    created.push(entity.name);
    return entity.id;
  };
}

/** A document changed while its annotations were being placed: place them again. */
export class StaleDocument extends Error {
  constructor(readonly title: string) {
    super(`“${title}” changed while the annotations were being placed`);
  }
}

// Plain digits: the budgets are seconds, and the first toLocaleString of a process loads
// locale data, which held this command's thread tens of milliseconds.
const seconds = (ms: number): string => `${ms / 1000} s`;

function overBudgetReason(why: 'annotation' | 'import', budget: Budget): string {
  const ran =
    why === 'annotation'
      ? `placing it took longer than ${seconds(budget.perAnnotationMs)}`
      : `the import's ${seconds(budget.importMs)} ran out before it was placed`;
  return `not anchored: over budget (${ran}); kept as an orphaned highlight to place by hand`;
}

/** The command body: stores what was planned and placed, or throws StaleDocument. */
export function applyImport(
  ctx: CoreContext,
  tx: Tx,
  plan: ImportPlan,
  placed: ReadonlyMap<number, Placed>,
  options: { tags: TagMode; budget: Budget },
): { items: ImportedAnnotation[]; entitiesCreated: string[] } {
  for (const [id, revision] of plan.revisions) {
    const { document } = tx.document(id);
    if (document.revision !== revision) throw new StaleDocument(document.title);
  }
  const entitiesCreated: string[] = [];
  const resolve = entityResolver(ctx, tx, entitiesCreated);
  // Worded once: formatting a number for each of hundreds of annotations set aside held
  // this command (and so the serving thread) tens of milliseconds.
  const overBudget = {
    annotation: overBudgetReason('annotation', options.budget),
    import: overBudgetReason('import', options.budget),
  };
  const created = new Map<number, string>();
  // Ranges already highlighted (and made by this import), so one passage is not taken twice.
  const taken = new Map<string, string>();
  const rangeKey = (documentId: string, t: TextTarget): string =>
    `${documentId}:${t.position.start}:${t.position.end}`;
  // Orphans already kept (and kept by this import), by document and quote.
  const orphans = new Map<string, Map<string, string>>();
  for (const documentId of plan.revisions.keys()) {
    const kept = new Map<string, string>();
    orphans.set(documentId, kept);
    for (const h of tx.document(documentId).annotations)
      if (h.status !== 'orphaned') taken.set(rangeKey(documentId, h.target), h.id);
      else if (!kept.has(h.target.quote.exact)) kept.set(h.target.quote.exact, h.id);
  }

  const items = plan.items.map(({ annotation: a, item, task, sameAs }): ImportedAnnotation => {
    if (sameAs !== undefined) {
      const id = created.get(sameAs);
      return id ? { ...item, annotationId: id } : item;
    }
    const p = task && placed.get(task.index);
    if (!task || !p) return item;
    const { documentId } = task;
    const file = tx.document(documentId);
    const unplaced = p.status === 'over-budget' || p.status === 'orphaned';
    if (unplaced && !file.document.text.length)
      return {
        ...item,
        reason: `${p.status === 'orphaned' ? p.reason : 'it was not placed'}; the document has no text to keep it in`,
      };
    const target = unplaced
      ? orphanTarget(task, file.document.text)
      : placedTarget(task, file.document.text, p);
    if (p.status === 'orphaned') {
      // An orphan is the same as one kept before when its quote is.
      const same = orphans.get(documentId)?.get(target.quote.exact);
      if (same)
        return {
          ...item,
          status: 'duplicate',
          annotationId: same,
          reason: 'a highlight of the same passage is already there',
        };
    } else if (p.status !== 'over-budget') {
      const same = taken.get(rangeKey(documentId, target));
      if (same)
        return {
          ...item,
          status: 'duplicate',
          annotationId: same,
          reason: 'a highlight of the same passage is already there',
        };
    }
    const tagEntities = options.tags === 'entities' ? a.tags.map((name) => ({ name })) : [];
    const annotation: Annotation = {
      id: ctx.newId('ann'),
      documentId,
      target,
      entityIds: [...new Set([...a.entities, ...tagEntities].map(resolve))],
      tags: options.tags === 'tags' ? a.tags : [],
      kind: a.kind ?? 'quote',
      note: a.note,
      status: p.status === 'over-budget' ? 'orphaned' : p.status,
      anchoredRevision: file.document.revision,
      ...(p.status === 'fuzzy' ? { confidence: p.confidence } : {}),
      createdAt: tx.now,
      updatedAt: tx.now,
    };
    tx.setAnnotation(documentId, annotation.id, annotation);
    created.set(a.index, annotation.id);
    const kept = orphans.get(documentId);
    if (annotation.status === 'orphaned' && kept && !kept.has(target.quote.exact))
      kept.set(target.quote.exact, annotation.id);
    if (p.status === 'over-budget')
      return {
        ...item,
        status: 'over-budget',
        annotationId: annotation.id,
        reason: overBudget[p.why],
      };
    if (p.status !== 'orphaned') taken.set(rangeKey(documentId, target), annotation.id);
    return {
      ...item,
      status: p.status,
      annotationId: annotation.id,
      ...(p.status === 'fuzzy' ? { confidence: p.confidence } : {}),
      ...(p.status === 'orphaned' ? { reason: `${p.reason}; kept as orphaned, for review` } : {}),
    };
  });
  return { items, entitiesCreated };
}

export function reportOf(
  file: AnnotationsFile,
  applied: { items: ImportedAnnotation[]; entitiesCreated: string[] },
): AnnotationsReport {
  const counts = Object.fromEntries(
    IMPORT_STATUSES.map((s) => [s, 0]),
  ) as AnnotationsReport['counts'];
  for (const item of applied.items) counts[item.status] += 1;
  return { format: file.format, ...applied, counts };
}

export const DEFAULT_BUDGET: Budget = {
  perAnnotationMs: ANNOTATION_IMPORT_LIMITS.perAnnotationMs,
  importMs: ANNOTATION_IMPORT_LIMITS.importMs,
};
