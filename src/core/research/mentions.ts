// Finding where an entity is mentioned: every occurrence of its name or an alias, as a
// whole word, in folded text (so case, accents, Arabic/Persian letter forms, ZWNJ written
// as a space or left out, and "U.S."/"US" do not matter), each marked with the highlight
// that already covers it, if any. One regex per entity, run over each folded document.
import type { Mention } from '../../shared/research';
import type { DocumentFile, Entity } from '../../shared/model';
import { foldedDocument, foldWithMap, originalRange } from './fold-map';

const ARABIC = /[\u0600-\u06FF]/;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The folded pattern of one name: a space (or ZWNJ) between Arabic letters may be left out. */
function namePattern(name: string): string | undefined {
  const folded = foldWithMap(name.replace(/\u200C/g, ' ')).text.trim();
  if (!folded) return undefined;
  let source = '';
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i]!;
    const joins =
      ch === ' ' && ARABIC.test(folded[i - 1] ?? '') && ARABIC.test(folded[i + 1] ?? '');
    source += joins ? ' ?' : escape(ch);
  }
  return source;
}

export interface Matcher {
  regex: RegExp;
  /** The name or alias of each capture group, in order. */
  names: string[];
}

export function entityMatcher(entity: Pick<Entity, 'name' | 'aliases'>): Matcher | undefined {
  const seen = new Set<string>();
  const groups: { name: string; source: string }[] = [];
  for (const name of [entity.name, ...entity.aliases]) {
    const source = namePattern(name);
    if (!source || seen.has(source)) continue;
    seen.add(source);
    groups.push({ name, source });
  }
  if (!groups.length) return undefined;
  // Longest first, so "Hamid Noury" wins over "Noury" at the same place.
  groups.sort((a, b) => b.source.length - a.source.length);
  const body = groups.map((g) => `(${g.source})`).join('|');
  return {
    regex: new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${body})(?![\\p{L}\\p{N}\\p{M}])`, 'gu'),
    names: groups.map((g) => g.name),
  };
}

const CONTEXT = 40;

/** Mentions of one entity in one document, in text order. */
export function mentionsIn(file: DocumentFile, entityId: string, matcher: Matcher): Mention[] {
  const { document } = file;
  const folded = foldedDocument(document);
  const placed = file.annotations.filter((a) => a.status !== 'orphaned');
  const found: Mention[] = [];
  matcher.regex.lastIndex = 0;
  for (const match of folded.text.matchAll(matcher.regex)) {
    const from = match.index;
    const { start, end } = originalRange(document.text, folded, from, from + match[0].length);
    const group = match.findIndex((g, i) => i > 0 && g !== undefined);
    const covering = placed.filter(
      (a) => a.target.position.start < end && a.target.position.end > start,
    );
    const tagged = covering.find((a) => a.entityIds.includes(entityId));
    const highlight = tagged ?? covering[0];
    found.push({
      documentId: document.id,
      documentTitle: document.title,
      start,
      end,
      exact: document.text.slice(start, end),
      matched: matcher.names[group - 1] ?? matcher.names[0]!,
      ...(highlight ? { highlightId: highlight.id } : {}),
      tagged: tagged !== undefined,
      before: document.text.slice(Math.max(0, start - CONTEXT), start),
      after: document.text.slice(end, end + CONTEXT),
    });
  }
  return found;
}

export function findMentions(
  files: Iterable<DocumentFile>,
  entity: Pick<Entity, 'id' | 'name' | 'aliases'>,
): Mention[] {
  const matcher = entityMatcher(entity);
  if (!matcher) return [];
  const all: Mention[] = [];
  for (const file of files) all.push(...mentionsIn(file, entity.id, matcher));
  return all;
}
