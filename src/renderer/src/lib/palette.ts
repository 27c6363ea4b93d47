// The command palette's list: every action of the window by name, and the match of what
// the user types against those names (each typed word must begin a word of the name, in
// any order, with case and accents folded).
import { foldForMatch } from '../../../shared/text';

export interface PaletteEntry {
  id: string;
  label: string;
  /** Where the action belongs: "Go to", "View", "Edit"… shown beside its name. */
  group: string;
  keys?: string;
  run: () => void;
}

const words = (text: string): string[] =>
  foldForMatch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

export function matchPalette(entries: readonly PaletteEntry[], query: string): PaletteEntry[] {
  const wanted = words(query);
  if (wanted.length === 0) return [...entries];
  const scored: { entry: PaletteEntry; score: number }[] = [];
  for (const entry of entries) {
    const have = words(`${entry.group} ${entry.label}`);
    let score = 0;
    const all = wanted.every((w) => {
      const at = have.findIndex((h) => h.startsWith(w));
      if (at < 0) return false;
      score += at;
      return true;
    });
    if (all) scored.push({ entry, score });
  }
  return scored.sort((a, b) => a.score - b.score).map((s) => s.entry);
}
