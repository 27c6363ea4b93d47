// Text normalisation shared by importers, anchoring and matching: canonical text is what
// every offset refers to, so it is normalised once, at import, and never again.

/** Canonical form of imported text: no BOM, "\n" line breaks, NFC. */
export function normaliseText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC');
}

const NON_ASCII = /\P{ASCII}/u;

/**
 * White space as every fold reads it (anchoring's and the mention finder's): what
 * JavaScript's \s matches, less the byte order mark (a zero-width no-break space that a
 * re-import may drop, which must not count as a space).
 */
export function isWhiteSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

// Alef with hamza or madda needs no entry: NFKD splits it into alef and a mark, and the
// mark is dropped with the other diacritics before this table is read.
const ARABIC_FOLDS: Record<string, string> = {
  '\u064A': '\u06CC', // Arabic yeh -> Persian yeh
  '\u0649': '\u06CC', // alef maksura -> Persian yeh
  '\u0643': '\u06A9', // Arabic kaf -> Persian keheh
  '\u0629': '\u0647', // teh marbuta -> heh
  '\u0671': '\u0627', // alef wasla -> alef
};

/**
 * Folds text for matching the way a researcher types: case, accents and diacritics,
 * Arabic/Persian letter variants, tatweel and zero-width joiners do not matter.
 * Not length-preserving: use it to compare, never to compute offsets.
 */
export function foldForMatch(text: string): string {
  // ASCII has no digits, marks, joiners or letter variants to fold: only case.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10))
    .normalize('NFKD')
    .replace(/[\u0300-\u036F\u064B-\u065F\u0670\u06D6-\u06ED]/g, '')
    .replace(/\u0640|\u200C|\u200D|\u200E|\u200F/g, '')
    .replace(/[\u064A\u0649\u0643\u0629\u0671]/g, (c) => ARABIC_FOLDS[c] ?? c)
    .toLowerCase();
}

/** True when `index` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return false;
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Words as a researcher would count them: letters, digits and joined marks, any script. */
export const WORD = /(?:[\p{L}\p{N}\p{M}\u0640]|\u200C|\u200D)+/gu;

