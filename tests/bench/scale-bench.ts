// `npm run bench:scale`: the archive a real investigation gathers. Generates workspaces of
// 20,000 and 2,000 articles (tests/bench/corpus.ts) and measures each through the real core,
// every open in a fresh process (a closed workbench left in the heap would inflate it):
// the first open of files made elsewhere (no manifest, no custody log, no index), a cold
// open (no search index cache) and a warm one, to usable and to full search, with the
// longest stall of the core; heap and RSS after open and after reading 200 documents;
// search per query type; opening a document not read yet; saves, edits and deletes; find
// mentions, the dossier and co-occurrence. Prints both sizes side by side with ratios.
import { spawn } from 'node:child_process';
import { Session } from 'node:inspector';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openWorkbench, type Workbench } from '../../src/core/workbench';
import type { Envelope } from '../../src/shared/api';
import { QUERIES, writeWorkspace } from './corpus';
import { summary, type Timing } from './save-bench';

const searchWorker = join(import.meta.dirname, 'search-worker.js');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const memory = (): { heapMb: number; rssMb: number } => {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heapMb: m.heapUsed / 1048576, rssMb: m.rss / 1048576 };
};
const unwrap = <T>(e: Envelope<T>): T => {
  if (!e.ok) throw new Error(e.error.message);
  return e.value;
};

async function time(runs: number, fn: (i: number) => Promise<unknown>): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return summary(times);
}

type Figures = Record<string, number | Timing>;

/** Opens the workspace and says how long until usable (the library listed) and searchable. */
async function openMeasured(dir: string): Promise<{ wb: Workbench; figures: Figures }> {
  const stalls = monitorEventLoopDelay({ resolution: 5 });
  stalls.enable();
  const t0 = performance.now();
  const wb = await openWorkbench(dir, { host: 'bench', searchWorker });
  unwrap(await wb.call('documents.list', {}));
  const usable = performance.now() - t0;
  await wb.indexed;
  const full = performance.now() - t0;
  stalls.disable();
  await wb.checked;
  return {
    wb,
    figures: { usableMs: usable, fullSearchMs: full, stallMs: stalls.max / 1e6 },
  };
}

const PROBE = 'Deletion probe';
const PROBE_HIGHLIGHTS = 70;

/**
 * Tags 70 new highlights, one in each of 70 documents, with a new entity (none is there
 * after a warm phase deleted it), so the next phase, in a fresh process, deletes an entity
 * whose documents it has not read.
 */
async function tagProbe(dir: string): Promise<Figures> {
  const wb = await openWorkbench(dir, { host: 'bench', searchWorker });
  const entities = unwrap(await wb.call('entities.list', {}));
  if (!entities.some((e) => e.name === PROBE)) {
    const probe = unwrap(
      await wb.call('entities.create', {
        name: PROBE,
        type: 'person',
        aliases: [],
        description: '',
      }),
    );
    const ids = unwrap(await wb.call('documents.list', {})).map((d) => d.id);
    for (let i = 0; i < PROBE_HIGHLIGHTS; i++) {
      const documentId = ids[(i * 104729 + 17) % ids.length]!;
      unwrap(
        await wb.call('annotations.create', {
          documentId,
          start: 200,
          end: 260,
          entityIds: [probe.id],
        }),
      );
    }
  }
  await wb.indexed;
  await wb.close();
  return {};
}

/**
 * The research views alone, opened warm and asked as the warm phase asks them (the same
 * entity with the same five aliases, the same dossier, the probe's delete when the probe
 * phase ran before): to profile them by hand
 * (`RW_PROFILE=file node out/bench/scale.js measure DIR views`; `RW_VIEWS=delete` or
 * `find,dossier` asks only those). It edits the entity's aliases and deletes the probe, so
 * run it on a throwaway copy.
 */
