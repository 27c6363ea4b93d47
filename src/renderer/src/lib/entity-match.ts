// Finding entities the way a researcher types: part of a name or an alias, folded exactly
// as search folds (../../../shared/entity-names.ts), best matches first; and when tagging
// a passage, the entities it names come before the rest.
import type { EntityWithUsage } from '../../../shared/api';
import { matchRank, nameKey, nameWords, queryFindsName } from '../../../shared/entity-names';

export interface NewEntity {
  name: string;
  type: string;
  aliases: string[];
}

const namesOf = (e: { name: string; aliases: readonly string[] }): string[] => [
  e.name,
  ...e.aliases,
];

/**
 * Whether `text` names the entity: one of its names, folded as search folds, is a run of
 * the text's whole words. The run is compared with its words joined, as names are keyed,
 * so a Persian name written with a ZWNJ on one side and a space (or nothing) on the other
 * is still the same name, as search finds it.
 */
export function namedIn(
  entity: { name: string; aliases: readonly string[] },
  text: string,
): boolean {
  const words = nameWords(text);
  return namesOf(entity).some((n) => {
    const key = nameKey(n);
    if (!key) return false;
    for (let i = 0; i < words.length; i++) {
      if (!key.startsWith(words[i]!)) continue;
      let run = '';
      for (let j = i; j < words.length && run.length < key.length; j++) {
        run += words[j];
        if (run === key) return true;
      }
    }
    return false;
  });
}

/**
 * The entities a query finds, best first: named in the passage being tagged, then the
 * whole name, a name's start, elsewhere; then the most used; then by name.
 */
export function matchEntities<E extends EntityWithUsage>(
  entities: readonly E[],
  query: string,
  passage = '',
): E[] {
  const q = query.trim();
  const scored = entities.flatMap((entity) => {
    const names = namesOf(entity);
    if (q && !names.some((n) => queryFindsName(q, n))) return [];
    const rank = q
      ? Math.min(...names.map((n) => (queryFindsName(q, n) ? matchRank(q, n) : 3)))
      : 0;
    const named = passage && namedIn(entity, passage) ? 0 : 1;
    return [{ entity, named, rank }];
  });
  scored.sort(
    (a, b) =>
      a.named - b.named ||
      a.rank - b.rank ||
      b.entity.usage - a.entity.usage ||
      a.entity.name.localeCompare(b.entity.name),
  );
  return scored.map((s) => s.entity);
}

/** The entity already called exactly this (by search's folding), if any. */
export function sameName<E extends { name: string; aliases: readonly string[] }>(
  entities: readonly E[],
  name: string,
): E | undefined {
  const key = nameKey(name);
  return key ? entities.find((e) => namesOf(e).some((n) => nameKey(n) === key)) : undefined;
}

export const splitAliases = (text: string): string[] =>
  text
    .split(/[,;\n]/)
    .map((a) => a.trim())
    .filter(Boolean);
