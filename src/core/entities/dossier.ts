// An entity's dossier, computed from one state: what it is, every passage tagged to it
// grouped by source with a citation, the documents that mention it at all, the entities
// it shares paragraphs and documents with, and its events.
import type { Document, DocumentFile, Entity } from '../../shared/model';
import type { Dossier, DossierSource } from '../../shared/methods/entities';
import { citeLocation } from '../export/locate';
import { plainCitation } from '../export/provenance';
import { unitsOf } from '../analysis/cooccurrence';
import { countMentions } from '../mentions/count-mentions';
import type { BlockLookup } from '../mentions/mentions';
import { passagesByEntity, timeline } from '../events/timeline';

/**
 * `files`: the documents read for it (those tagging the entity or an event it is in, and
 * those whose mentions are not counted yet); `counted`: documents not read, whose count of
 * mentions is already known by their text's hash.
 */
export function dossier(
  files: readonly DocumentFile[],
  entities: readonly Entity[],
  entity: Entity,
  lookup?: BlockLookup,
  counted: readonly {
    document: Pick<Document, 'id' | 'title' | 'source'>;
    mentions: number;
  }[] = [],
): Dossier {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const mentions = countMentions(files, entity, lookup);
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
  for (const { document, annotations } of files) {
    const passages = annotations
      .filter((a) => a.entityIds.includes(entity.id))
      .sort((x, y) => x.target.position.start - y.target.position.start)
      .map((annotation) => {
        // Body paragraphs, counted as a reader of the source counts them (./export/locate.ts).
        const where =
          annotation.status === 'orphaned'
            ? undefined
            : citeLocation(document, annotation.target.position.start);
        return {
          annotation,
          ...(where?.kind === 'paragraph' ? { paragraph: where.paragraph } : {}),
        };
      });
    const count = mentions.get(document.id) ?? 0;
    if (!passages.length && !count) continue;
    sources.push({
      documentId: document.id,
      title: document.title,
      citation: plainCitation(document),
      passages,
      mentions: count,
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
  // Only documents where it is tagged can hold a unit with it.
  const tagged = files.filter((f) => f.annotations.some((a) => a.entityIds.includes(entity.id)));
  for (const scope of ['paragraph', 'document'] as const) {
    for (const unit of unitsOf(tagged, scope)) {
      if (!unit.entityIds.has(entity.id)) continue;
      for (const id of unit.entityIds) {
        if (id === entity.id || !byId.has(id)) continue;
        const entry = together.get(id) ?? { paragraphs: 0, documents: 0 };
        if (scope === 'paragraph') entry.paragraphs++;
        else entry.documents++;
        together.set(id, entry);
      }
    }
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
