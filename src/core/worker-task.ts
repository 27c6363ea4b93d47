// One task for a worker thread of the core's own (the search worker's jobs): the worker is
// started, sent one request, answers once and is stopped. An error, an exit before the
// answer, or `signal` (the workspace closing) rejects instead.
import { Worker } from 'node:worker_threads';

export function workerTask<Reply>(
  file: string | URL,
  request: unknown,
  signal?: AbortSignal,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file);
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      outcome();
      void worker.terminate();
    };
    const onAbort = (): void => settle(() => reject(new Error('stopped')));
    signal?.addEventListener('abort', onAbort);
    worker.once('message', (reply: Reply) => settle(() => resolve(reply)));
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the worker exited (${code})`))));
    worker.postMessage(request);
  });
}