async function views(dir: string): Promise<Figures> {
  const { wb } = await openMeasured(dir);
  const entities = unwrap(await wb.call('entities.list', {}));
  const named = entities.filter(
    (e) => e.name !== PROBE && e.name.split(' ').every((w) => w.length > 3),
  );
  const [subject, ...others] = named;
  unwrap(
    await wb.call('entities.update', {
      id: subject!.id,
      patch: { aliases: others.slice(0, 5).map((e) => e.name) },
    }),
  );
  const figures: Figures = {};
  const top = [...named].sort((x, y) => y.usage - x.usage)[0]!;
  const probe = entities.find((e) => e.name === PROBE);
  // RW_PROFILE=file: a CPU profile of the views alone, not of the open before them.
  const session = process.env.RW_PROFILE ? new Session() : undefined;
  const post = (method: string): Promise<unknown> =>
    new Promise((resolve, reject) =>
      session!.post(method, (error, result) => (error ? reject(error) : resolve(result))),
    );
  if (session) {
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
  }
  const runs: [string, () => Promise<unknown>][] = [
    [
      'find mentions',
      async () => unwrap(await wb.call('mentions.find', { entityId: subject!.id })),
    ],
    ['dossier', async () => unwrap(await wb.call('entities.dossier', { id: top.id }))],
    // Asked again in the same session, as the warm phase's "dossier (again)".
    ['dossier again', async () => unwrap(await wb.call('entities.dossier', { id: top.id }))],
    ...(probe
      ? ([
          [
            'delete entity',
            async () =>
              unwrap(await wb.call('entities.delete', { id: probe.id, confirmUsage: probe.usage })),
          ],
        ] as [string, () => Promise<unknown>][])
      : []),
  ];
  // RW_VIEWS=delete (a comma-separated list of names' first words): only those views.
  const only = process.env.RW_VIEWS ? process.env.RW_VIEWS.split(',') : undefined;
  for (const [name, run] of runs) {
    if (only && !only.includes(name.split(' ')[0]!)) continue;
    const t = performance.now();
    await run();
    figures[name] = performance.now() - t;
  }
  if (session) {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    await writeFile(process.env.RW_PROFILE!, JSON.stringify(profile));
  }
  await wb.close();
  return figures;
}

/** One phase, in this (fresh) process. */
async function measure(dir: string, phase: string): Promise<Figures> {
  if (phase === 'probe') return tagProbe(dir);
  if (phase === 'views') return views(dir);
  if (phase === 'first' || phase === 'cold') {
    if (phase === 'cold') await rm(join(dir, '.cache', 'search'), { recursive: true, force: true });
    const { wb, figures } = await openMeasured(dir);
    await wb.indexSaved;
    await wb.close();
    return figures;
  }
  const { wb, figures } = await openMeasured(dir);
  Object.assign(figures, memory());
  const ids = unwrap(await wb.call('documents.list', {})).map((d) => d.id);
  // The first save after opening (it must not wait behind anything), then documents not
  // read yet (before any search has read some for its snippets).
  const pick = (i: number): string => ids[(i * 7919) % ids.length]!;
  let t = performance.now();
  unwrap(await wb.call('annotations.create', { documentId: pick(1), start: 10, end: 40 }));
  figures.firstSaveMs = performance.now() - t;
  // Opening a document not read yet.
  figures['open unread document'] = await time(30, (i) =>
    wb.call('documents.get', { id: pick(100 + i) }),
  );

  // Search, per query type, through the API (validation, filters, snippets).
  for (const [kind, queries] of Object.entries(QUERIES)) {
    for (const q of queries) unwrap(await wb.call('search.query', { query: q }));
    figures[`search ${kind}`] = await time(queries.length * 10, (i) =>
      wb.call('search.query', { query: queries[i % queries.length]! }),
    );
  }
  figures['save highlight'] = await time(60, (i) =>
    wb.call('annotations.create', { documentId: pick(100 + (i % 30)), start: 50 + i, end: 90 + i }),
  );
  const entities = unwrap(await wb.call('entities.list', {}));
  figures['edit entity'] = await time(30, (i) =>
    wb.call('entities.update', { id: entities[i]!.id, patch: { description: `Edited ${i}` } }),
  );
  // Research views, as the 2,000-document bench asks them (entities-bench.ts): an entity
  // whose name and five aliases read as names, and the most-tagged such entity's dossier;
  // the first answer (which reads and counts) and the next (which may use what was kept).
  const named = entities.filter(
    (e) => e.name !== PROBE && e.name.split(' ').every((w) => w.length > 3),
  );
  const [subject, ...others] = named;
  unwrap(
    await wb.call('entities.update', {
      id: subject!.id,
      patch: { aliases: others.slice(0, 5).map((e) => e.name) },
    }),
  );
  const twice = async (name: string, run: () => Promise<unknown>): Promise<void> => {
    for (const pass of ['first', 'again']) {
      const at = performance.now();
      await run();
      figures[`${name} (${pass})`] = performance.now() - at;
    }
  };
  await twice('find mentions, 1 entity + 5 name aliases', async () =>
    unwrap(await wb.call('mentions.find', { entityId: subject!.id })),
  );
  const topNamed = [...named].sort((x, y) => y.usage - x.usage)[0]!;
  await twice('dossier', async () =>
    unwrap(await wb.call('entities.dossier', { id: topNamed.id })),
  );
  await twice('co-occurrence, 300 entities, document scope', async () =>
    unwrap(await wb.call('analysis.cooccurrence', { scope: 'document' })),
  );
  // Deleting the entity the probe phase tagged on 70 highlights in 70 documents not read
  // since: the case, the same at every size (the generated entities carry about
  // 70 highlights at 2,000 documents but 670 at 20,000).
  const probe = entities.find((e) => e.name === PROBE)!;
  t = performance.now();
  unwrap(await wb.call('entities.delete', { id: probe.id, confirmUsage: probe.usage }));
  figures.deleteEntityMs = performance.now() - t;
  figures.deletedEntityUsage = probe.usage;
  // Reading 200 documents one after another: memory must stay bounded.
  for (let i = 0; i < 200; i++) unwrap(await wb.call('documents.get', { id: pick(1000 + i) }));
  const after = memory();
  figures.heapAfter200Mb = after.heapMb;
  figures.rssAfter200Mb = after.rssMb;
  await wb.close();
  return figures;
}

