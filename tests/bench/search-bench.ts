// `npm run bench`: opens a generated 2,000-article workspace and measures what a
// researcher waits for: opening (load + index), search latency by query type through the
// real API (validation, filters, snippets) and through the engine alone, and the entity
// research views (entities-bench.ts). Then it builds FlexSearch (as the workbench
// configures it) and MiniSearch over the same records in this process and compares them.
// Reports medians and p95s.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { cachePath } from '../../src/core/search/search-cache';
import { SearchIndex } from '../../src/core/search/search-index';
import { openWorkbench } from '../../src/core/workbench';
import type { DocumentFile, WorkspaceFile } from '../../src/shared/model';
import { foldForMatch, WORD } from '../../src/shared/text';
import { ARTICLES, QUERIES, writeWorkspace } from './corpus';
import { benchEntities } from './entities-bench';
import { benchSaves, type Timing } from './save-bench';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const heapMb = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1048576;
};
const ms = (n: number): string => (n < 1 ? n.toFixed(3) : n.toFixed(2));
/** The search worker, built beside this file (vite.bench.config.ts), as the hosts build it. */
const searchWorker = join(import.meta.dirname, 'search-worker.js');

/** The longest the event loop was held up while `wait` ran: the longest task, near enough. */
async function longestStall<T>(wait: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  try {
    return { value: await wait(), stallMs: h.max / 1e6 };
  } finally {
    h.disable();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timeQueries(
  run: (q: string) => unknown,
  repeat = 15,
): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  for (const [kind, queries] of Object.entries(QUERIES)) {
    for (const q of queries) await run(q); // warm-up
    const times: number[] = [];
    for (let r = 0; r < repeat; r++) {
      for (const q of queries) {
        const t = performance.now();
        await run(q);
        times.push(performance.now() - t);
      }
    }
    out[kind] = times;
  }
  return out;
}

interface Rec {
  key: string;
  text: string;
}

async function load(
  dir: string,
): Promise<{ ws: WorkspaceFile; files: DocumentFile[]; recs: Rec[] }> {
  const recs: Rec[] = [];
  const files: DocumentFile[] = [];
  const ws = JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8')) as WorkspaceFile;
  for (const e of ws.entities)
    recs.push({ key: `e:${e.id}`, text: [e.name, ...e.aliases, e.description].join('\n') });
  for (const name of await readdir(join(dir, 'documents'))) {
    const read = async (folder: string): Promise<object> =>
      JSON.parse(await readFile(join(dir, folder, name), 'utf8')) as object;
    const file = { ...(await read('documents')), ...(await read('highlights')) } as DocumentFile;
    files.push(file);
    const { document } = file;
    recs.push({ key: `d:${document.id}`, text: document.title });
    document.blocks.forEach((b, i) =>
      recs.push({ key: `b:${document.id}:${i}`, text: document.text.slice(b.start, b.end) }),
    );
    for (const a of file.annotations)
      recs.push({ key: `a:${a.id}`, text: `${a.target.quote.exact}\n${a.note}` });
  }
  return { ws, files, recs };
}

function sourceOf(source: Awaited<ReturnType<typeof openWorkbench>>['indexSource']): string {
  return source.cached ? 'cache' : `built by ${source.builtBy} (no cache: ${source.reason})`;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'rw-bench-'));
  try {
    console.log(`Generating ${ARTICLES} articles…`);
    const { chars, highlights } = await writeWorkspace(dir);
    console.log(
      `Corpus: ${(chars / 1e6).toFixed(1)} M characters, ${highlights} highlights, 300 entities.\n`,
    );

    const before = heapMb();
    const t0 = performance.now();
    let wb: Awaited<ReturnType<typeof openWorkbench>> | null = await openWorkbench(dir, {
      searchWorker,
    });
    const openMs = performance.now() - t0;
    const { stallMs: coldStall } = await longestStall(() => wb!.indexed);
    const indexedMs = performance.now() - t0;
    const coldSource = wb.indexSource;
    // The index built at open is saved to .cache/search in slices: timed, then done with.
    const t1 = performance.now();
    await wb.indexSaved;
    const saveMs = performance.now() - t1;
    const cacheBytes = (await stat(cachePath(dir))).size;
    const heapWorkspace = heapMb() - before; // after `indexed`, so it includes the index
    const api = await timeQueries(async (q) => {
      const r = await wb!.call('search.query', { query: q, limit: 50 });
      if (!r.ok) throw new Error(r.error.message);
    });
    const research = await benchEntities(wb);
    // Last: it changes the workspace (new highlights, an entity deleted).
    const saves = await benchSaves(wb);
    await wb.close();
    // Let the closed workbench go, so the opens below run in a heap as a fresh app's is.
    wb = null;

    // Warm: the cache written above, then the documents the saves changed indexed again;
    // and once more with nothing changed. Full search = open until a search has answered.
    const fullSearch = async (
      options: { searchWorker?: string } = { searchWorker },
    ): Promise<{ ms: number; openMs: number; stallMs: number; source: string }> => {
      gc();
      const t = performance.now();
      const opened = await openWorkbench(dir, options);
      const openMs = performance.now() - t;
      const { stallMs } = await longestStall(async () => {
        await opened.indexed;
        const r = await opened.call('search.query', { query: 'evin', limit: 50 });
        if (!r.ok) throw new Error(r.error.message);
      });
      const ms = performance.now() - t;
      await opened.indexSaved;
      await opened.close();
      return { ms, openMs, stallMs, source: sourceOf(opened.indexSource) };
    };
    const warmChanged = await fullSearch();
    const warm = await fullSearch();
    // The comparator: no cache and no worker, indexed in slices on the thread that serves.
    await rm(join(dir, '.cache'), { recursive: true, force: true });
    const coldHere = await fullSearch({});

    const { ws, files, recs } = await load(dir);
    const base = heapMb();
    let t = performance.now();
    const flex = new SearchIndex();
    for (const e of ws.entities) flex.putEntity(e);
    for (const file of files) {
      flex.putDocument(file.document);
      for (const a of file.annotations) flex.putAnnotation(a);
    }
    const flexBuild = performance.now() - t;
    const flexHeap = heapMb() - base;
    const flexTimes = await timeQueries((q) => flex.keys(q, 200));

    const base2 = heapMb();
    t = performance.now();
    const mini = new MiniSearch<Rec>({
      idField: 'key',
      fields: ['text'],
      tokenize: (text) => text.match(WORD) ?? [],
      processTerm: (term) => foldForMatch(term) || null,
      searchOptions: { prefix: true, combineWith: 'AND' },
    });
    mini.addAll(recs);
    const miniBuild = performance.now() - t;
    const miniHeap = heapMb() - base2;
    const miniTimes = await timeQueries((q) => mini.search(q).slice(0, 200));

    console.log('## Workspace (real API: validation, search, snippets)\n');
    console.log(
      `Open (load and validate ${ARTICLES} files; usable): ${(openMs / 1000).toFixed(2)} s. ` +
        `Search index complete (load + index): ${(indexedMs / 1000).toFixed(2)} s. Heap after open: ${heapWorkspace.toFixed(0)} MB.\n`,
    );
    console.log(
      '| open | usable s | full search s | longest stall of the core while indexing, ms | index from |',
    );
    console.log('| --- | --- | --- | --- | --- |');
    const s = (n: number): string => (n / 1000).toFixed(2);
    const row = (
      label: string,
      r: { ms: number; openMs: number; stallMs: number; source: string },
    ) =>
      console.log(
        `| ${label} | ${s(r.openMs)} | ${s(r.ms)} | ${r.stallMs.toFixed(0)} | ${r.source} |`,
      );
    row('cold (no cache), index workers', {
      ms: indexedMs,
      openMs,
      stallMs: coldStall,
      source: sourceOf(coldSource),
    });
    row('cold (no cache), no worker: in slices on the serving thread', coldHere);
    row('warm, after the save bench changed a few documents', warmChanged);
    row('warm, nothing changed', warm);
    console.log(
      `\nCache file (.cache/search/index.bin): ${(cacheBytes / 1048576).toFixed(1)} MB; saving it after the cold open took ${(saveMs / 1000).toFixed(2)} s in slices.\n`,
    );
    // The engine alone: the same queries on an index built in this process, keys only.
    console.log('| query type | API p50 ms | API p95 ms | engine p50 ms | engine p95 ms |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const [kind, times] of Object.entries(api)) {
      const engine = flexTimes[kind]!;
      console.log(
        `| ${kind} | ${ms(percentile(times, 50))} | ${ms(percentile(times, 95))} | ${ms(percentile(engine, 50))} | ${ms(percentile(engine, 95))} |`,
      );
    }

    const t2 = (x: Timing): string => `${ms(x.p50)} / ${ms(x.p95)}`;
    console.log('\n## One change (real API, files written and fsynced)\n');
    console.log('| change | p50 / p95 ms |');
    console.log('| --- | --- |');
    console.log(
      `| save a highlight, 10 KB document, 10-document workspace | ${t2(saves.at10.small)} |`,
    );
    console.log(
      `| save a highlight, 500 KB document, 10-document workspace | ${t2(saves.at10.large)} |`,
    );
    console.log(
      `| save a highlight, 10 KB document, ${ARTICLES}-document workspace | ${t2(saves.at2000.small)} |`,
    );
    console.log(
      `| save a highlight, 500 KB document, ${ARTICLES}-document workspace | ${t2(saves.at2000.large)} |`,
    );
    console.log(
      `| edit a highlight's note, ${ARTICLES} documents | ${t2(saves.updateHighlight)} |`,
    );
    console.log(`| edit an entity, ${ARTICLES} documents | ${t2(saves.updateEntity)} |`);
    console.log(
      `| delete an entity tagged on ${saves.deleteEntity.untagged} highlights, ${ARTICLES} documents | ${ms(saves.deleteEntity.ms)} (once) |`,
    );
    const ratio = (a: Timing, b: Timing): string => (a.p50 / b.p50).toFixed(2);
    console.log(
      `\nRatios of p50: save at ${ARTICLES} ÷ at 10 documents (10 KB) ${ratio(saves.at2000.small, saves.at10.small)}, ` +
        `(500 KB) ${ratio(saves.at2000.large, saves.at10.large)}; save on 500 KB ÷ on 10 KB (${ARTICLES} documents) ${ratio(saves.at2000.large, saves.at2000.small)}.`,
    );

    console.log(`\n## Engines over the same ${recs.length} records (same folding and tokens)\n`);
    console.log(
      `FlexSearch (the workbench's index): build ${(flexBuild / 1000).toFixed(2)} s, index heap ${flexHeap.toFixed(0)} MB. MiniSearch: build ${(miniBuild / 1000).toFixed(2)} s, index heap ${miniHeap.toFixed(0)} MB.\n`,
    );
    console.log(
      '| query type | FlexSearch p50 / p95 ms | MiniSearch p50 / p95 ms | MiniSearch p50 ÷ FlexSearch p50 |',
    );
    console.log('| --- | --- | --- | --- |');
    for (const kind of Object.keys(QUERIES)) {
      const f = flexTimes[kind]!;
      const m = miniTimes[kind]!;
      const ratio = percentile(m, 50) / Math.max(1e-6, percentile(f, 50));
      console.log(
        `| ${kind} | ${ms(percentile(f, 50))} / ${ms(percentile(f, 95))} | ${ms(percentile(m, 50))} / ${ms(percentile(m, 95))} | ${ratio.toFixed(1)}× |`,
      );
    }
    for (const line of research) console.log(line);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

void main();
