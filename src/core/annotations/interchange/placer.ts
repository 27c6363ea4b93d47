// Placing an import's annotations within budget, before the one short command that stores
// them: in the import worker where the host built one, so the serving thread never runs an
// anchoring step at all, or else in slices on the serving thread. The worker says when
// each annotation is placed; one that runs past its budget is stopped with its thread, set
// aside as over budget, and the rest go on in a fresh thread. When the import's budget
// runs out, what is left is over budget too. Cancelling stops everything, nothing stored.
import { WorkbenchError } from '../../../shared/errors';
import { startLimitedWorker, type LimitedWorker } from '../../importers/limited-worker';
import { placeSteps, type Placement, type PlaceDocument, type PlaceTask } from './place';
import type { AnnotationsFile } from './read-annotations';
import { readAnnotationsFile } from './read-annotations';
import { SLICE_MS } from './slices';
import { nextTurn } from '../../time-slices';
import type { AnnotationsReply, AnnotationsRequest } from './worker-messages';

export interface Budget {
  perAnnotationMs: number;
  importMs: number;
}

/** A placement, or why there was none: the annotation's own budget, or the import's. */
export type Placed = Placement | { status: 'over-budget'; why: 'annotation' | 'import' };

export interface PlaceJob {
  documents: PlaceDocument[];
  tasks: PlaceTask[];
  budget: Budget;
  signal: AbortSignal;
  /** Told after each annotation, placed or set aside. */
  onPlaced: () => void;
  /** The clock budgets are kept by on this thread (tests move their own); `Date.now`. */
  now?: () => number;
}

export type Placer = (job: PlaceJob) => Promise<Map<number, Placed>>;
export type Reader = (json: string, signal: AbortSignal) => Promise<AnnotationsFile>;

export const cancelled = (): WorkbenchError =>
  new WorkbenchError('CONFLICT', 'The import was cancelled; nothing was imported.');

/**
 * On the serving thread (no host's worker: tests, benches), an annotation at a time, each
 * in steps (shared/anchoring/steps.ts): the thread is given back once SLICE_MS have passed,
 * also within one annotation's approximate matching, and an annotation still unplaced at
 * its budget, or at the import's if that ends first, is set aside as over budget, as the
 * worker path does. Cancel is checked between slices.
 */
export const placeInSlices: Placer = async (job) => {
  const now = job.now ?? Date.now;
  const documents = new Map(job.documents.map((d) => [d.id, d]));
  const results = new Map<number, Placed>();
  const ends = now() + job.budget.importMs;
  let slice = now();
  const turn = async (): Promise<void> => {
    if (now() - slice <= SLICE_MS) return;
    await nextTurn();
    slice = now();
    if (job.signal.aborted) throw cancelled();
  };
  for (const task of job.tasks) {
    if (job.signal.aborted) throw cancelled();
    const own = now() + job.budget.perAnnotationMs;
    const over: Placed = { status: 'over-budget', why: ends <= own ? 'import' : 'annotation' };
    const stop = Math.min(own, ends);
    let placed: Placed = over;
    if (now() < stop) {
      const steps = placeSteps(task, documents.get(task.documentId)!);
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) {
          placed = step.value;
          break;
        }
        if (now() >= stop) break;
        await turn();
      }
    }
    results.set(task.index, placed);
    job.onPlaced();
    await turn();
  }
  if (job.signal.aborted) throw cancelled();
  return results;
};