/** Runs one phase in a child process, which prints its figures as JSON. */
function child(dir: string, phase: string): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=8000', process.argv[1]!, 'measure', dir, phase],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as Figures) : reject(new Error(`${phase}: ${code}`)),
    );
  });
}

const show = (v: number | Timing | undefined): string =>
  v === undefined
    ? '-'
    : typeof v === 'number'
      ? v.toFixed(1)
      : `${v.p50.toFixed(2)} / ${v.p95.toFixed(2)}`;
const ratio = (a: number | Timing | undefined, b: number | Timing | undefined): string => {
  const x = typeof a === 'number' ? a : a?.p50;
  const y = typeof b === 'number' ? b : b?.p50;
  return x !== undefined && y ? (x / y).toFixed(2) : '-';
};

async function main(): Promise<void> {
  if (process.argv[2] === 'measure') {
    process.stdout.write(JSON.stringify(await measure(process.argv[3]!, process.argv[4]!)));
    return;
  }
  // `scale.js make DIR N` writes a workspace and keeps it, to profile one phase by hand:
  // `node --cpu-prof out/bench/scale.js measure DIR warm`.
  if (process.argv[2] === 'make') {
    await writeWorkspace(process.argv[3]!, Number(process.argv[4]));
    return;
  }
  const sizes = (process.env.SCALE_SIZES ?? '20000,2000').split(',').map(Number);
  const results = new Map<number, Record<string, Figures>>();
  for (const size of sizes) {
    const dir = await mkdtemp(join(tmpdir(), `rw-scale-${size}-`));
    try {
      const t = performance.now();
      const made = await writeWorkspace(dir, size);
      console.error(
        `${size} documents (${(made.chars / 1e6).toFixed(0)} M characters, ${made.highlights} highlights) written in ${((performance.now() - t) / 1000).toFixed(0)} s`,
      );
      const phases: Record<string, Figures> = {};
      for (const phase of ['first', 'cold', 'probe', 'warm']) {
        phases[phase] = await child(dir, phase);
        console.error(`  ${phase}: ${JSON.stringify(phases[phase])}`);
      }
      results.set(size, phases);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const [big, small] = sizes;
  const b = results.get(big!)!;
  const s = small ? results.get(small) : undefined;
  console.log(`\n| figure | ${big} documents | ${small ?? ''} documents | ratio (p50) |`);
  console.log('| --- | --- | --- | --- |');
  for (const phase of ['first', 'cold', 'warm']) {
    for (const key of Object.keys(b[phase]!)) {
      const x = b[phase]![key];
      const y = s?.[phase]?.[key];
      console.log(`| ${phase}: ${key} | ${show(x)} | ${show(y)} | ${ratio(x, y)} |`);
    }
  }
}

await main();
