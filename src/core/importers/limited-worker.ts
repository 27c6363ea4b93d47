// A worker thread that cannot take the host down with it: its JavaScript heap is capped
// (Node's resourceLimits), and the host's resident memory is watched while it runs,
// because what a parser decodes into typed arrays lives outside that heap (pdf.js decodes
// a stream into one growing buffer). A worker that makes the process grow past the limit
// is stopped, and its owner told why.
import { Worker } from 'node:worker_threads';
import { WORKER_GROWTH_MB, WORKER_HEAP_MB } from './limits';

const MB = 1024 * 1024;
/** How often memory is looked at: a doubling buffer takes longer than this to fill. */
const WATCH_MS = 50;

export interface LimitedWorker {
  worker: Worker;
  /** Stops watching and ends the thread. */
  stop(): void;
}

export interface MemoryLimits {
  heapMb: number;
  growthMb: number;
}

export function startLimitedWorker(
  file: string | URL,
  /** Told once, after the worker was stopped for the memory it made the host take. */
  onMemory: () => void,
  limits: MemoryLimits = { heapMb: WORKER_HEAP_MB, growthMb: WORKER_GROWTH_MB },
): LimitedWorker {
  const worker = new Worker(file, {
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, stackSizeMb: 8 },
  });
  const start = process.memoryUsage.rss();
  const watch = setInterval(() => {
    if (process.memoryUsage.rss() - start <= limits.growthMb * MB) return;
    stop();
    onMemory();
  }, WATCH_MS);
  // The watch alone never keeps a process (the command line) alive.
  watch.unref();
  const stop = (): void => {
    clearInterval(watch);
    void worker.terminate();
  };
  worker.once('exit', () => clearInterval(watch));
  return { worker, stop };
}