/** In the import worker, each annotation on its own budget (see the header). */
export function placeInWorker(workerFile: string | URL, log: (line: string) => void): Placer {
  return (job) =>
    new Promise((resolve, reject) => {
      const results = new Map<number, Placed>();
      let next = 0; // the first task not placed yet: the one running in the worker
      let current: LimitedWorker | null = null;
      let watchdog: ReturnType<typeof setTimeout> | undefined;
      let done = false;
      const finish = (error?: Error): void => {
        if (done) return;
        done = true;
        clearTimeout(watchdog);
        clearTimeout(importTimer);
        job.signal.removeEventListener('abort', onAbort);
        current?.stop();
        if (error) reject(error);
        else resolve(results);
      };
      const setAside = (why: 'annotation' | 'import'): void => {
        results.set(job.tasks[next]!.index, { status: 'over-budget', why });
        next += 1;
        job.onPlaced();
      };
      // The annotation now running is set aside with its thread; the rest go on.
      const skip = (): void => {
        current?.stop();
        current = null;
        setAside('annotation');
        start();
      };
      const arm = (): void => {
        clearTimeout(watchdog);
        watchdog = setTimeout(skip, job.budget.perAnnotationMs);
      };
      const importTimer = setTimeout(() => {
        while (next < job.tasks.length) setAside('import');
        finish();
      }, job.budget.importMs);
      const onAbort = (): void => finish(cancelled());
      job.signal.addEventListener('abort', onAbort);

      function start(): void {
        if (next >= job.tasks.length) return finish();
        const tasks = job.tasks.slice(next);
        const needed = new Set(tasks.map((t) => t.documentId));
        const worker = startLimitedWorker(workerFile, () => {
          if (worker === current) skip();
        });
        current = worker;
        clearTimeout(watchdog);
        worker.worker.on('message', (reply: AnnotationsReply) => {
          if (worker !== current || done) return;
          if (reply.kind === 'ready') arm();
          else if (reply.kind === 'placed') {
            results.set(reply.index, reply.placement);
            next += 1;
            job.onPlaced();
            if (next >= job.tasks.length) finish();
            else arm();
          } else if (reply.kind === 'failed') {
            log(
              `The import worker failed placing annotation ${job.tasks[next]?.index}: ${reply.detail}`,
            );
            skip();
          }
        });
        // A crash or an out-of-memory ends the thread: that annotation is set aside.
        worker.worker.once('error', (error: Error) => {
          if (worker !== current || done) return;
          log(
            `The import worker crashed placing annotation ${job.tasks[next]?.index}: ${error.stack ?? error.message}`,
          );
          skip();
        });
        // A thread that ends without answering (its messages come first, but give them a
        // moment) has lost the annotation it was placing.
        worker.worker.once('exit', () =>
          setTimeout(() => {
            if (worker === current && !done) skip();
          }, 50),
        );
        const request: AnnotationsRequest = {
          kind: 'place',
          documents: job.documents.filter((d) => needed.has(d.id)),
          tasks,
        };
        worker.worker.postMessage(request);
      }
      start();
    });
}

export const readHere: Reader = (json) =>
  new Promise((resolve) => resolve(readAnnotationsFile(json)));

/** Reads the file in the import worker: JSON.parse of 20 MB alone holds a thread 0.3 s. */
export function readInWorker(workerFile: string | URL, timeoutMs: number): Reader {
  return (json, signal) =>
    new Promise((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        worker.stop();
        outcome();
      };
      const fail = (message: string): void =>
        settle(() => reject(new WorkbenchError('INVALID_INPUT', message)));
      const worker = startLimitedWorker(workerFile, () =>
        fail('Nothing was imported: reading the file needed more memory than an import may use.'),
      );
      const timer = setTimeout(
        () =>
          fail(`Nothing was imported: reading the file took longer than ${timeoutMs / 1000} s.`),
        timeoutMs,
      );
      const onAbort = (): void => settle(() => reject(cancelled()));
      signal.addEventListener('abort', onAbort);
      worker.worker.once('message', (reply: AnnotationsReply) => {
        if (reply.kind === 'annotations') settle(() => resolve(reply.file));
        else if (reply.kind === 'refused') fail(reply.message);
        else fail('Nothing was imported: the file could not be read.');
      });
      const stopped = (): void => fail('Nothing was imported: the reader stopped unexpectedly.');
      worker.worker.once('error', stopped);
      worker.worker.once('exit', () => setTimeout(stopped, 50));
      const request: AnnotationsRequest = { kind: 'read-annotations', json };
      worker.worker.postMessage(request);
    });
}
