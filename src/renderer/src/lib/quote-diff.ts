// What changed between a highlight's old quote and the passage proposed for it, word by
// word, for the review queue. fast-diff compares characters; each distinct word is first
// turned into one private-use character (as diff-match-patch does with lines), so the
// diff follows whole words and reads the way an editor marks a correction.
import diff from 'fast-diff';

export interface DiffPart {
  text: string;
  /** -1: only in the old quote; 1: only in the new passage; 0: in both. */
  op: -1 | 0 | 1;
}

export function wordDiff(before: string, after: string): DiffPart[] {
  const codes = new Map<string, string>();
  const words: string[] = [];
  const encode = (text: string): string =>
    (text.match(/\s+|[^\s]+/g) ?? [])
      .map((word) => {
        let code = codes.get(word);
        if (code === undefined) {
          code = String.fromCharCode(0xe000 + words.length);
          codes.set(word, code);
          words.push(word);
        }
        return code;
      })
      .join('');
  const a = encode(before);
  const b = encode(after);
  // Past 6,400 distinct words the private-use area runs out: show the change whole.
  if (words.length > 6400)
    return [
      { text: before, op: -1 },
      { text: after, op: 1 },
    ];
  return diff(a, b).map(([op, coded]) => ({
    op,
    text: [...coded].map((c) => words[c.charCodeAt(0) - 0xe000]).join(''),
  }));
}
