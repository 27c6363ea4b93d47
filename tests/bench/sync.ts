// Team sync, measured: two replicas of the 2,000-document bench workspace (both in this
// process) through the real relay on loopback (in a process of its own). The first sync to an empty replica (with its progress), a highlight
// made in one reaching the other's store, a later sync of 100 changed records, what sync
// adds to a local save, and the Automerge storage against the lowdb files it mirrors.
// `npm run bench:sync` (writes the workspace to a temp folder, removes it afterwards).
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { recordHistory } from '../../src/core/sync/record-history';
import { newShareId, SyncSession } from '../../src/core/sync/sync-session';
import { openWorkbench, type Workbench } from '../../src/core/workbench';
import type { Envelope } from '../../src/shared/api';
import { writeWorkspace } from './corpus';
import { profiled } from './profile-phase';
import { spawnRelay } from './relay-process';
import { summary } from './save-bench';
import { windowEvents } from './window-events';

const KEY = 'bench-team-key-0123456789abcdef';
// As the app's hosts open a workspace: the search index is built by worker threads when
// there is no cache, and so is a first sync's (bulk-arrival.ts).
const searchWorker = join(import.meta.dirname, 'search-worker.js');
const unwrap = <T>(e: Envelope<T>): T => {
  if (!e.ok) throw new Error(e.error.message);
  return e.value;
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const ms = (n: number): string => `${n.toFixed(1)} ms`;
const s = (n: number): string => `${(n / 1000).toFixed(1)} s`;

async function sizeOf(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const name of await readdir(path)) total += await sizeOf(join(path, name));
  return total;
}

/** Resolves when `wb`'s store announces a highlight with this id (its commit is on disk). */
function arrival(wb: Workbench, id: string): Promise<number> {
  return new Promise((resolve) => {
    const off = wb.core.feed.subscribe((event) => {
      if (event.annotations.put.some((a) => a.id === id)) {
        off();
        resolve(performance.now());
      }
    });
  });
}

