// Which entities a new or renamed one may be the same as: one of its names has the same
// key as one of theirs by search's folding, or is a few edits away from it
// (../../shared/entity-names.ts). Read-only: the caller asks before creating or renaming
// and the user decides (merge, use the existing one, or go on).
import type { ParsedInput } from '../../shared/api';
import { likeness } from '../../shared/entity-names';
import type { EntityWithUsage, SimilarEntity } from '../../shared/methods/entities';

/** At most this many are named: past that, the user's question is a longer list, not a clearer one. */
const MAX_SIMILAR = 5;

export function similarEntities(
  entities: readonly EntityWithUsage[],
  input: ParsedInput<'entities.similar'>,
): SimilarEntity[] {
  const typed = [input.name, ...input.aliases];
  const found: SimilarEntity[] = [];
  for (const entity of entities) {
    if (entity.id === input.exceptId) continue;
    let best: SimilarEntity | undefined;
    for (const matched of [entity.name, ...entity.aliases]) {
      for (const name of typed) {
        const like = likeness(name, matched);
        if (like && (!best || like.distance < best.distance))
          best = { entity, matched, typed: name, ...like };
      }
    }
    if (best) found.push(best);
  }
  found.sort(
    (a, b) =>
      a.distance - b.distance ||
      b.entity.usage - a.entity.usage ||
      a.entity.name.localeCompare(b.entity.name),
  );
  return found.slice(0, MAX_SIMILAR);
}
