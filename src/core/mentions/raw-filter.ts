// Quick "cannot name it" tests, so that a view over thousands of candidate documents folds
// (./fold-map.ts), and even parses, only those that may hold a mention. The index's
// candidates hold every word of a name somewhere in one block, but most do not hold the
// name itself; folding a 30 K-character text (an offset per character) and parsing and
// checking its record file cost far more than one regex over the raw characters.
//
// The tests are only sound where folding is simple: plain ASCII, where folding lower-cases
// letters, drops a full stop after a letter and a comma between digits, and turns each
// run of white space into one space (see foldForNames). Then a raw stretch that folds to
// the name is the name's characters in order, in either case, with at most one full stop
// after each letter, an optional comma after each digit and a run of white space (or of
// control characters, more than folding needs) for each space. Any other text (accents,
// typographic quotes, other scripts) gets true, and is folded as before.
//
// The same test runs on a record file's bytes (`rawRecordTest`), before the file is parsed:
// JSON keeps a text's plain characters as they are but may escape white space and control
// characters (\n, \t, \u0001), quotes, backslashes and slashes. So in a file a space may
// also be an escape, a file with any \u escape (which may spell any letter) gets true, and
// a name holding a quote, a backslash or a slash is not tested on the file.
import { isAscii } from 'node:buffer';
import type { Matcher } from './mentions';

// Any UTF-16 unit past U+007F (a surrogate too), spelled without control characters.
const NON_ASCII = /[\u0080-\uffff]/;
const escape = (c: string): string => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** White space in a text; in a record file, also JSON's escapes of it. */
const SPACE = {
  text: '[\\x00-\\x20\\x7F]+',
  file: '(?:[\\x00-\\x20\\x7F]|\\\\[nrtbf])+',
} as const;
type Where = keyof typeof SPACE;

/** The pattern that any raw stretch folding to `literal` matches; null when none can. */
function rawPattern(literal: string, where: Where): string | null {
  // Folding plain ASCII gives plain ASCII: a name with another character is never in it.
  if (NON_ASCII.test(literal)) return null;
  let source = '';
  for (let i = 0; i < literal.length; i++) {
    const c = literal[i]!;
    const last = i === literal.length - 1;
    if (c === ' ') source += SPACE[where];
    else if (/[a-z]/.test(c)) source += last ? c : `${c}\\.?`;
    else if (/[0-9]/.test(c)) source += last ? c : `${c},?`;
    else source += escape(c);
  }
  return source;
}

/** Compiled tests by the matcher's pattern: a view asks the same entity of many texts. */
const compiled = new Map<string, RegExp | null>();

function compile(matcher: Matcher & { literals: string[] }, where: Where): RegExp | null {
  const key = `${where} ${matcher.regex.source}`;
  let regex = compiled.get(key);
  if (regex === undefined) {
    const patterns = matcher.literals.flatMap((l) => rawPattern(l, where) ?? []);
    regex = patterns.length ? new RegExp(patterns.map((p) => `(?:${p})`).join('|'), 'i') : null;
    if (compiled.size > 1000) compiled.clear();
    compiled.set(key, regex);
  }
  return regex;
}

/**
 * Whether a test can turn candidates away: the names are plain text of more than one word
 * each. The index's candidates for a one-word name already hold that word, so a test
 * would pass them all, for the price of a scan each.
 */
const worthTesting = (matcher: Matcher): matcher is Matcher & { literals: string[] } =>
  matcher.literals !== undefined && matcher.literals.every((l) => l.includes(' '));

/**
 * A test of a document's text for this matcher: false only when the matcher's regex, run
 * on the folded text, would find nothing; undefined when there is no test worth running
 * (one-word names, or names that are not plain text: a Persian name whose spaces may go).
 */
export function rawNameTest(matcher: Matcher): ((text: string) => boolean) | undefined {
  if (!worthTesting(matcher)) return undefined;
  const regex = compile(matcher, 'text');
  return (text) => NON_ASCII.test(text) || (regex !== null && regex.test(text));
}

/**
 * The same test of a record file's bytes: false only when the text the file holds cannot
 * name the entity, so the file need not be parsed. Bytes past 0x7F (UTF-8 beyond ASCII) and
 * any \u escape (which may spell any letter) get true. Undefined where rawNameTest is, and
 * for names with a character JSON may escape.
 */
export function rawRecordTest(matcher: Matcher): ((bytes: Buffer) => boolean) | undefined {
  if (!worthTesting(matcher) || matcher.literals.some((l) => /["\\/]/.test(l))) return undefined;
  const regex = compile(matcher, 'file');
  return (bytes) =>
    // isAscii is native: the same regex as on a text took ~110 ms over 4,600 files.
    !isAscii(bytes) ||
    bytes.includes('\\u') ||
    (regex !== null && regex.test(bytes.toString('latin1')));
}
