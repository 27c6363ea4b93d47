// Where a PDF page's text-layer runs (pdf.js's text items, as drawn over the page) are in
// the document's canonical text, character by character, worked out when the page is
// shown rather than stored at import: each run is looked for in the text of that page's
// blocks (spaces aside, ligatures spelt out, a line-end hyphen that the import mended
// allowed to be missing), the place nearest after the run before it preferred. Runs that
// the import left out (running heads, page numbers) are found nowhere and map to nothing.
// Found in any order, so two columns drawn row by row, or right-to-left lines, still map.

/** For each run, for each of its characters, the offset in the canonical text, or -1. */
export type PageAlignment = Int32Array[];

const SKIPPED = /[\s\u00AD\u200B\uFEFF]/;
const HYPHEN = /[-\u2010]/;
/** The most places a short run is tried at; the nearest after the cursor wins. */
const MAX_TRIES = 64;

/** A character as the import writes it: a ligature spelt out ("ﬁ" as "fi"). */
const spelt = (c: string): string => (/[\uFB00-\uFB06]/.test(c) ? c.normalize('NFKC') : c);

export function alignPage(
  text: string,
  ranges: readonly { start: number; end: number }[],
  runs: readonly string[],
): PageAlignment {
  // The page's text without white space, and where each character is in the whole text.
  let page = '';
  const at: number[] = [];
  for (const { start, end } of ranges)
    for (let i = start; i < end; i++) {
      const c = text[i]!;
      if (SKIPPED.test(c)) continue;
      page += c;
      at.push(i);
    }
  let cursor = 0;
  return runs.map((run) => {
    const out = new Int32Array(run.length).fill(-1);
    let wanted = '';
    const from: number[] = [];
    for (let i = 0; i < run.length; i++) {
      const c = run[i]!;
      if (SKIPPED.test(c)) continue;
      for (const part of spelt(c)) {
        wanted += part;
        from.push(i);
      }
    }
    if (!wanted) return out;
    let found = nearest(page, wanted, cursor);
    let length = wanted.length;
    // A hyphen at the run's end that the import mended ("docu-" + "mented") is not there.
    if (found < 0 && HYPHEN.test(wanted.at(-1)!) && wanted.length > 1) {
      found = nearest(page, wanted.slice(0, -1), cursor);
      length -= 1;
    }
    if (found < 0) return out;
    for (let j = 0; j < length; j++) {
      const i = from[j]!;
      if (out[i] === -1) out[i] = at[found + j]!;
    }
    cursor = found + length;
    return out;
  });
}

/** Where `wanted` is in `page`: the first place at or after `cursor`, else the last before. */
function nearest(page: string, wanted: string, cursor: number): number {
  const after = page.indexOf(wanted, cursor);
  if (after >= 0) return after;
  let best = -1;
  let from = 0;
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const next = page.indexOf(wanted, from);
    if (next < 0 || next >= cursor) break;
    best = next;
    from = next + 1;
  }
  return best;
}

/** The parts of runs that show canonical text [start, end): run index and [from, to) chars. */
export function runRanges(
  alignment: PageAlignment,
  start: number,
  end: number,
): { run: number; from: number; to: number }[] {
  const out: { run: number; from: number; to: number }[] = [];
  alignment.forEach((offsets, run) => {
    let from = -1;
    for (let i = 0; i <= offsets.length; i++) {
      const o = i < offsets.length ? offsets[i]! : -1;
      const inside = o >= start && o < end;
      // A character mapped to nothing (a space) inside a covered stretch stays in it.
      const gap = o === -1 && from >= 0 && i < offsets.length && nextInside(offsets, i, start, end);
      if (inside || gap) {
        if (from < 0) from = i;
      } else if (from >= 0) {
        out.push({ run, from, to: i });
        from = -1;
      }
    }
  });
  return out;
}

function nextInside(offsets: Int32Array, i: number, start: number, end: number): boolean {
  for (let j = i + 1; j < offsets.length; j++) {
    const o = offsets[j]!;
    if (o !== -1) return o >= start && o < end;
  }
  return false;
}

/**
 * The canonical offset for a point in a run (a selection's end), looking along the run
 * and then the runs around it for the nearest mapped character: `forward` for a start,
 * `backward` for an end (which is then one past the character before the point).
 */
export function offsetAt(
  alignment: PageAlignment,
  run: number,
  char: number,
  bias: 'forward' | 'backward',
): number | null {
  if (bias === 'forward') {
    for (let r = run; r < alignment.length; r++) {
      const offsets = alignment[r]!;
      for (let i = r === run ? char : 0; i < offsets.length; i++)
        if (offsets[i]! >= 0) return offsets[i]!;
    }
    return null;
  }
  for (let r = run; r >= 0; r--) {
    const offsets = alignment[r]!;
    for (let i = r === run ? char - 1 : offsets.length - 1; i >= 0; i--)
      if (offsets[i]! >= 0) return offsets[i]! + 1;
  }
  return null;
}
