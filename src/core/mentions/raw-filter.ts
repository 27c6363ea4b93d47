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
import type { Matcher } from './mentions';

// Any UTF-16 unit past U+007F (a surrogate too), spelled without control characters.
const NON_ASCII = /[\u0080-\uffff]/;
const escape = (c: string): string => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** The pattern that any raw stretch folding to `literal` matches; null when none can. */
function rawPattern(literal: string): string | null {
  // Folding plain ASCII gives plain ASCII: a name with another character is never in it.
  if (NON_ASCII.test(literal)) return null;
  let source = '';
  for (let i = 0; i < literal.length; i++) {
    const c = literal[i]!;
    const last = i === literal.length - 1;
    if (c === ' ') source += '[\\x00-\\x20\\x7F]+';
    else if (/[a-z]/.test(c)) source += last ? c : `${c}\\.?`;
    else if (/[0-9]/.test(c)) source += last ? c : `${c},?`;
    else source += escape(c);
  }
  return source;
}

/** Compiled tests by the matcher's pattern: a view asks the same entity of many texts. */
const compiled = new Map<string, RegExp | null>();

function compile(matcher: Matcher & { literals: string[] }): RegExp | null {
  const key = matcher.regex.source;
  let regex = compiled.get(key);
  if (regex === undefined) {
    const patterns = matcher.literals.flatMap((l) => rawPattern(l) ?? []);
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
  const regex = compile(matcher);
  return (text) => NON_ASCII.test(text) || (regex !== null && regex.test(text));
}
