// Re-anchoring all of a document's highlights at once, so that the sure ones help place
// the rest: text inserted or deleted earlier in the document shifts every later
// highlight by the same amount, so the shift of the nearest highlight whose quote and
// context are found unchanged tells where an edited one should be. Without that hint an
// edited quote is looked for near its old offset, which may now be far from it.
import { anchor, type Anchor } from './anchor';
import type { TextTarget } from './describe';

/**
 * Where a highlight is by one cheap look, and whether that is final: unchanged at its
 * position with its context is; found once elsewhere with its context is only a sample
 * of the shift (a repeated sentence may stand in for an edited original; anchor() checks).
 */
function look(text: string, t: TextTarget): { at: number; final: boolean } | undefined {
  const { position, quote } = t;
  const surrounded = (at: number): boolean =>
    text.startsWith(quote.prefix, at - quote.prefix.length) &&
    text.startsWith(quote.suffix, at + quote.exact.length);
  if (text.startsWith(quote.exact, position.start) && surrounded(position.start))
    return { at: position.start, final: true };
  const at = text.indexOf(quote.exact);
  if (at < 0 || text.indexOf(quote.exact, at + 1) >= 0 || !surrounded(at)) return undefined;
  return { at, final: false };
}

/**
 * The final placements, and for every other highlight the offset where it is expected:
 * its old offset moved by the shift of the nearest other highlight before it that was
 * found with its context.
 */
export function driftHints(
  text: string,
  targets: readonly TextTarget[],
): { settled: (Anchor | undefined)[]; hints: number[] } {
  const looks = targets.map((t) => look(text, t));
  const shifts: [old: number, shift: number, index: number][] = [];
  looks.forEach((l, i) => {
    const old = targets[i]!.position.start;
    if (l) shifts.push([old, l.at - old, i]);
  });
  shifts.sort((a, b) => a[0] - b[0]);
  const hints = targets.map((t, i) => {
    const old = t.position.start;
    let lo = 0;
    let hi = shifts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (shifts[mid]![0] <= old) lo = mid + 1;
      else hi = mid - 1;
    }
    if (shifts[hi]?.[2] === i) hi -= 1;
    const near = shifts[hi] ?? shifts.find((s) => s[2] !== i);
    return old + (near ? near[1] : 0);
  });
  const settled = looks.map((l, i): Anchor | undefined =>
    l?.final ? { ...targets[i]!.position, status: 'anchored' } : undefined,
  );
  return { settled, hints };
}

export function anchorAll(text: string, targets: readonly TextTarget[]): Anchor[] {
  const { settled, hints } = driftHints(text, targets);
  return targets.map((t, i) => settled[i] ?? anchor(text, t, hints[i]));
}
