// A query word's postings (a Term) and the ids several terms hold together. FlexSearch's
// own multi-word search walks every posting of every word, so "the trial" paid for the
// 111,000 paragraphs holding "the"; here the rarest word (or the filter's entries) leads and
// the others are only asked whether they hold each of its ids.

/** One query word's postings: ids ascending within each list, lists best first. */
export interface Term {
  lists: readonly (readonly number[])[];
  size: number;
}

export const EMPTY: Term = { lists: [], size: 0 };

function holds(term: Term, id: number): boolean {
  for (const list of term.lists) {
    let lo = 0;
    let hi = list.length - 1;
    if (id < list[0]! || id > list[hi]!) continue;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = list[mid]!;
      if (at === id) return true;
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  return false;
}

/**
 * Calls `visit` with each id held by every term, best first, until it returns false. The
 * smallest term leads; with `within` (the ids a filter allows, in order) and that smaller
 * still, those lead instead and the terms are only checked. An id may come more than once
 * when a term stands for several words.
 */
export function intersect(
  terms: readonly Term[],
  visit: (id: number) => boolean,
  within?: readonly number[],
): void {
  if (!terms.length || terms.some((t) => t.size === 0)) return;
  let lead = 0;
  for (let i = 1; i < terms.length; i++) if (terms[i]!.size < terms[lead]!.size) lead = i;
  if (within && within.length < terms[lead]!.size) {
    for (const id of within) if (terms.every((t) => holds(t, id)) && !visit(id)) return;
    return;
  }
  const allowed = within && new Set(within);
  const others = terms.filter((_, i) => i !== lead);
  for (const list of terms[lead]!.lists) {
    for (const id of list) {
      if (allowed && !allowed.has(id)) continue;
      if (others.every((t) => holds(t, id)) && !visit(id)) return;
    }
  }
}
