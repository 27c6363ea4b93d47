// The re-anchoring benchmark's inputs: a ~500 KB plain-text article (hard-wrapped lines,
// double spaces after some full stops, a few sentences repeated as boilerplate), 1,000
// highlights of 20-300 characters, and four edited versions with the ground truth of where
// each highlight's passage now is (or that it was deleted). Seeded: every run is the same.
import { describeRange, type TextTarget } from '../../src/shared/anchoring';
import { makeCorpus, sentence, word, type Corpus } from './corpus';

export const TARGET_CHARS = 500_000;
export const HIGHLIGHTS = 1000;

export interface Highlight {
  target: TextTarget;
}
export interface Scenario {
  name: string;
  text: string;
  /** Where each highlight's passage is in `text`, or null when it was deleted. */
  truth: ([number, number] | null)[];
}

const pick = <T>(c: Corpus, items: readonly T[]): T =>
  items[Math.floor(c.random() * items.length)]!;

/** Hard-wraps a paragraph at about 76 columns, as plain-text articles and e-mails are. */
function wrap(paragraph: string): string {
  return paragraph.replace(/(.{60,76})( +)/g, (_m, line: string) => `${line}\n`);
}

function article(c: Corpus): string {
  const paragraphs: string[] = [];
  const boiler: string[] = [];
  let size = 0;
  while (size < TARGET_CHARS) {
    const sentences = Array.from({ length: 3 + Math.floor(c.random() * 5) }, () => {
      if (boiler.length > 5 && c.random() < 0.03) return pick(c, boiler);
      const s = sentence(c, c.random() < 0.03);
      if (c.random() < 0.02) boiler.push(s);
      return s;
    });
    const p = wrap(sentences.join(c.random() < 0.3 ? '  ' : ' '));
    paragraphs.push(p);
    size += p.length + 2;
  }
  return paragraphs.join('\n\n');
}

/** Word boundaries: starts of words and ends of words, for selections as a reader makes them. */
function highlights(c: Corpus, text: string): Highlight[] {
  const slot = Math.floor(text.length / HIGHLIGHTS);
  return Array.from({ length: HIGHLIGHTS }, (_, i) => {
    let start = i * slot + Math.floor(c.random() * (slot - 320));
    while (start > 0 && /\S/.test(text[start - 1]!)) start -= 1;
    while (/\s/.test(text[start]!)) start += 1;
    let end = start + 20 + Math.floor(c.random() * 280);
    while (end < text.length && /\S/.test(text[end]!)) end += 1;
    while (/\s/.test(text[end - 1]!)) end -= 1;
    return { target: describeRange(text, start, end) };
  });
}

/** One or two small corrections: a typo fixed, a word replaced, a comma added. */
function lightEdit(c: Corpus, quote: string): string {
  let q = quote;
  for (let n = 1 + Math.floor(c.random() * 2); n > 0; n--) {
    const words = q.split(' ');
    const at = Math.floor(c.random() * words.length);
    const w = words[at]!;
    const kind = c.random();
    if (kind < 0.4 && w.length > 3) words[at] = w.slice(0, 1) + w.slice(2);
    else if (kind < 0.7) words[at] = word(c);
    else words[at] = `${w},`;
    q = words.join(' ');
  }
  return q;
}

/** About a third of the words replaced, dropped or added: a rewritten passage. */
function heavyEdit(c: Corpus, quote: string): string {
  const out: string[] = [];
  for (const w of quote.split(' ')) {
    const r = c.random();
    if (r < 0.15) out.push(word(c));
    else if (r < 0.22) continue;
    else if (r < 0.3) out.push(w, word(c));
    else out.push(w);
  }
  return out.join(' ') || word(c);
}

interface Replacement {
  start: number;
  end: number;
  text: string;
  /** The highlight whose passage this is, for the ground truth. */
  highlight?: number;
}

function apply(text: string, reps: Replacement[], count: number): Omit<Scenario, 'name'> {
  reps.sort((a, b) => a.start - b.start || a.end - b.end);
  const truth: Scenario['truth'] = new Array<[number, number] | null>(count).fill(null);
  const parts: string[] = [];
  let from = 0;
  let length = 0;
  for (const r of reps) {
    parts.push(text.slice(from, r.start));
    length += r.start - from;
    if (r.highlight !== undefined && r.text) truth[r.highlight] = [length, length + r.text.length];
    parts.push(r.text);
    length += r.text.length;
    from = r.end;
  }
  parts.push(text.slice(from));
  return { text: parts.join(''), truth };
}

function edit(
  c: Corpus,
  text: string,
  hs: Highlight[],
  change: (i: number, quote: string) => string | null,
  insertions: number,
): Omit<Scenario, 'name'> {
  const reps: Replacement[] = hs.map((h, i) => {
    const { start, end } = h.target.position;
    const quote = h.target.quote.exact;
    return { start, end, text: change(i, quote) ?? '', highlight: i };
  });
  // Insertions land in the gaps between highlights (a correction note, a new paragraph).
  for (let n = 0; n < insertions; n++) {
    const i = Math.floor(c.random() * (hs.length - 1));
    const at = hs[i]!.target.position.end + 1;
    reps.push({ start: at, end: at, text: `${sentence(c, false)} ` });
  }
  return apply(text, reps, hs.length);
}

export function buildScenarios(): {
  original: string;
  highlights: Highlight[];
  scenarios: Scenario[];
} {
  const c = makeCorpus();
  const original = article(c);
  const hs = highlights(c, original);
  const chosen = (share: number): Set<number> =>
    new Set(hs.map((_, i) => i).filter(() => c.random() < share));
  const light = chosen(0.05);
  const heavy = chosen(0.2);
  const deleted = new Set([...chosen(0.02)].filter((i) => !heavy.has(i)));
  const scenarios: Scenario[] = [
    {
      name: '(a) unchanged',
      text: original,
      truth: hs.map((h) => [h.target.position.start, h.target.position.end]),
    },
    {
      name: '(b) 5 % lightly edited + 150 insertions',
      ...edit(c, original, hs, (i, q) => (light.has(i) ? lightEdit(c, q) : q), 150),
    },
    {
      name: '(c) 20 % heavily edited, 2 % deleted + 150 insertions',
      ...edit(
        c,
        original,
        hs,
        (i, q) => (deleted.has(i) ? null : heavy.has(i) ? heavyEdit(c, q) : q),
        150,
      ),
    },
    { name: '(d) white space and line breaks normalised', ...normalised(original, hs) },
  ];
  return { original, highlights: hs, scenarios };
}

/** Re-wrapped lines and single spaces everywhere, the ground truth kept in step. */
function normalised(original: string, hs: Highlight[]): Omit<Scenario, 'name'> {
  const reps: Replacement[] = [];
  const re = /\s{2,}|\n/g;
  for (const m of original.matchAll(re)) {
    if (m[0].includes('\n\n')) continue;
    reps.push({ start: m.index, end: m.index + m[0].length, text: ' ' });
  }
  // Highlights are whole ranges: normalising inside them is their own replacement.
  const inside = (at: number): number =>
    hs.findIndex((h) => h.target.position.start <= at && at < h.target.position.end);
  const outside = reps.filter((r) => inside(r.start) < 0);
  const all: Replacement[] = [
    ...outside,
    ...hs.map((h, i) => ({
      ...h.target.position,
      text: h.target.quote.exact.replace(/\s+/g, ' '),
      highlight: i,
    })),
  ];
  return apply(original, all, hs.length);
}
