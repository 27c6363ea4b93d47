// Text normalisation shared by importers, anchoring and matching: canonical text is what
// every offset refers to, so it is normalised once, at import, and never again.

/** Canonical form of imported text: no BOM, "\n" line breaks, NFC. */
export function normaliseText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC');
}

const ARABIC_FOLDS: Record<string, string> = {
  '\u064A': '\u06CC', // Arabic yeh -> Persian yeh
  '\u0649': '\u06CC', // alef maksura -> Persian yeh
  '\u0643': '\u06A9', // Arabic kaf -> Persian keheh
  '\u0629': '\u0647', // teh marbuta -> heh
  '\u0623': '\u0627', // alef with hamza above -> alef
  '\u0625': '\u0627', // alef with hamza below -> alef
  '\u0622': '\u0627', // alef with madda -> alef
  '\u0671': '\u0627', // alef wasla -> alef
};

/**
 * Folds text for matching the way a researcher types: case, accents and diacritics,
 * Arabic/Persian letter variants, tatweel and zero-width joiners do not matter.
 * Not length-preserving: use it to compare, never to compute offsets.
 */
export function foldForMatch(text: string): string {
  return text
    .replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10))
    .normalize('NFKD')
    .replace(/[\u0300-\u036F\u064B-\u065F\u0670\u06D6-\u06ED]/g, '')
    .replace(/\u0640|\u200C|\u200D|\u200E|\u200F/g, '')
    .replace(/[\u064A\u0649\u0643\u0629\u0623\u0625\u0622\u0671]/g, (c) => ARABIC_FOLDS[c] ?? c)
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

/**
 * The folded search tokens of a text. Folding the whole text once and then splitting is
 * several times faster than folding word by word, and gives the same tokens, because
 * folding only drops marks and joiners that WORD keeps inside words.
 */
export function searchTokens(text: string): string[] {
  return foldForMatch(text)
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean);
}

/** The only link addresses kept from imported text or shown in the reader. */
export const SAFE_HREF = /^(https?:|mailto:)/i;

/** "1 highlight", "3 highlights"; pass the plural for words that do not just add "s". */
export const plural = (n: number, word: string, many = `${word}s`): string =>
  `${n} ${n === 1 ? word : many}`;
