// How many times an entity is named in each document, without the details find mentions
// gives: what the dossier shows per source. Two things keep it quick on a large workspace:
// names that are plain folded text are counted with indexOf and a word-boundary check
// instead of a regex match object per hit (a name as common as "the" hits ~600,000 times
// in 60 MB), and each document's count is kept while its text is the same object, so a
// dossier refreshed after an edit recounts only the documents that changed.
import type { Document, DocumentFile, Entity } from '../../shared/model';
import { foldedDocument } from './fold-map';
import { entityMatcher, narrow, spans, type BlockLookup, type Matcher } from './mentions';

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

/** Counts by document and by the matcher's pattern, while the document is the same object. */
const cache = new WeakMap<Document, Map<string, number>>();

export function countMentions(
  files: Iterable<DocumentFile>,
  entity: Pick<Entity, 'name' | 'aliases'>,
  lookup?: BlockLookup,
): Map<string, number> {
  const counts = new Map<string, number>();
  const matcher = entityMatcher(entity);
  if (!matcher) return counts;
  const key = matcher.regex.source;
  let where: ReturnType<typeof narrow> | undefined;
  for (const { document } of files) {
    let known = cache.get(document);
    let n = known?.get(key);
    if (n === undefined) {
      // Asked of the index only when some document is not counted yet.
      if (where === undefined) where = lookup ? narrow(entity, lookup) : null;
      const ranges = where ? where(document.id) : undefined;
      n = 0;
      if (!where || ranges) {
        const folded = foldedDocument(document).text;
        for (const [from, to] of spans(foldedDocument(document), ranges)) {
          n += matcher.literals
            ? countLiterals(folded, from, to, matcher.literals)
            : countRegex(folded, from, to, matcher);
        }
      }
      if (!known) cache.set(document, (known = new Map<string, number>()));
      known.set(key, n);
    }
    if (n) counts.set(document.id, n);
  }
  return counts;
}
