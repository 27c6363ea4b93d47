// Approximate substring search (Sellers' dynamic programme with Ukkonen's cut-off): finds
// where a pattern occurs in a text with at most k edits. Used only after the exact
// strategies fail, so clarity wins over bit-parallel speed; the cut-off keeps the work
// near O(n * k) instead of O(n * m).

export interface ApproximateMatch {
  start: number;
  end: number;
  errors: number;
}

/** End offsets (exclusive) where `pattern` matches with at most `maxErrors` edits. */
function matchEnds(text: string, pattern: string, maxErrors: number): Map<number, number> {
  const m = pattern.length;
  const cap = maxErrors + 1;
  let prev = new Uint32Array(m + 1);
  let cur = new Uint32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = Math.min(i, cap);
  let lastActive = Math.min(maxErrors, m);
  const ends = new Map<number, number>();
  for (let j = 1; j <= text.length; j++) {
    const ch = text.charCodeAt(j - 1);
    cur[0] = 0;
    const rows = Math.min(lastActive + 1, m);
    for (let i = 1; i <= rows; i++) {
      const substitute = prev[i - 1]! + (pattern.charCodeAt(i - 1) === ch ? 0 : 1);
      cur[i] = Math.min(substitute, prev[i]! + 1, cur[i - 1]! + 1, cap);
    }
    if (rows < m) cur[rows + 1] = cap;
    lastActive = rows;
    while (lastActive > 0 && cur[lastActive]! > maxErrors) lastActive -= 1;
    if (lastActive === m) ends.set(j, cur[m]!);
    [prev, cur] = [cur, prev];
  }
  return ends;
}

/** Best start for a match that ends at `end`: align the reversed pattern leftwards. */
function matchStart(text: string, pattern: string, end: number, maxErrors: number): number {
  const from = Math.max(0, end - pattern.length - maxErrors);
  const window = [...text.slice(from, end)].reverse().join('');
  const reversed = [...pattern].reverse().join('');
  const ends = matchEnds(window, reversed, maxErrors);
  let best = -1;
  let bestErrors = Infinity;
  for (const [length, errors] of ends) {
    const closer = Math.abs(length - pattern.length) < Math.abs(best - pattern.length);
    if (errors < bestErrors || (errors === bestErrors && closer)) {
      best = length;
      bestErrors = errors;
    }
  }
  return best < 0 ? Math.max(0, end - pattern.length) : end - best;
}

/**
 * All approximate matches of `pattern` in `text` with at most `maxErrors` edits, one per
 * run of neighbouring end positions (the run's best), in text order.
 */
export function approximateSearch(
  text: string,
  pattern: string,
  maxErrors: number,
): ApproximateMatch[] {
  if (pattern.length === 0) return [];
  const ends = [...matchEnds(text, pattern, maxErrors)];
  const matches: ApproximateMatch[] = [];
  let run: [number, number][] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const [end, errors] = run.reduce((a, b) => (b[1] < a[1] ? b : a));
    matches.push({ start: matchStart(text, pattern, end, maxErrors), end, errors });
    run = [];
  };
  for (const entry of ends) {
    const last = run[run.length - 1];
    if (last && entry[0] - last[0] > 1) flush();
    run.push(entry);
  }
  flush();
  return matches;
}
