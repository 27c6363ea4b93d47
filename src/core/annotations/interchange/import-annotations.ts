// Annotations from another tool made into highlights here, as one command: each is matched
// to a document by its address (or the document the user chose for that address), placed
// by the same re-anchoring engine that carries highlights through text edits, and checked
// against the highlights already there. What cannot be placed is reported with the reason
// and not created; nothing is placed without its quote being found in our text.
import {
  IMPORT_STATUSES,
  type AnnotationsPreview,
  type AnnotationsReport,
  type ImportedAnnotation,
  type TagMode,
} from '../../../shared/methods/annotations';
import { anchor, describeRange, tidyRange, type TextTarget } from '../../../shared/anchoring';
import { EntityType, type Annotation, type DocumentFile, type Entity } from '../../../shared/model';
import type { CoreContext } from '../../context';
import type { Tx } from '../../store/tx';
import type { ForeignAnnotation, ForeignEntity } from './foreign';
import { normaliseUrl, workbenchDocumentId } from './match-url';
import type { AnnotationsFile } from './read-annotations';

export interface ChosenDocument {
  url: string;
  documentId: string;
}

/** The document each address means: the user's choice first, then our own id, then the URL. */
function documentMatcher(tx: Tx, chosen: readonly ChosenDocument[]) {
  const byUrl = new Map<string, string>();
  for (const { document } of tx.summaries()) {
    const { url } = document.source;
    if (url && !byUrl.has(normaliseUrl(url))) byUrl.set(normaliseUrl(url), document.id);
  }
  const choice = new Map<string, string>();
  for (const c of chosen) {
    tx.document(c.documentId); // an unknown document refuses the whole import
    choice.set(normaliseUrl(c.url), c.documentId);
  }
  return (url: string): DocumentFile | undefined => {
    const key = normaliseUrl(url);
    const own = workbenchDocumentId(url);
    const id = choice.get(key) ?? (own && tx.hasDocument(own) ? own : undefined) ?? byUrl.get(key);
    return id ? tx.document(id) : undefined;
  };
}

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

/** Offsets in code points to UTF-16 units of `text` (W3C counts the former). */
function codePointOffsets(text: string): (n: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return (n) => n;
  const units: number[] = [];
  let at = 0;
  for (const ch of text) {
    units.push(at);
    at += ch.length;
  }
  units.push(at);
  return (n) => units[Math.min(n, units.length - 1)]!;
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

type Placement =
  | { status: 'anchored'; target: TextTarget }
  | { status: 'fuzzy'; target: TextTarget; confidence: number }
  | { status: 'orphaned'; reason: string };

/** Where the annotation's quote is in the document's text, by the re-anchoring engine. */
function place(a: ForeignAnnotation, file: DocumentFile): Placement {
  const { text, title } = file.document;
  if (!a.quote)
    return {
      status: 'orphaned',
      reason: 'it has no quote (TextQuoteSelector) to find its passage by',
    };
  const toUnits = a.position?.unit === 'codepoint' ? codePointOffsets(text) : (n: number) => n;
  const clamp = (n: number): number => Math.max(0, Math.min(n, text.length));
  const start = clamp(a.position ? toUnits(a.position.start) : 0);
  const end = clamp(a.position ? toUnits(a.position.end) : a.quote.exact.length);
  const target: TextTarget = {
    position: { type: 'TextPositionSelector', start, end: Math.max(start, end) },
    quote: { type: 'TextQuoteSelector', ...a.quote },
  };
  const found = anchor(text, target);
  if (found.status === 'fuzzy')
    return {
      status: 'fuzzy',
      target: { ...target, position: { ...target.position, start: found.start, end: found.end } },
      confidence: found.confidence ?? 0,
    };
  const range = found.status === 'orphaned' ? null : tidyRange(text, found.start, found.end);
  if (!range) return { status: 'orphaned', reason: `its quote was not found in “${title}”` };
  return { status: 'anchored', target: describeRange(text, range.start, range.end) };
}

export function importAnnotations(
  ctx: CoreContext,
  tx: Tx,
  file: AnnotationsFile,
  options: { documents: readonly ChosenDocument[]; tags: TagMode },
): AnnotationsReport {
  const find = documentMatcher(tx, options.documents);
  const entitiesCreated: string[] = [];
  const resolve = entityResolver(ctx, tx, entitiesCreated);
  const items: ImportedAnnotation[] = file.annotations.map((a) => {
    const item: ImportedAnnotation = {
      index: a.index,
      ...(a.sourceId ? { sourceId: a.sourceId } : {}),
      url: a.url,
      quote: a.quote?.exact.slice(0, 200) ?? '',
      status: 'orphaned',
    };
    if (a.unusable) return { ...item, reason: a.unusable };
    const doc = find(a.url);
    if (!doc) return { ...item, reason: `no document here has the address ${a.url || '(none)'}` };
    const documentId = doc.document.id;
    const placed = place(a, doc);
    if (placed.status === 'orphaned') return { ...item, documentId, reason: placed.reason };
    const { start, end } = placed.target.position;
    const same = tx
      .document(documentId)
      .annotations.find(
        (h) =>
          h.status !== 'orphaned' &&
          h.target.position.start === start &&
          h.target.position.end === end,
      );
    if (same)
      return {
        ...item,
        documentId,
        status: 'duplicate',
        annotationId: same.id,
        reason: 'a highlight of the same passage is already there',
      };
    const tagEntities = options.tags === 'entities' ? a.tags.map((name) => ({ name })) : [];
    const entityIds = [...new Set([...a.entities, ...tagEntities].map(resolve))];
    const annotation: Annotation = {
      id: ctx.newId('ann'),
      documentId,
      target: placed.target,
      entityIds,
      tags: options.tags === 'tags' ? a.tags : [],
      kind: a.kind ?? 'quote',
      note: a.note,
      status: placed.status,
      anchoredRevision: doc.document.revision,
      ...(placed.status === 'fuzzy' ? { confidence: placed.confidence } : {}),
      createdAt: tx.now,
      updatedAt: tx.now,
    };
    tx.setAnnotation(documentId, annotation.id, annotation);
    return {
      ...item,
      documentId,
      status: placed.status,
      annotationId: annotation.id,
      ...(placed.status === 'fuzzy' ? { confidence: placed.confidence } : {}),
    };
  });
  const counts = Object.fromEntries(
    IMPORT_STATUSES.map((s) => [s, 0]),
  ) as AnnotationsReport['counts'];
  for (const item of items) counts[item.status] += 1;
  return { format: file.format, items, counts, entitiesCreated };
}