async function main(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'rw-bench-sync-'));
  // In a process of its own, as a team runs it: its work is not the replicas' to pay.
  const relay = await spawnRelay(join(root, 'relay'), KEY);
  const share = { shareId: newShareId(), server: `ws://127.0.0.1:${relay.port}`, key: KEY };
  const A = join(root, 'a');
  const B = join(root, 'b');
  const lines: string[] = [];
  const report = (line: string): void => {
    lines.push(line);
    console.log(line);
  };
  try {
    const made = await writeWorkspace(A);
    const a = await openWorkbench(A, { host: 'bench', searchWorker });
    await a.checked;
    let t = performance.now();
    const sa = await SyncSession.open(a.core, A, share);
    await sa.round(600_000);
    report(
      `share (${made.highlights} highlights, 2,000 documents sent to the relay): ${s(performance.now() - t)}`,
    );

    // First sync to an empty replica, with its progress.
    const b = await openWorkbench(B, { host: 'bench', searchWorker });
    t = performance.now();
    const sb = await SyncSession.open(b.core, B, share);
    const ticker = setInterval(() => {
      const p = sb.replicator.progress;
      console.log(
        `  … ${s(performance.now() - t)}: texts ${p.done}/${p.total}, documents here ${[...b.core.store.catalog.ids()].length}`,
      );
    }, 2000);
    await sb.round(600_000);
    clearInterval(ticker);
    const docsB = [...b.core.store.catalog.ids()].length;
    report(
      `first sync to an empty replica: ${s(performance.now() - t)} (${docsB} documents, ${sb.replicator.counts.received} records)`,
    );

    // A highlight made in A, in B's store.
    const docId = [...a.core.store.catalog.ids()][0]!;
    const text = unwrap(await a.call('documents.get', { id: docId })).document.text;
    const latencies: number[] = [];
    const inWindow: number[] = [];
    const win = await windowEvents(b, join(root, 'b-host'));
    await profiled('latency', async () => {
      for (let i = 0; i < 20; i++) {
        const start = 100 + i * 40;
        const end = text.indexOf(' ', start + 10);
        const t0 = performance.now();
        const created = unwrap(
          await a.call('annotations.create', { documentId: docId, start, end }),
        );
        const [store, shown] = await Promise.race([
          Promise.all([arrival(b, created.id), win.arrival(created.id)]),
          sleep(10_000).then(() => [NaN, NaN]),
        ]);
        latencies.push(store - t0);
        inWindow.push(shown - t0);
        await sleep(250);
      }
    });
    await win.close();
    const lat = summary(latencies.filter((n) => !Number.isNaN(n)));
    const seen = summary(inWindow.filter((n) => !Number.isNaN(n)));
    const lost = latencies.some(Number.isNaN) ? ' (some never arrived)' : '';
    // In the order made: whether the slow ones cluster (B still busy after its first sync).
    console.log(`  each, in order (ms): ${latencies.map((n) => Math.round(n)).join(' ')}`);
    report(
      `highlight in A → in B's store (20, 250 ms apart): p50 ${ms(lat.p50)}, p95 ${ms(lat.p95)}${lost}`,
    );
    report(
      `highlight in A → in B's open window (its event stream): p50 ${ms(seen.p50)}, p95 ${ms(seen.p95)}${lost}`,
    );

    // A later sync, both open: 100 records changed on A (one command each) until all are in B.
    const entities = a.core.store.workspace.entities.slice(0, 100);
    const changed = (round: string): Promise<number> =>
      new Promise((resolve) => {
        const off = b.core.feed.subscribe(() => {
          const here = b.core.store.workspace.entities.filter((e) =>
            e.description.startsWith(round),
          );
          if (here.length === entities.length) {
            off();
            resolve(performance.now());
          }
        });
      });
    const arrived = changed('Live ');
    t = performance.now();
    let madeAt = 0;
    const allThere = await profiled('later-live', async () => {
      for (const [i, e] of entities.entries())
        unwrap(await a.call('entities.update', { id: e.id, patch: { description: `Live ${i}` } }));
      madeAt = performance.now();
      return arrived;
    });
    report(
      `later sync of 100 changed records, both open: ${s(allThere - madeAt)} after the last change (${s(allThere - t)} from the first)`,
    );

    // And as the command line does it: B offline while A changes 100 records, then open + one
    // round. Three times: the first follows a session closed while changes were still being
    // applied (its saved agreement behind its document), the others a round that finished.
    await sb.close();
    const laterRuns: { open: number; round: number; received: number }[] = [];
    for (let run = 0; run < 3; run++) {
      for (const [i, e] of entities.entries())
        unwrap(
          await a.call('entities.update', {
            id: e.id,
            patch: { description: `Changed ${run} ${i}` },
          }),
        );
      await sa.round(60_000);
      const t0 = performance.now();
      const { sb2, opened, later } = await profiled(`later-open-${run}`, async () => {
        const sb2 = await SyncSession.open(b.core, B, share);
        const opened = performance.now();
        return { sb2, opened, later: await sb2.round(60_000) };
      });
      const done = performance.now();
      laterRuns.push({ open: opened - t0, round: done - opened, received: later.received });
      await sb2.close();
    }
    const each = laterRuns.map((r) => `${s(r.open + r.round)} (open ${s(r.open)})`).join(', ');
    const median = [...laterRuns.map((r) => r.open + r.round)].sort((x, y) => x - y)[1]!;
    report(
      `later sync of 100 changed records (open + one round): ${s(median)} median of ${each}; ${laterRuns.map((r) => r.received).join('/')} received`,
    );

    // A record's team history, read from the whole document's history.
    t = performance.now();
    const history = recordHistory(sa.handle.doc(), 'entities', entities[0]!.id);
    report(`an entity's team history (${history.length} changes): ${ms(performance.now() - t)}`);

    // What sync adds to a local save (a highlight, through the API, files fsynced).
    const saves = async (n: number, offset: number): Promise<number[]> => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const start = 2000 + (offset + i) * 40;
        const t0 = performance.now();
        unwrap(
          await a.call('annotations.create', {
            documentId: docId,
            start,
            end: text.indexOf(' ', start + 10),
          }),
        );
        times.push(performance.now() - t0);
        await sleep(120);
      }
      return times;
    };
    const on = summary(await profiled('save-on', () => saves(25, 0)));
    await sa.close();
    const off = summary(await saves(25, 40));
    report(
      `local save of a highlight, p50: sync on ${ms(on.p50)}, off ${ms(off.p50)} (+${ms(on.p50 - off.p50)})`,
    );

    // Storage: the Automerge document against the lowdb files it mirrors.
    const am = await sizeOf(join(A, '.sync', 'workspace.am'));
    const lowdb =
      (await sizeOf(join(A, 'workspace.json'))) +
      (await sizeOf(join(A, 'documents'))) +
      (await sizeOf(join(A, 'highlights')));
    report(
      `Automerge storage ${(am / 1e6).toFixed(2)} MB / lowdb files ${(lowdb / 1e6).toFixed(2)} MB = ${(am / lowdb).toFixed(3)}x`,
    );
    await a.close();
    await b.close();
  } finally {
    await relay.close();
    await rm(root, { recursive: true, force: true });
  }
  console.log(`\n${new Date().toISOString()}\n${lines.join('\n')}`);
}

await main();
