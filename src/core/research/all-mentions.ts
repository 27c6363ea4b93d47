// Mentions of every entity at once: each entity's names and aliases matched as for one
// entity (same folding, same narrowing by the search index), document by document, with
// overlapping matches of two entities resolved so that a passage goes to one entity only.
// The scan stops after the document in which the matches reach the caller's limit, so a
// workspace full of common names still answers; the result says how far it got.
import type { DocumentFile, Entity } from '../../shared/model';
import type { AllMentions, EntityMentions, Mention } from '../../shared/research';
import { entityMatcher, mentionsIn, narrow, type BlockLookup } from './mentions';

export const OVERLAP_RULE =
  'Where the names of two entities overlap, the longer match wins; at equal length the one ' +
  'that starts first, then the entity whose name sorts first.';

type Found = { entity: Entity; mention: Mention };

const length = (f: Found): number => f.mention.end - f.mention.start;

/** Keeps the matches that win under OVERLAP_RULE; the rest are returned as lost. */
export function resolveOverlaps(found: readonly Found[]): { kept: Found[]; lost: Found[] } {
  const ranked = [...found].sort(
    (x, y) =>
      length(y) - length(x) ||
      x.mention.start - y.mention.start ||
      x.entity.name.localeCompare(y.entity.name),
  );
  // Kept spans never overlap one another, so sorted by start they are sorted by end too.
  const spans: { start: number; end: number }[] = [];
  const kept: Found[] = [];
  const lost: Found[] = [];
  for (const f of ranked) {
    const { start, end } = f.mention;
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    const before = spans[lo - 1];
    const after = spans[lo];
    if ((before && before.end > start) || (after && after.start < end)) {
      lost.push(f);
      continue;
    }
    spans.splice(lo, 0, { start, end });
    kept.push(f);
  }
  kept.sort((x, y) => x.mention.start - y.mention.start);
  return { kept, lost };
}

export function findAllMentions(
  files: readonly DocumentFile[],
  entities: readonly Entity[],
  limit: number,
  lookup?: BlockLookup,
): AllMentions {
  const prepared = entities.flatMap((entity) => {
    const matcher = entityMatcher(entity);
    return matcher ? [{ entity, matcher, where: lookup ? narrow(entity, lookup) : null }] : [];
  });
  const groups = new Map<string, EntityMentions>();
  const group = (entity: Entity): EntityMentions => {
    let g = groups.get(entity.id);
    if (!g) {
      g = { entityId: entity.id, name: entity.name, mentions: [], untagged: 0, overlapped: 0 };
      groups.set(entity.id, g);
    }
    return g;
  };
  let matches = 0;
  let scanned = 0;
  for (const file of files) {
    if (matches >= limit) break;
    scanned++;
    const found: Found[] = [];
    for (const { entity, matcher, where } of prepared) {
      const ranges = where ? where.get(file.document.id) : undefined;
      if (where && !ranges) continue;
      for (const mention of mentionsIn(file, entity.id, matcher, ranges))
        found.push({ entity, mention });
    }
    matches += found.length;
    const { kept, lost } = resolveOverlaps(found);
    for (const { entity, mention } of kept) {
      const g = group(entity);
      g.mentions.push(mention);
      if (!mention.tagged) g.untagged++;
    }
    for (const { entity } of lost) group(entity).overlapped++;
  }
  return {
    groups: [...groups.values()].sort((x, y) => x.name.localeCompare(y.name)),
    documentsScanned: scanned,
    documentsTotal: files.length,
    limit,
    truncated: scanned < files.length,
    overlapRule: OVERLAP_RULE,
  };
}
