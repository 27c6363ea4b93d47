// Mentions of every entity at once: each entity's names and aliases matched as for one
// entity (same folding), document by document, with overlapping matches of two entities
// resolved so that a passage goes to one entity only. The scan stops after the document in
// which the matches reach the caller's limit, so a workspace full of common names still
// answers; the result says how far it got.
//
// A document is scanned for an entity only when it holds every word of one of its names.
// That test uses the document's own set of folded words, not the search index: asking the
// index for 300 entities' names at once means intersecting the lists of words as common
// as "the", seconds on a large workspace, while a word set is made once per document text.
import type { Document, DocumentFile, Entity } from '../../shared/model';
import type { AllMentions, EntityMentions, Mention } from '../../shared/methods/mentions';
import { foldedDocument } from './fold-map';
import { entityMatcher, mentionsIn } from './mentions';

const BETWEEN_WORDS = /[^\p{L}\p{N}\p{M}]+/u;

/** The folded words of a document, kept while its text is the same object. */
const wordSets = new WeakMap<Document, Set<string>>();
function wordsOf(document: Document): Set<string> {
  let words = wordSets.get(document);
  if (!words) {
    words = new Set(foldedDocument(document).text.split(BETWEEN_WORDS));
    wordSets.set(document, words);
  }
  return words;
}

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

/**
 * `files`: the documents in order, read as the scan asks for them (it stops early);
 * `total`: how many there are.
 */
export async function findAllMentions(
  files: AsyncIterable<DocumentFile>,
  total: number,
  entities: readonly Entity[],
  limit: number,
): Promise<AllMentions> {
  const prepared = entities.flatMap((entity) => {
    const matcher = entityMatcher(entity);
    if (!matcher) return [];
    // A match of a plain name is those very words, so a document without one of them
    // cannot hold it. A name whose spaces may be left out (Persian) is always scanned.
    const needs = matcher.literals?.map((name) => name.split(BETWEEN_WORDS).filter(Boolean));
    return [{ entity, matcher, needs }];
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
  for await (const file of files) {
    if (matches >= limit) break;
    scanned++;
    const found: Found[] = [];
    const words = wordsOf(file.document);
    for (const { entity, matcher, needs } of prepared) {
      if (needs && !needs.some((name) => name.every((w) => words.has(w)))) continue;
      for (const mention of mentionsIn(file, entity.id, matcher)) found.push({ entity, mention });
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
    documentsTotal: total,
    limit,
    truncated: scanned < total,
    overlapRule: OVERLAP_RULE,
  };
}
