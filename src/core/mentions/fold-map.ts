// Folding a whole document for mention matching while remembering where each folded
// character came from, so a match in folded text maps back to exact offsets in the
// canonical text. (Anchoring folds white space alone, in src/shared/anchoring/fold.ts;
// both read white space by `isWhiteSpace`, pinned by tests/unit/folds.test.ts.) Uses the search folding (foldForMatch) character by character, plus
// what names need beyond it: runs of white space count as one space, a full stop after a
// letter is dropped ("U.S." is "US"), the typographic apostrophe is the plain one, and the
// separators of digit groups go ("5,000" and "۵٬۰۰۰" are "5000"), as search reads them.
import type { Document } from '../../shared/model';
import { DIGIT_GROUPS, foldForMatch, isWhiteSpace } from '../../shared/text';

export interface NameFold {
  text: string;
  /** For each folded character, the offset of the original character it came from. */
  starts: Int32Array;
}

const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);

/** Offsets of the group separators in numbers like "5,000" or "۱٬۰۰۰٬۰۰۰". */
function groupSeparators(text: string): Set<number> {
  const at = new Set<number>();
  if (!/\p{N}[,\u066C]\p{N}/u.test(text)) return at;
  for (const match of text.matchAll(DIGIT_GROUPS)) {
    for (let k = 0; k < match[0].length; k++) {
      if (match[0][k] === ',' || match[0][k] === '\u066C') at.add(match.index + k);
    }
  }
  return at;
}

export function foldForNames(text: string): NameFold {
  const out: string[] = [];
  const starts = new Int32Array(text.length + 1);
  let n = 0;
  let lastSpace = true;
  const emit = (ch: string, at: number): void => {
    if (ch === ' ') {
      if (lastSpace) return;
      lastSpace = true;
    } else lastSpace = false;
    out.push(ch);
    starts[n++] = at;
  };
  // Runs of plain ASCII (no space, no full stop, no comma) are the bulk of a corpus:
  // lower-cased and mapped a run at a time, which keeps folding 60 MB to a second or so.
  const plain = /[!-+\-/-~]+/y;
  const separators = groupSeparators(text);
  for (let i = 0; i < text.length;) {
    plain.lastIndex = i;
    const run = plain.exec(text);
    if (run) {
      const word = run[0];
      out.push(word.toLowerCase());
      for (let k = 0; k < word.length; k++) starts[n + k] = i + k;
      n += word.length;
      lastSpace = false;
      i += word.length;
      continue;
    }
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    if (separators.has(i)) {
      // "5,000" reads as "5000".
    } else if (code < 128) {
      if (code === 46 && isLetter(text[i - 1])) {
        // "U.S." and "U.S" read as "US"; a sentence's full stop goes too, harmlessly.
      } else if (isWhiteSpace(code)) emit(' ', i);
      else emit(text[i]!, i);
    } else if (code === 0x2019 || code === 0x2018) emit("'", i);
    else if (isWhiteSpace(code)) emit(' ', i);
    else for (const ch of foldForMatch(text.slice(i, i + width))) emit(ch, i);
    i += width;
  }
  return { text: out.join(''), starts: starts.subarray(0, n) };
}

/** Folded document texts, kept while the document record is the same object. */
const cache = new WeakMap<Document, NameFold>();

export function foldedDocument(document: Document): NameFold {
  let folded = cache.get(document);
  if (!folded) {
    folded = foldForNames(document.text);
    cache.set(document, folded);
  }
  return folded;
}

/** The original [start, end) of folded [from, to), taking trailing marks with it. */
export function originalRange(
  text: string,
  folded: NameFold,
  from: number,
  to: number,
): { start: number; end: number } {
  const start = folded.starts[from]!;
  const last = folded.starts[to - 1]!;
  let end = last + (text.codePointAt(last)! > 0xffff ? 2 : 1);
  while (end < text.length && /\p{M}/u.test(text[end]!)) end++;
  // "U.S." keeps its last full stop, dropped by the folding, so the highlight reads whole.
  if (text[end] === '.' && text[end - 2] === '.') end++;
  return { start, end };
}
