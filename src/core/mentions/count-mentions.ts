// How many times an entity is named in each document, without the details find mentions
// gives: what the dossier shows per source. Two things keep it quick on a large workspace:
// names that are plain folded text are counted with indexOf and a word-boundary check
// instead of a regex match object per hit (a name as common as "the" hits ~600,000 times
// in 60 MB), and each document's count is kept by the SHA-256 of its text, so a dossier
// asked for again recounts only the documents whose text changed, and reads no other.
import type { Document, DocumentFile, Entity } from '../../shared/model';
import { entityMatcher, foldedSpans, narrow, type BlockLookup, type Matcher } from './mentions';
import { rawNameTest } from './raw-filter';

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** As the matcher's look-arounds read a code point: a letter, a digit or a mark. */
function isWordAt(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return false;
  const unit = text.charCodeAt(at);
  if (unit < 128)
    return (unit >= 48 && unit <= 57) || (unit >= 65 && unit <= 90) || (unit >= 97 && unit <= 122);
  // A low surrogate: the code point starts one unit earlier.
  const start = unit >= 0xdc00 && unit <= 0xdfff && at > 0 ? at - 1 : at;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(start)!));
}

/**
 * Whole-word occurrences of the literals in text[from, to), counted as the matcher's regex
 * would match them: leftmost first, the longest name at one place, none overlapping.
 */
export function countLiterals(
  text: string,
  from: number,
  to: number,
  literals: readonly string[],
): number {
  const hits: { start: number; end: number }[] = [];
  for (const literal of literals) {
    for (let i = text.indexOf(literal, from); i !== -1; i = text.indexOf(literal, i + 1)) {
      const end = i + literal.length;
      if (end > to) break;
      if (isWordAt(text, i - 1) || isWordAt(text, end)) continue;
      hits.push({ start: i, end });
    }
  }
  if (literals.length > 1) hits.sort((x, y) => x.start - y.start || y.end - x.end);
  let n = 0;
  let reached = from;
  for (const hit of hits) {
    if (hit.start < reached) continue;
    n++;
    reached = hit.end;
  }
  return n;
}

function countRegex(text: string, from: number, to: number, matcher: Matcher): number {
  const whole = from === 0 && to === text.length;
  const regex = new RegExp(matcher.regex);
  const slice = whole ? text : text.slice(from, to);
  let n = 0;
  while (regex.exec(slice)) n++;
  return n;
}

/**
 * One document's count, in the given ranges of its text (the blocks the index named) or in
 * all of it: how countMentions counts a text it has no count for, and how a worker counts
 * one (./count-records.ts). `mayName` is the matcher's rawNameTest, made once per view.
 */
export function countIn(
  document: Document,
  matcher: Matcher,
  ranges: readonly { start: number; end: number }[] | undefined,
  mayName: ((text: string) => boolean) | undefined,
): number {
  // A text that cannot hold the name is counted without being folded.
  if (mayName && !mayName(document.text)) return 0;
  let n = 0;
  for (const { folded, from, to } of foldedSpans(document, ranges)) {
    n += matcher.literals
      ? countLiterals(folded.text, from, to, matcher.literals)
      : countRegex(folded.text, from, to, matcher);
  }
  return n;
}

/** Counts by the text's SHA-256 and the matcher's pattern (text without a hash: by object). */
const byHash = new Map<string, Map<string, number>>();
const byObject = new WeakMap<Document, Map<string, number>>();

const known = (document: Pick<Document, 'textHash'> & object): Map<string, number> | undefined =>
  document.textHash ? byHash.get(document.textHash) : byObject.get(document as Document);

/** The count already known for a document's text, without reading it. */
export function knownCount(
  document: Pick<Document, 'textHash'>,
  entity: Pick<Entity, 'name' | 'aliases'>,
): number | undefined {
  const matcher = entityMatcher(entity);
  if (!matcher) return 0;
  return knownByPattern(document, matcher.regex.source);
}

/** As knownCount, for a matcher's pattern made once (a view asks of thousands). */
export function knownByPattern(
  document: Pick<Document, 'textHash'>,
  pattern: string,
): number | undefined {
  return known(document)?.get(pattern);
}

export function countMentions(
  files: Iterable<Pick<DocumentFile, 'document'>>,
  entity: Pick<Entity, 'name' | 'aliases'>,
  lookup?: BlockLookup,
): Map<string, number> {
  const counts = new Map<string, number>();
  const matcher = entityMatcher(entity);
  if (!matcher) return counts;
  const key = matcher.regex.source;
  let where: ReturnType<typeof narrow> | undefined;
  const mayName = rawNameTest(matcher);
  for (const { document } of files) {
    let kept = known(document);
    let n = kept?.get(key);
    if (n === undefined) {
      // Asked of the index only when some document is not counted yet.
      if (where === undefined) where = lookup ? narrow(entity, lookup) : null;
      const ranges = where ? where(document.id) : undefined;
      n = !where || ranges ? countIn(document, matcher, ranges, mayName) : 0;
      if (!kept) {
        kept = new Map<string, number>();
        if (document.textHash) byHash.set(document.textHash, kept);
        else byObject.set(document, kept);
      }
      kept.set(key, n);
    }
    if (n) counts.set(document.id, n);
  }
  return counts;
}
