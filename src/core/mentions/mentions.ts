// Finding where an entity is mentioned: every occurrence of its name or an alias, as a
// whole word, in folded text (so case, accents, Arabic/Persian letter forms, ZWNJ written
// as a space or left out, "U.S."/"US" and "5,000"/"5000" do not matter), each marked with the highlight
// that already covers it, if any. One regex per entity, run over each folded document.
import type { Mention } from '../../shared/methods/mentions';
import type { DocumentFile, Entity } from '../../shared/model';
import { searchTokens } from '../../shared/text';
import { foldedDocument, foldForNames, originalRange, type NameFold } from './fold-map';
import { rawNameTest } from './raw-filter';

const ARABIC = /[\u0600-\u06FF]/;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The folded pattern of one name: a space (or ZWNJ) between Arabic letters may be left out.
 * `literal` is the folded name itself when the pattern is only that text.
 */
function namePattern(name: string): { source: string; literal?: string } | undefined {
  const folded = foldForNames(name.replace(/\u200C/g, ' ')).text.trim();
  if (!folded) return undefined;
  let source = '';
  let optional = false;
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i]!;
    const joins =
      ch === ' ' && ARABIC.test(folded[i - 1] ?? '') && ARABIC.test(folded[i + 1] ?? '');
    optional ||= joins;
    source += joins ? ' ?' : escape(ch);
  }
  return optional ? { source } : { source, literal: folded };
}

export interface Matcher {
  regex: RegExp;
  /** The name or alias of each capture group, in order. */
  names: string[];
  /** The folded names, when every pattern is plain text (no optional space): for counting. */
  literals?: string[];
}

