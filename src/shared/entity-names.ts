// Entity names as search reads them, for the entity picker and the near-duplicate check.
// Both fold with search's own tokens (./text.ts: case, accents, Arabic/Persian letter
// forms, digits, ZWNJ), so a name the search box finds is a name the picker offers; and a
// name's key leaves out the spaces between its words, since Persian writes a ZWNJ where a
// space or nothing may also stand ("اژه ای", "اژه‌ای" and "اژهای" are one name).
import { parseQuery } from './search';
import { searchTokens } from './text';

/** The folded words of a name, as search indexes them. */
export const nameWords = (name: string): string[] => searchTokens(name);

/** A name with its words folded and run together: two names with one key are one name. */
export const nameKey = (name: string): string => nameWords(name).join('');

/**
 * Whether a typed query finds a name: for one of the spellings search reads the query as
 * (./search.ts parseQuery: a space or ZWNJ between Persian words may also be no gap),
 * every word of it is part of the name. Everything search finds by the name's words, this
 * finds too (tests/unit/entity-names.test.ts pins it); it also finds a word's middle.
 */
export function queryFindsName(query: string, name: string): boolean {
  const plan = parseQuery(query);
  if (!plan.variants.length) return true;
  const key = nameKey(name);
  return plan.variants.some((words) => words.every((word) => key.includes(word)));
}

/** How the query meets a name, best first: 0 the whole name, 1 its start, 2 elsewhere. */
export function matchRank(query: string, name: string): number {
  const q = nameKey(query);
  const key = nameKey(name);
  if (q === key) return 0;
  if (key.startsWith(q) || nameWords(name).some((w) => w.startsWith(nameWords(query)[0] ?? q)))
    return 1;
  return 2;
}

/** Levenshtein distance, stopping early once it passes `limit` (then answers limit + 1). */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * The most edits two names may differ by and still be asked about: none for short names
 * ("Iran" and "Iraq" are two places), one from 8 characters ("Hamid Nouri", "Hamid
 * Noury"), two from 16.
 */
export const closeLimit = (length: number): number => (length >= 16 ? 2 : length >= 8 ? 1 : 0);

export type Likeness = { reason: 'same'; distance: 0 } | { reason: 'close'; distance: number };

/** Whether two names are one (same key) or close (a few edits apart), or neither. */
export function likeness(a: string, b: string): Likeness | null {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (!ka || !kb) return null;
  if (ka === kb) return { reason: 'same', distance: 0 };
  const spacedA = nameWords(a).join(' ');
  const spacedB = nameWords(b).join(' ');
  const limit = closeLimit(Math.min(spacedA.length, spacedB.length));
  if (limit === 0) return null;
  const distance = editDistance(spacedA, spacedB, limit);
  return distance <= limit ? { reason: 'close', distance } : null;
}
