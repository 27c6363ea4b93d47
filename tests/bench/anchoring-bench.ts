// `npm run bench` (or `npm run bench:anchoring`): re-anchors 1,000 highlights on a ~500 KB
// article in four scenarios and reports time and placement against the ground truth, for
// the workbench's engine, the engine before issue 8, and approx-string-match used
// directly as hypothesis/client does. `--full` runs the old engine on every highlight
// (minutes); by default it runs on every tenth and its total is scaled up from that.
import { performance } from 'node:perf_hooks';
import { anchor, driftHints, type Anchor, type TextTarget } from '../../src/shared/anchoring';
import { buildScenarios, type Scenario } from './anchoring-corpus';
import { hypothesisMatchQuote } from './legacy/hypothesis-match-quote';
import { legacyAnchor } from './legacy/anchor';

type Placed = Pick<Anchor, 'start' | 'end'> & { status?: Anchor['status'] };
type Engine = (text: string, target: TextTarget, index: number) => Placed | null;
/** Work done once per document before the highlights, timed with them. */
type Prepare = (text: string, targets: readonly TextTarget[]) => void;

// The workbench re-anchors a document's highlights together (reanchorAll): one cheap pass
// finds the sure ones, whose shift hints where each edited one should be.
let prepared: ReturnType<typeof driftHints> = { settled: [], hints: [] };
const workbench: Engine = (text, target, i) =>
  prepared.settled[i] ?? anchor(text, target, prepared.hints[i]);

const ENGINES: { name: string; run: Engine; prepare?: Prepare; sample: number }[] = [
  {
    name: 'workbench (new)',
    run: workbench,
    prepare: (text, targets) => (prepared = driftHints(text, targets)),
    sample: 1,
  },
  { name: 'approx-string-match directly', run: hypothesisMatchQuote, sample: 1 },
  { name: 'previous engine', run: legacyAnchor, sample: process.argv.includes('--full') ? 1 : 10 },
];

/** A placement is right when it covers the true passage with at most 10 % difference. */
const RIGHT_OVERLAP = 0.9;

interface Tally {
  ms: number;
  times: number[];
  recoverable: number;
  right: number;
  wrong: number;
  /** Placed wrong while reporting itself certain (anchored or moved): must stay 0. */
  wrongCertain: number;
  missed: number;
  deleted: number;
  deletedOrphaned: number;
  fuzzy: number;
}

function overlap(a: [number, number], b: [number, number]): number {
  const inter = Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
  const union = Math.max(a[1], b[1]) - Math.min(a[0], b[0]);
  return union > 0 ? inter / union : 0;
}

function run(engine: (typeof ENGINES)[number], targets: TextTarget[], s: Scenario): Tally {
  const t: Tally = {
    ms: 0,
    times: [],
    recoverable: 0,
    right: 0,
    wrong: 0,
    wrongCertain: 0,
    missed: 0,
    deleted: 0,
    deletedOrphaned: 0,
    fuzzy: 0,
  };
  const before = performance.now();
  engine.prepare?.(s.text, targets);
  const once = performance.now() - before;
  for (let i = 0; i < targets.length; i += engine.sample) {
    const start = performance.now();
    const placed = engine.run(s.text, targets[i]!, i);
    const took = performance.now() - start;
    t.times.push(took);
    t.ms += took;
    const truth = s.truth[i]!;
    const orphaned = !placed || placed.status === 'orphaned';
    if (placed?.status === 'fuzzy') t.fuzzy += 1;
    if (!truth) {
      t.deleted += 1;
      if (orphaned) t.deletedOrphaned += 1;
      else t.wrong += 1;
      continue;
    }
    t.recoverable += 1;
    const right = !orphaned && overlap([placed.start, placed.end], truth) >= RIGHT_OVERLAP;
    if (orphaned) t.missed += 1;
    else if (right) t.right += 1;
    else t.wrong += 1;
    const certain = placed?.status === 'anchored' || placed?.status === 'moved';
    if (certain && !right) t.wrongCertain += 1;
  }
  t.ms = t.ms * engine.sample + once;
  return t;
}

const pct = (n: number, of: number): string => `${((100 * n) / Math.max(1, of)).toFixed(1)} %`;
const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
const time = (ms: number): string =>
  ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`;

function main(): void {
  const { original, highlights, scenarios } = buildScenarios();
  const targets = highlights.map((h) => h.target);
  console.log(
    `## Re-anchoring: ${(original.length / 1024).toFixed(0)} KB article, ${targets.length} highlights\n`,
  );
  console.log(
    'Right: placed over the true passage (overlap >= 90 %). Wrong: placed elsewhere. ' +
      'Certain-wrong: wrong while reporting "anchored" or "moved". Missed: orphaned though the passage is there.\n',
  );
  console.log(
    '| scenario | engine | total | p95 per highlight | right (of recoverable) | wrong | certain-wrong | missed | fuzzy | deleted → orphaned |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const s of scenarios) {
    for (const engine of ENGINES) {
      const t = run(engine, targets, s);
      const sampled = engine.sample > 1 ? ` (every ${engine.sample}th, scaled)` : '';
      console.log(
        `| ${s.name} | ${engine.name}${sampled} | ${time(t.ms)} | ${p95(t.times).toFixed(2)} ms | ` +
          `${t.right}/${t.recoverable} (${pct(t.right, t.recoverable)}) | ${t.wrong} | ` +
          `${engine.run === hypothesisMatchQuote ? 'n/a' : t.wrongCertain} | ${t.missed} | ${t.fuzzy} | ` +
          `${t.deleted ? `${t.deletedOrphaned}/${t.deleted}` : '-'} |`,
      );
    }
  }
}

main();
