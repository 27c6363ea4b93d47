// An entity's dossier, computed from one state: what it is, every passage tagged to it
// grouped by source with a citation, the documents that mention it at all, the entities
// it shares paragraphs and documents with, and its events.
import type { Annotation, Document, DocumentFile, Entity } from '../../shared/model';
import type { Dossier, DossierSource } from '../../shared/methods/entities';
import { plainCitation } from '../export/provenance';
import { countMentions } from '../mentions/count-mentions';
import type { BlockLookup } from '../mentions/mentions';
import { passagesByEntity, timeline } from '../events/timeline';
import { placeIn, type Place } from './dossier-layout';

/**
 * A document the dossier looks into: its highlights, where each sits among its paragraphs
 * (read from its text, or kept: ./dossier-layout.ts) and how often it names the entity.
 */
export interface PlacedFile {
  document: Pick<Document, 'id' | 'title' | 'source'>;
  annotations: readonly Annotation[];
  place(start: number): Place;
  mentions: number;
}

/** Documents read whole, placed from their own text and counted. */
export function placedFiles(
  files: readonly DocumentFile[],
  entity: Pick<Entity, 'name' | 'aliases'>,
  lookup?: BlockLookup,
): PlacedFile[] {
  const mentions = countMentions(files, entity, lookup);
  return files.map(({ document, annotations }) => ({
    document,
    annotations,
    place: (start) => placeIn(document, start),
    mentions: mentions.get(document.id) ?? 0,
  }));
}

/** The paragraphs (co-occurrence units) of a document's tagged highlights, as unitsOf gives them. */
function paragraphsOf(file: PlacedFile): Set<string>[] {
  const units = new Map<string, Set<string>>();
  for (const a of file.annotations) {
    if (!a.entityIds.length) continue;
    // An orphaned highlight has no paragraph: it stands alone.
    const where =
      a.status === 'orphaned' ? `orphan:${a.id}` : String(file.place(a.target.position.start)[1]);
    const unit = units.get(where) ?? new Set<string>();
    for (const id of a.entityIds) unit.add(id);
    units.set(where, unit);
  }
  return [...units.values()];
}

/**
 * `files`: the documents tagging the entity or an event it is in (and any other read for
 * it); `counted`: documents not read, whose count of mentions is already known.
 */
export function dossier(
  files: readonly PlacedFile[],
  entities: readonly Entity[],
  entity: Entity,
  counted: readonly {
    document: Pick<Document, 'id' | 'title' | 'source'>;
    mentions: number;
  }[] = [],
): Dossier {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const sources: DossierSource[] = [];
  for (const { document, mentions: count } of counted) {
    if (!count) continue;
    sources.push({
      documentId: document.id,
      title: document.title,
      citation: plainCitation(document),
      passages: [],
      mentions: count,
    });
  }
  for (const file of files) {
    const { document } = file;
    const passages = file.annotations
      .filter((a) => a.entityIds.includes(entity.id))
      .sort((x, y) => x.target.position.start - y.target.position.start)
      .map((annotation) => {
        // Body paragraphs, counted as a reader of the source counts them (./export/locate.ts).
        const paragraph =
          annotation.status === 'orphaned' ? 0 : file.place(annotation.target.position.start)[0];
        return { annotation, ...(paragraph ? { paragraph } : {}) };
      });
    if (!passages.length && !file.mentions) continue;
    sources.push({
      documentId: document.id,
      title: document.title,
      citation: plainCitation(document),
      passages,
      mentions: file.mentions,
    });
  }
  // Ending with the id: sources known from kept counts and those counted now come in
  // another order, and two sources may share a title.
  sources.sort(
    (x, y) =>
      y.passages.length - x.passages.length ||
      x.title.localeCompare(y.title) ||
      (x.documentId < y.documentId ? -1 : x.documentId > y.documentId ? 1 : 0),
  );

  const together = new Map<string, { paragraphs: number; documents: number }>();
  const add = (unit: ReadonlySet<string>, scope: 'paragraphs' | 'documents'): void => {
    if (!unit.has(entity.id)) return;
    for (const id of unit) {
      if (id === entity.id || !byId.has(id)) continue;
      const entry = together.get(id) ?? { paragraphs: 0, documents: 0 };
      entry[scope]++;
      together.set(id, entry);
    }
  };
  // Only documents where it is tagged can hold a unit with it.
  for (const file of files) {
    if (!file.annotations.some((a) => a.entityIds.includes(entity.id))) continue;
    for (const unit of paragraphsOf(file)) add(unit, 'paragraphs');
    add(new Set(file.annotations.flatMap((a) => a.entityIds)), 'documents');
  }
  const cooccurring = [...together]
    .map(([id, counts]) => ({ entity: byId.get(id)!, ...counts }))
    .sort(
      (x, y) =>
        y.paragraphs - x.paragraphs ||
        y.documents - x.documents ||
        x.entity.name.localeCompare(y.entity.name),
    );

  const place = entity.placeId ? byId.get(entity.placeId) : undefined;
  const involved = (e: Entity): boolean =>
    e.id === entity.id ||
    e.placeId === entity.id ||
    (e.participants ?? []).some((p) => p.entityId === entity.id);
  return {
    entity,
    ...(place ? { place } : {}),
    participants: (entity.participants ?? []).flatMap((p) => {
      const who = byId.get(p.entityId);
      return who ? [{ entity: who, role: p.role }] : [];
    }),
    sources,
    cooccurring,
    events: timeline(
      entities,
      passagesByEntity(files, new Set(entities.filter(involved).map((e) => e.id))),
      involved,
    ),
  };
}
