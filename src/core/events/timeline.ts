// Events on a timeline: every event entity (or any entity given a date), ordered by its
// date. Dates are ISO strings cut to their precision, so "1988" sorts before "1988-07"
// and both before "1989"; undated events come last, by name. Each carries the passages
// tagged to it as evidence.
import type { EntityPassage } from '../../shared/api';
import type { DocumentFile, Entity } from '../../shared/model';
import type { TimelineEvent } from '../../shared/methods/events';

export const isEvent = (e: Entity): boolean => e.type === 'event' || e.date !== undefined;

/** Passages per entity id (of `only`, when given), in document then text order. */
export function passagesByEntity(
  files: Iterable<{
    document: Pick<DocumentFile['document'], 'title'>;
    annotations: readonly DocumentFile['annotations'][number][];
  }>,
  only?: ReadonlySet<string>,
): Map<string, EntityPassage[]> {
  const byEntity = new Map<string, EntityPassage[]>();
  if (only?.size === 0) return byEntity;
  for (const file of files) {
    for (const annotation of file.annotations) {
      for (const id of annotation.entityIds) {
        if (only && !only.has(id)) continue;
        const list = byEntity.get(id) ?? [];
        list.push({ annotation, documentTitle: file.document.title });
        byEntity.set(id, list);
      }
    }
  }
  for (const list of byEntity.values()) {
    list.sort(
      (x, y) =>
        x.documentTitle.localeCompare(y.documentTitle) ||
        x.annotation.target.position.start - y.annotation.target.position.start,
    );
  }
  return byEntity;
}

export function compareEvents(x: TimelineEvent, y: TimelineEvent): number {
  const a = x.date?.start;
  const b = y.date?.start;
  if (a !== b) {
    if (a === undefined) return 1;
    if (b === undefined) return -1;
    return a < b ? -1 : 1;
  }
  return x.entity.name.localeCompare(y.entity.name);
}

export function timeline(
  entities: readonly Entity[],
  passages: ReadonlyMap<string, EntityPassage[]>,
  only?: (e: Entity) => boolean,
): TimelineEvent[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const events = entities.filter((e) => isEvent(e) && (!only || only(e)));
  return events
    .map((entity) => {
      const place = entity.placeId ? byId.get(entity.placeId) : undefined;
      return {
        entity,
        ...(entity.date ? { date: entity.date } : {}),
        ...(place ? { place: { id: place.id, name: place.name } } : {}),
        participants: (entity.participants ?? []).flatMap((p) => {
          const who = byId.get(p.entityId);
          return who ? [{ id: who.id, name: who.name, role: p.role }] : [];
        }),
        evidence: passages.get(entity.id) ?? [],
      };
    })
    .sort(compareEvents);
}
