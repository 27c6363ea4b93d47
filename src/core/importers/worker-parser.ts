// Parsing imports off the serving thread: each file is parsed in a fresh worker thread,
// so a 300-page PDF neither blocks the window's other calls nor leaves its parser's memory
// behind. One worker per file costs a few hundred milliseconds of start-up (pdf.js and
// jsdom load again); in exchange a crashed or hung parser takes nothing else with it and
// is simply stopped. Nothing is stored until the worker's reply has arrived whole.
import { Worker } from 'node:worker_threads';
import { ImportError } from './import-error';
import type { ParseFile, ParseReply, ParseRequest } from './worker-protocol';

export interface WorkerParserOptions {
  /** A file that has not been read by then is refused and its worker stopped. */
  timeoutMs?: number;
  /** Where a crashed worker's error is written (the terminal by default). */
  log?: (line: string) => void;
}

export const PARSE_TIMEOUT_MS = 5 * 60_000;

export function createWorkerParser(
  workerFile: string | URL,
  { timeoutMs = PARSE_TIMEOUT_MS, log = (line) => console.error(line) }: WorkerParserOptions = {},
): ParseFile {
  return (bytes, fileName) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(workerFile);
      let settled = false;
      const settle = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        outcome();
        void worker.terminate();
      };
      const timer = setTimeout(
        () =>
          settle(() =>
            reject(
              new ImportError(
                fileName,
                `reading it took longer than ${timeoutMs / 1000} s and was stopped`,
              ),
            ),
          ),
        timeoutMs,
      );
      worker.once('message', (reply: ParseReply) =>
        settle(() => {
          if (reply.ok) resolve(reply.content);
          else if (reply.kind === 'import') reject(new ImportError(reply.fileName, reply.reason));
          else reject(new Error(`The import worker failed on ${fileName}: ${reply.detail}`));
        }),
      );
      // The error's own text may name paths inside the app: the user hears what it means.
      worker.once('error', (error: Error & { code?: string }) =>
        settle(() => {
          log(`The import worker crashed on ${fileName}: ${error.stack ?? error.message}`);
          reject(
            new ImportError(
              fileName,
              error.code === 'ERR_WORKER_OUT_OF_MEMORY'
                ? 'reading it needs more memory than the reader may use; nothing was stored'
                : 'the reader stopped unexpectedly; nothing was stored',
            ),
          );
        }),
      );
      worker.once('exit', (code) =>
        settle(() =>
          reject(
            new ImportError(
              fileName,
              `the reader stopped unexpectedly (exit code ${code}); nothing was stored`,
            ),
          ),
        ),
      );
      // The bytes are copied, not transferred: the caller's buffer may be shared (Node
      // pools small Buffers) or still needed.
      const request: ParseRequest = { bytes, fileName };
      worker.postMessage(request);
    });
}
