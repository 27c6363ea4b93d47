// The placer's budgets, pinned with a worker that speaks the placing protocol but hangs on
// the annotations it is told to (a quote holding "HANG"): the one that hangs is set aside
// as over its own budget with its thread and the rest go on in a fresh one; when the
// import's budget runs out, what is left is set aside too; Cancel stops it all. Every task
// gets an answer. On the serving thread (no worker), a near-miss quote's approximate
// matching stops at its deadline, read from a clock the test moves itself.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlaceTask } from '../../src/core/annotations/interchange/place';
import {
  placeInSlices,
  placeInWorker,
  type PlaceJob,
} from '../../src/core/annotations/interchange/placer';
import { tempDir } from './helpers';

const FAKE = `import { parentPort } from 'node:worker_threads';
parentPort.once('message', (request) => {
  parentPort.postMessage({ kind: 'ready' });
  for (const task of request.tasks) {
    if (task.quote.exact.includes('HANG')) for (;;) {}
    parentPort.postMessage({ kind: 'placed', index: task.index, placement: { status: 'anchored', start: 0, end: 4 } });
  }
});
`;

let dir: string;
let cleanup: () => Promise<void>;
let worker: string;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  worker = join(dir, 'hanging-placer.mjs');
  await writeFile(worker, FAKE);
});
afterEach(() => cleanup());

const task = (index: number, exact: string): PlaceTask => ({
  index,
  documentId: 'doc',
  quote: { exact, prefix: '', suffix: '' },
});

function job(
  tasks: PlaceTask[],
  budget: PlaceJob['budget'],
  signal = new AbortController().signal,
) {
  const placed: number[] = [];
  return {
    placed,
    job: {
      documents: [{ id: 'doc', title: 'Doc', text: 'Evin prison' }],
      tasks,
      budget,
      signal,
      onPlaced: () => placed.push(placed.length + 1),
    } satisfies PlaceJob,
  };
}

describe('placing in the worker', () => {
  it('sets aside an annotation that runs past its budget, and places the rest', async () => {
    const tasks = [task(1, 'Evin'), task(2, 'HANG one'), task(3, 'Evin'), task(4, 'HANG two')];
    const { job: j, placed } = job(tasks, { perAnnotationMs: 150, importMs: 30_000 });
    const results = await placeInWorker(worker, () => undefined)(j);
    expect([...results.entries()].sort(([a], [b]) => a - b)).toEqual([
      [1, { status: 'anchored', start: 0, end: 4 }],
      [2, { status: 'over-budget', why: 'annotation' }],
      [3, { status: 'anchored', start: 0, end: 4 }],
      [4, { status: 'over-budget', why: 'annotation' }],
    ]);
    expect(placed).toHaveLength(4);
  });

  it('sets aside what is left when the import runs out of time', async () => {
    const tasks = [task(1, 'Evin'), task(2, 'HANG'), task(3, 'Evin'), task(4, 'Evin')];
    const { job: j } = job(tasks, { perAnnotationMs: 60_000, importMs: 300 });
    const results = await placeInWorker(worker, () => undefined)(j);
    expect(results.get(1)).toEqual({ status: 'anchored', start: 0, end: 4 });
    for (const index of [2, 3, 4])
      expect(results.get(index)).toEqual({ status: 'over-budget', why: 'import' });
  });

  it('stops everything when cancelled', async () => {
    const controller = new AbortController();
    const { job: j } = job(
      [task(1, 'HANG')],
      { perAnnotationMs: 60_000, importMs: 60_000 },
      controller.signal,
    );
    const running = placeInWorker(worker, () => undefined)(j);
    setTimeout(() => controller.abort(), 100);
    await expect(running).rejects.toThrow('The import was cancelled; nothing was imported.');
  });
});

describe('placing on the serving thread', () => {
  const text = Array.from(
    { length: 60 },
    (_, i) => `Witness ${i} described cell ${i * 7} of ward ${i % 9} to the court in ${1980 + i}.`,
  ).join(' ');
  // A passage with every 25th character changed: found only by approximate matching,
  // which verifies match after match in its windows.
  const nearMiss = [...text.slice(900, 1_300)]
    .map((c, k) => (k % 25 === 12 ? (c === 'x' ? 'y' : 'x') : c))
    .join('');
  const tasks = [task(1, text.slice(40, 90)), task(2, nearMiss)];
  const documents = [{ id: 'doc', title: 'Doc', text }];
  const run = (perAnnotationMs: number, now?: () => number, onPlaced = () => undefined) =>
    placeInSlices({
      documents,
      tasks,
      budget: { perAnnotationMs, importMs: 1e9 },
      signal: new AbortController().signal,
      onPlaced,
      ...(now ? { now } : {}),
    });

  it('stops a near-miss quote at its own budget and sets it aside; an exact one is placed', async () => {
    // Each reading of this clock moves it on 10 ms: the budget is two readings.
    let clock = 0;
    const results = await run(25, () => (clock += 10));
    expect(results.get(1)).toMatchObject({ status: 'anchored' });
    expect(results.get(2)).toEqual({ status: 'over-budget', why: 'annotation' });
    // Given time, the same quote is placed: its budget, not the quote, stopped it.
    expect((await run(1e9)).get(2)).toMatchObject({ status: 'fuzzy' });
  });

  it('gives the thread back while one quote is matched, not only between quotes', async () => {
    // The clock stands still until the first (exact) annotation is placed, then moves on
    // 10 ms a reading: only the second one's matching can pass a slice.
    let clock = 0;
    let tick = 0;
    let otherCallRan = false;
    const ranBeforePlaced: boolean[] = [];
    setImmediate(() => (otherCallRan = true));
    await run(
      1e9,
      () => (clock += tick),
      () => {
        ranBeforePlaced.push(otherCallRan);
        tick = 10;
      },
    );
    expect(ranBeforePlaced).toEqual([false, true]);
  });
});