// What search reads as one word beyond the letters of WORD. Applied to folded text, so the
// digits are already ASCII and the letters lower case. A possessive "'s" is no word of its
// own (else "Nouri's" would search for every word starting with s); "U.S." is "us"; the
// group separators of "5,000" and "۵٬۰۰۰" go, so either finds "5000".
const POSSESSIVE = /(?<=[\p{L}\p{N}\p{M}.])['\u2019]s(?![\p{L}\p{N}\p{M}])/gu;
/** Numbers written with group separators, in any digits: "5,000", "۱٬۰۰۰٬۰۰۰". */
export const DIGIT_GROUPS = /(?<![\p{L}\p{N}\p{M}])\p{N}{1,3}(?:[,\u066C]\p{N}{3})+(?!\p{N})/gu;
const DOTTED = /(?<![\p{L}\p{N}\p{M}.])\p{L}\p{M}*(?:\.\p{L}\p{M}*(?![\p{L}\p{N}\p{M}]))+\.?/gu;
const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/u;

/** Drops the possessive, the digit groups' separators and the abbreviations' dots. */
function joinWordForms(folded: string): string {
  let text = folded;
  if (text.includes("'") || text.includes('\u2019')) text = text.replace(POSSESSIVE, '');
  if (text.includes(',') || text.includes('\u066C'))
    text = text.replace(DIGIT_GROUPS, (m) => m.replace(/[,\u066C]/g, ''));
  if (text.includes('.')) text = text.replace(DOTTED, (m) => m.replaceAll('.', ''));
  return text;
}

/**
 * The folded search tokens of a text. Folding the whole text once and then splitting is
 * several times faster than folding word by word, and gives the same tokens, because
 * folding only drops marks and joiners that WORD keeps inside words.
 */
export function searchTokens(text: string): string[] {
  return joinWordForms(foldForMatch(text)).split(NOT_WORD).filter(Boolean);
}

/**
 * A stretch of text that holds no character search always splits on: words with the full
 * stops, commas and apostrophes that may join them into one ("U.S.", "5,000", "Nouri's").
 */
const CHUNK = /(?:[\p{L}\p{N}\p{M}\u0640.,\u066C'\u2019]|\u200C|\u200D)+/gu;
/** The common case, read without folding: an ASCII word, maybe ending a clause. */
const PLAIN = /^([a-z0-9]+)[.,]?$/i;

/**
 * Each character's folding, remembered by its code (the Basic Multilingual Plane; others
 * by a map), with whether the folded result is all letters and digits: a word is folded
 * a character at a time, with no regex, and known at once to be one whole word.
 */
const bmpFolds: (string | undefined)[] = [];
const bmpWhole = new Uint8Array(0x10000); // 0 not yet known, 1 letters and digits, 2 other
const otherFolds = new Map<string, string>();
const WHOLE_WORD = /^[\p{L}\p{N}]+$/u;
/** The marks a chunk may carry at its ends that are not part of its word. */
const JOINERS = /[.,\u066C'\u2019]/;

/**
 * foldForMatch a character at a time, which gives the same result for words (folding
 * decomposes and drops marks character by character; fold-map relies on the same).
 * Answers undefined instead when the folded word would not be letters and digits only.
 */
function foldWholeWord(text: string): string | undefined {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) return slowWholeWord(text);
    let folded = bmpFolds[code];
    if (folded === undefined) {
      folded = foldForMatch(text[i]!);
      bmpFolds[code] = folded;
      bmpWhole[code] = folded === '' || WHOLE_WORD.test(folded) ? 1 : 2;
    }
    if (bmpWhole[code] === 2) return undefined;
    out += folded;
  }
  return out === '' ? undefined : out;
}

/** The same, for words with characters beyond the Basic Multilingual Plane. */
function slowWholeWord(text: string): string | undefined {
  let out = '';
  for (const ch of text) {
    let folded = otherFolds.get(ch);
    if (folded === undefined) {
      folded = foldForMatch(ch);
      otherFolds.set(ch, folded);
    }
    out += folded;
  }
  return WHOLE_WORD.test(out) ? out : undefined;
}

export interface TokenSpan {
  /** The folded tokens read from the span (usually one). */
  tokens: string[];
  /** Where the word stands in the text, without trailing punctuation or possessive. */
  start: number;
  end: number;
}

/**
 * The words of a text with their offsets, each read exactly as searchTokens reads it, so a
 * snippet marks the words a search matched. `visit` is called in text order until it
 * returns false, so a snippet can stop early; no object is made for a word it skips.
 */
export function scanTokenSpans(
  text: string,
  visit: (tokens: readonly string[], start: number, end: number) => boolean,
): void {
  const chunks = new RegExp(CHUNK);
  for (let chunk = chunks.exec(text); chunk; chunk = chunks.exec(text)) {
    const raw = chunk[0];
    const plain = PLAIN.exec(raw)?.[1];
    if (plain) {
      if (!visit([plain.toLowerCase()], chunk.index, chunk.index + plain.length)) return;
      continue;
    }
    const whole = foldWholeWord(raw);
    const tokens = whole !== undefined ? [whole] : searchTokens(raw);
    if (!tokens.length) continue;
    // Most words (any script) hold none of the joining marks: nothing to trim.
    if (!JOINERS.test(raw)) {
      if (!visit(tokens, chunk.index, chunk.index + raw.length)) return;
      continue;
    }
    const core = raw
      .replace(/(?<=.)['\u2019]s$/u, '')
      .replace(/[,\u066C'\u2019]+$/u, '')
      .replace(/(?<![.]\p{L}\p{M}*)\.+$/u, '');
    const lead = core.length - core.replace(/^[.,\u066C'\u2019]+/u, '').length;
    if (!visit(tokens, chunk.index + lead, chunk.index + core.length)) return;
  }
}

/** Every word of a text with its offsets (see scanTokenSpans). */
export function tokenSpans(text: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  scanTokenSpans(text, (tokens, start, end) => spans.push({ tokens: [...tokens], start, end }) > 0);
  return spans;
}

/** The only link addresses kept from imported text or shown in the reader. */
export const SAFE_HREF = /^(https?:|mailto:)/i;

/** "1 highlight", "3 highlights"; pass the plural for words that do not just add "s". */
export const plural = (n: number, word: string, many = `${word}s`): string =>
  `${n} ${n === 1 ? word : many}`;
