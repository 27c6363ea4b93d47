// Where an edited quote may be, found without scanning the whole text approximately:
// "filter, then verify". Short pieces of the quote and its context that survived the edit
// are found exactly (indexOf is fast), each votes for where the quote would then start,
// and only the few places with most votes are searched by edit distance. A 500 KB article
// is thus searched in a few windows per highlight instead of in full.

/** Piece length: long enough to be rare in prose, short enough to survive light edits. */
const PIECE = 10;
/** A piece found more often than this is boilerplate and votes for nothing. */
const MAX_HITS_PER_PIECE = 8;

export interface Seed {
  /** Expected folded start of the quote. */
  start: number;
  /** How many distinct pieces agree on it. */
  votes: number;
}

/**
 * Likely starts of `quote` in `text`, best first: clusters of votes from exact pieces of
 * prefix + quote + suffix, `spread` apart at most (edits inside the quote shift later
 * pieces by a few characters).
 */
export function seedStarts(
  text: string,
  quote: string,
  prefix: string,
  suffix: string,
  spread: number,
  limit: number,
): Seed[] {
  const context = prefix + quote + suffix;
  const votes: [start: number, piece: number][] = [];
  for (let offset = 0, piece = 0; offset + PIECE <= context.length; offset += PIECE, piece++) {
    const part = context.slice(offset, offset + PIECE);
    if (!part.trim()) continue;
    const hits: number[] = [];
    for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      hits.push(i);
      if (hits.length > MAX_HITS_PER_PIECE) break;
    }
    if (hits.length > MAX_HITS_PER_PIECE) continue;
    for (const hit of hits) votes.push([hit - (offset - prefix.length), piece]);
  }
  votes.sort((a, b) => a[0] - b[0]);
  const seeds: Seed[] = [];
  let i = 0;
  while (i < votes.length) {
    let j = i;
    const pieces = new Set<number>();
    while (j < votes.length && votes[j]![0] - votes[i]![0] <= spread) pieces.add(votes[j++]![1]);
    // The cluster's median is its best guess: outliers come from pieces after an edit.
    const median = votes[i + Math.floor((j - i) / 2)]![0];
    seeds.push({ start: median, votes: pieces.size });
    i = j;
  }
  return seeds.sort((a, b) => b.votes - a.votes).slice(0, limit);
}
