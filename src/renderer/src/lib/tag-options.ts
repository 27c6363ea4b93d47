// What the tag combobox offers for what was typed: the workspace's tags that contain it
// (case, accents and letter variants ignored) and are not on the highlight yet, then the
// typed words as a new tag, unless a tag of that spelling exists, which is offered instead
// so one idea does not end up under two spellings.
import type { TagCount } from '../../../shared/api';
import { foldForMatch } from '../../../shared/text';

export interface TagOption {
  tag: string;
  /** Highlights carrying it; undefined for a new tag. */
  count?: number;
}

const MAX_TAG = 100;

export function tagOptions(
  known: readonly TagCount[],
  current: readonly string[],
  typed: string,
  limit = 12,
): TagOption[] {
  const words = typed.trim().replace(/\s+/g, ' ');
  const folded = foldForMatch(words);
  const on = new Set(current.map(foldForMatch));
  const found = known
    .filter((t) => !on.has(foldForMatch(t.tag)) && foldForMatch(t.tag).includes(folded))
    .slice(0, limit)
    .map(({ tag, count }) => ({ tag, count }));
  const exists = on.has(folded) || known.some((t) => foldForMatch(t.tag) === folded);
  const fresh = words.length > 0 && words.length <= MAX_TAG && !exists;
  return fresh ? [...found, { tag: words }] : found;
}
