// Whitespace-insensitive views of a text for anchoring: a re-import that only re-wraps
// lines or collapses double spaces must not turn every highlight fuzzy. Each run of white
// space becomes one space; two offset maps lead back to the canonical text, where every
// stored offset lives.

import { isWhiteSpace } from '../text';

export interface FoldedText {
  text: string;
  /** Folded offset -> canonical offset of the same character (length + 1 entries). */
  toOriginal: Int32Array;
  /** Canonical offset -> folded offset of the character that holds it (length + 1). */
  toFolded: Int32Array;
}

/** Collapses white space in a short string (a quote or its context). */
export function foldSpaces(s: string): string {
  let out = '';
  let inSpace = false;
  for (let i = 0; i < s.length; i++) {
    const space = isWhiteSpace(s.charCodeAt(i));
    if (!space) out += s[i];
    else if (!inSpace) out += ' ';
    inSpace = space;
  }
  return out;
}

function build(source: string): FoldedText {
  const toOriginal = new Int32Array(source.length + 1);
  const toFolded = new Int32Array(source.length + 1);
  const out: string[] = [];
  let n = 0;
  let inSpace = false;
  let runStart = 0;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (isWhiteSpace(code)) {
      if (inSpace) {
        toFolded[i] = n - 1;
        continue;
      }
      inSpace = true;
      out.push(source.slice(runStart, i), ' ');
      runStart = i + 1;
    } else if (inSpace) {
      inSpace = false;
      runStart = i;
    }
    toOriginal[n] = i;
    toFolded[i] = n;
    n += 1;
  }
  if (!inSpace) out.push(source.slice(runStart));
  toOriginal[n] = source.length;
  toFolded[source.length] = n;
  return { text: out.join(''), toOriginal: toOriginal.subarray(0, n + 1), toFolded };
}

// Re-anchoring calls this once per highlight with the same document text: keep the last
// result (a string compared by identity first, so the check is cheap).
let last: { source: string; folded: FoldedText } | undefined;

export function foldText(source: string): FoldedText {
  if (last?.source !== source) last = { source, folded: build(source) };
  return last.folded;
}

/** The canonical [start, end) of a folded range (its end after its last character). */
export function toOriginalRange(f: FoldedText, start: number, end: number): [number, number] {
  const s = f.toOriginal[start]!;
  const e = end > start ? f.toOriginal[end - 1]! + 1 : s;
  return [s, e];
}
