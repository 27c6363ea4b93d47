// Every place an entity id is referred to (highlight tags, note links, an event's place and
// participants), rewritten in one sweep inside a command: a merge points them at the
// target, a delete drops them. One function for both, so no kind of reference is forgotten
// by one and not the other.
import { Entity } from '../../shared/model';
import { inSchemaOrder } from '../../shared/record-order';
import type { Tx } from '../store/tx';

const swap = (ids: readonly string[], from: ReadonlySet<string>, to?: string): string[] => {
  const out = ids.flatMap((id) => (from.has(id) ? (to ? [to] : []) : [id]));
  return [...new Set(out)];
};

/**
 * Replaces ids in `from` by `to` (or removes them); returns how many highlights changed.
 * Highlights are looked for in the documents `within` (the tag index's answer for `from`,
 * so a delete visits the few documents that tag the entity, not all of them), and only
 * their highlights are read where the store can vouch for them (store/highlights-only.ts):
 * a tag is not in the text.
 */
export function rewriteEntityRefs(
  tx: Tx,
  from: ReadonlySet<string>,
  within: Iterable<string>,
  to?: string,
): number {
  let highlights = 0;
  for (const { annotations } of tx.highlightsOf(within)) {
    for (const a of annotations) {
      if (!a.entityIds.some((id) => from.has(id))) continue;
      tx.setAnnotation(a.documentId, a.id, {
        ...a,
        entityIds: swap(a.entityIds, from, to),
        updatedAt: tx.now,
      });
      highlights++;
    }
  }
  for (const n of tx.notes) {
    if (n.entityIds.some((id) => from.has(id)))
      tx.setNote(n.id, { ...n, entityIds: swap(n.entityIds, from, to), updatedAt: tx.now });
  }
  for (const e of tx.entities) {
    if (from.has(e.id)) continue;
    const next = eventWithout(e, from, to);
    if (next !== e) tx.setEntity(e.id, { ...next, updatedAt: tx.now });
  }
  return highlights;
}

/** The event with its place and participants rewritten; the same object when untouched. */
function eventWithout(e: Entity, from: ReadonlySet<string>, to?: string): Entity {
  const placeHit = e.placeId !== undefined && from.has(e.placeId);
  const partHit = (e.participants ?? []).some((p) => from.has(p.entityId));
  if (!placeHit && !partHit) return e;
  const { placeId, participants, ...rest } = e;
  // An event cannot be its own place or participant, so a merge into it drops those.
  const keep = (id: string | undefined): id is string => id !== undefined && id !== e.id;
  const place = placeId !== undefined && from.has(placeId) ? to : placeId;
  const seen = new Set<string>();
  const people = (participants ?? []).flatMap((p) => {
    const id = from.has(p.entityId) ? to : p.entityId;
    if (!keep(id) || seen.has(`${id}\u0000${p.role}`)) return [];
    seen.add(`${id}\u0000${p.role}`);
    return [{ ...p, entityId: id }];
  });
  return inSchemaOrder(Entity, {
    ...rest,
    ...(keep(place) ? { placeId: place } : {}),
    ...(participants !== undefined ? { participants: people } : {}),
  });
}
