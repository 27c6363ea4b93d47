// Finding entities the way a researcher types: part of a name or an alias, with case,
// accents and Arabic/Persian letter variants folded away.
import type { EntityWithUsage } from '../../../shared/api';
import { foldForMatch } from '../../../shared/text';

export interface NewEntity {
  name: string;
  type: string;
  aliases: string[];
}

export function matchEntities(
  entities: readonly EntityWithUsage[],
  query: string,
): EntityWithUsage[] {
  const q = foldForMatch(query.trim());
  if (!q) return [...entities];
  return entities.filter((e) => [e.name, ...e.aliases].some((n) => foldForMatch(n).includes(q)));
}

export const splitAliases = (text: string): string[] =>
  text
    .split(/[,;\n]/)
    .map((a) => a.trim())
    .filter(Boolean);
