// Parsing imports off the serving thread: each file is parsed in a fresh worker thread,
// so a 300-page PDF neither blocks the window's other calls nor leaves its parser's memory
// behind. One worker per file costs a few hundred milliseconds of start-up (pdf.js and
// jsdom load again); in exchange a crashed, hung or swollen parser takes nothing else with
// it and is simply stopped: the worker's heap is capped, the host's memory watched
// (limited-worker.ts), and the time it may take grows with the file's size (limits.ts).
// Nothing is stored until the worker's reply has arrived whole.
import { ImportError } from './import-error';
import { readTimeoutMs, WORKER_GROWTH_MB, WORKER_HEAP_MB } from './limits';
import { startLimitedWorker } from './limited-worker';
import type { ParseFile, ParseReply, ParseRequest } from './worker-protocol';

export interface WorkerParserOptions {
  /**
   * A file that has not been read by then is refused and its worker stopped; by default
   * the time grows with the file's size (readTimeoutMs).
   */
  timeoutMs?: number;
  /** Where a crashed worker's error is written (the terminal by default). */
  log?: (line: string) => void;
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;
const size = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;

export function createWorkerParser(
  workerFile: string | URL,
  { timeoutMs, log = (line) => console.error(line) }: WorkerParserOptions = {},
): ParseFile {
  return (bytes, fileName) =>
    new Promise((resolve, reject) => {
      const limit = timeoutMs ?? readTimeoutMs(bytes.length);
      let settled = false;
      const settle = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        outcome();
        stop();
      };
      const refuse = (reason: string): void =>
        settle(() => reject(new ImportError(fileName, reason)));
      const limited = startLimitedWorker(workerFile, () =>
        refuse(
          `reading it made the workbench take more than ${WORKER_GROWTH_MB} MB of memory, the most an import may, so it was stopped; nothing was stored`,
        ),
      );
      const { worker } = limited;
      const stop = (): void => limited.stop();
      const timer = setTimeout(
        () =>
          refuse(
            `reading it took longer than ${seconds(limit)}${timeoutMs === undefined ? ` (the most a file of ${size(bytes.length)} may take)` : ''} and was stopped`,
          ),
        limit,
      );
      worker.once('message', (reply: ParseReply) =>
        settle(() => {
          if (reply.ok) resolve(reply.content);
          else if (reply.kind === 'import') reject(new ImportError(reply.fileName, reply.reason));
          else reject(new Error(`The import worker failed on ${fileName}: ${reply.detail}`));
        }),
      );
      // The error's own text may name paths inside the app: the user hears what it means.
      worker.once('error', (error: Error & { code?: string }) => {
        log(`The import worker crashed on ${fileName}: ${error.stack ?? error.message}`);
        refuse(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `reading it needs more than ${WORKER_HEAP_MB} MB of memory, the most the reader may use; nothing was stored`
            : 'the reader stopped unexpectedly; nothing was stored',
        );
      });
      worker.once('exit', (code) =>
        refuse(`the reader stopped unexpectedly (exit code ${code}); nothing was stored`),
      );
      // The bytes are copied, not transferred: the caller's buffer may be shared (Node
      // pools small Buffers) or still needed.
      const request: ParseRequest = { kind: 'parse', bytes, fileName };
      worker.postMessage(request);
    });
}