export function entityMatcher(entity: Pick<Entity, 'name' | 'aliases'>): Matcher | undefined {
  const seen = new Set<string>();
  const groups: { name: string; source: string; literal?: string }[] = [];
  for (const name of [entity.name, ...entity.aliases]) {
    const pattern = namePattern(name);
    if (!pattern || seen.has(pattern.source)) continue;
    seen.add(pattern.source);
    groups.push({ name, ...pattern });
  }
  if (!groups.length) return undefined;
  // Longest first, so "Hamid Noury" wins over "Noury" at the same place.
  groups.sort((a, b) => b.source.length - a.source.length);
  const body = groups.map((g) => `(${g.source})`).join('|');
  return {
    regex: new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${body})(?![\\p{L}\\p{N}\\p{M}])`, 'gu'),
    names: groups.map((g) => g.name),
    ...(groups.every((g) => g.literal !== undefined)
      ? { literals: groups.map((g) => g.literal!) }
      : {}),
  };
}

const CONTEXT = 40;

type Range = { start: number; end: number };

/** The first folded index whose original offset is at or after `offset`. */
function foldedAt(folded: NameFold, offset: number): number {
  let lo = 0;
  let hi = folded.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (folded.starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The folded spans to scan: the given ranges of the original text, or all of it. */
export function spans(folded: NameFold, ranges?: readonly Range[]): (readonly [number, number])[] {
  // Many blocks of one document: one pass over all of it is cheaper than a slice each.
  if (!ranges || ranges.length > 8) return [[0, folded.text.length]];
  return [...ranges]
    .sort((a, b) => a.start - b.start)
    .map((r) => [foldedAt(folded, r.start), foldedAt(folded, r.end)] as const);
}

/**
 * The folded texts to scan: the whole document (folded once and kept with it), or, for a
 * few ranges (the blocks the index named), each range folded alone: a document read for a
 * handful of paragraphs is not folded whole.
 */
export function foldedSpans(
  document: DocumentFile['document'],
  ranges?: readonly Range[],
): { folded: NameFold; from: number; to: number }[] {
  if (!ranges || ranges.length > 8) {
    const whole = foldedDocument(document);
    return spans(whole, ranges).map(([from, to]) => ({ folded: whole, from, to }));
  }
  return [...ranges]
    .sort((a, b) => a.start - b.start)
    .map((r) => {
      const part = foldForNames(document.text.slice(r.start, r.end));
      const starts = part.starts.map((at) => at + r.start);
      return { folded: { text: part.text, starts }, from: 0, to: part.text.length };
    });
}

/** Mentions of one entity in one document (or in the given ranges of it), in text order. */
export function mentionsIn(
  file: DocumentFile,
  entityId: string,
  matcher: Matcher,
  ranges?: readonly Range[],
): Mention[] {
  const { document } = file;
  const placed = file.annotations.filter((a) => a.status !== 'orphaned');
  const found: Mention[] = [];
  for (const { folded, from, to } of foldedSpans(document, ranges)) {
    const text =
      from === 0 && to === folded.text.length ? folded.text : folded.text.slice(from, to);
    for (const match of text.matchAll(matcher.regex)) {
      const at = from + match.index;
      const { start, end } = originalRange(document.text, folded, at, at + match[0].length);
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
  }
  return found;
}

/** Where to look for a name: the blocks holding all its words, by document (a search index). */
export type BlockLookup = (tokens: readonly string[]) => Map<string, Range[]>;

/** The blocks of a document that may hold a mention, or undefined when none can. */
export type Where = (documentId: string) => Range[] | undefined;

/**
 * Narrows the scan to the blocks the index says hold every word of some name. The index
 * reads "U.S." as "us", "5,000" as "5000" and drops a possessive, as this matcher folds
 * them; a name in Arabic script (where ZWNJ may be a space) is scanned in full. The
 * answers of several names are joined for one document at a time, when it is asked for:
 * a name as common as "the" is in every block, and a scan that stops early asks for few.
 */
export function narrow(
  entity: Pick<Entity, 'name' | 'aliases'>,
  lookup: BlockLookup,
): Where | null {
  const names = [entity.name, ...entity.aliases];
  if (names.some((n) => ARABIC.test(n) || /\u200C/.test(n))) return null;
  const answers = names.map((name) => lookup(searchTokens(name)));
  // One name (the usual case): the index's answer as it is, nothing to join.
  if (answers.length === 1) return (id) => answers[0]!.get(id);
  return (id) => {
    const lists = answers.flatMap((answer) => answer.get(id) ?? []);
    if (!lists.length) return undefined;
    const byStart = new Map<number, Range>();
    for (const r of lists) byStart.set(r.start, r);
    return [...byStart.values()];
  };
}

/**
 * The documents that may mention an entity, by the index (those holding every word of one
 * of its names); null when the index cannot tell (a name in Arabic script) and every
 * document must be read.
 */
export function mentionCandidates(
  entity: Pick<Entity, 'name' | 'aliases'>,
  lookup: BlockLookup | undefined,
): Set<string> | null {
  if (!lookup) return null;
  const names = [entity.name, ...entity.aliases];
  if (names.some((n) => ARABIC.test(n) || /\u200C/.test(n))) return null;
  const ids = new Set<string>();
  for (const name of names) for (const id of lookup(searchTokens(name)).keys()) ids.add(id);
  return ids;
}

/**
 * The documents whose text names the entity (in the blocks the index points to), judged on
 * their text alone: which ones find mentions must then read whole, with their highlights.
 */
export function documentsNaming(
  documents: Iterable<DocumentFile['document']>,
  entity: Pick<Entity, 'name' | 'aliases'>,
  lookup?: BlockLookup,
): Set<string> {
  const naming = new Set<string>();
  const matcher = entityMatcher(entity);
  if (!matcher) return naming;
  const where = lookup ? narrow(entity, lookup) : null;
  const regex = new RegExp(matcher.regex.source, 'u');
  const mayName = rawNameTest(matcher);
  for (const document of documents) {
    const ranges = where ? where(document.id) : undefined;
    if (where && !ranges) continue;
    // Most candidates hold the words but not the name: those are not folded at all.
    if (mayName && !mayName(document.text)) continue;
    const names = foldedSpans(document, ranges).some(({ folded, from, to }) =>
      regex.test(
        from === 0 && to === folded.text.length ? folded.text : folded.text.slice(from, to),
      ),
    );
    if (names) naming.add(document.id);
  }
  return naming;
}

export function findMentions(
  files: Iterable<DocumentFile>,
  entity: Pick<Entity, 'id' | 'name' | 'aliases'>,
  lookup?: BlockLookup,
): Mention[] {
  const matcher = entityMatcher(entity);
  if (!matcher) return [];
  const where = lookup ? narrow(entity, lookup) : null;
  const mayName = rawNameTest(matcher);
  const all: Mention[] = [];
  for (const file of files) {
    if (mayName && !mayName(file.document.text)) continue;
    if (!where) all.push(...mentionsIn(file, entity.id, matcher));
    else {
      const ranges = where(file.document.id);
      if (ranges) all.push(...mentionsIn(file, entity.id, matcher, ranges));
    }
  }
  return all;
}
