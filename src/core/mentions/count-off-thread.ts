// Counting mentions in many record files off the thread that serves the window: the
// records are dealt to a few search workers (./count-records.ts is their task), which
// read, check and count them side by side. A worker that fails or exits answers nothing,
// which is no error: what is not counted there is read and counted on this thread as
// before.
import { availableParallelism } from 'node:os';
import { workerTask } from '../worker-task';
import type {
  CountRecordsReply,
  CountRecordsRequest,
  RecordCount,
  RecordToCount,
} from './count-records';

/** Where the built search worker is, and how many records are worth starting workers for. */
export interface OffThread {
  worker: string | URL;
  /**
   * Fewer records are counted on this thread: starting a worker (loading its bundle)
   * costs ~50 ms, about what counting ~250 records here does.
   */
  minimum: number;
}

export const OFF_THREAD_MINIMUM = 250;

/** At most two: the machines this runs on have few cores, and the window needs one. */
const WORKERS = Math.max(1, Math.min(2, availableParallelism()));

/** One worker's counts; none when it fails (what it leaves is counted on this thread). */
function runOne(
  file: string | URL,
  request: CountRecordsRequest,
): Promise<readonly [string, RecordCount][]> {
  return workerTask<CountRecordsReply>(file, request).then(
    (reply) => (reply.ok ? reply.counts : []),
    () => [],
  );
}

/** The records' counts, by document id, for those the workers read cleanly. */
export async function countOffThread(
  file: string | URL,
  request: CountRecordsRequest['countRecords'],
): Promise<Map<string, RecordCount>> {
  const parts: RecordToCount[][] = Array.from({ length: WORKERS }, () => []);
  // Dealt in turn, so each worker gets as many of the large and the small.
  request.records.forEach((record, i) => parts[i % WORKERS]!.push(record));
  const answers = await Promise.all(
    parts
      .filter((records) => records.length)
      .map((records) => runOne(file, { countRecords: { ...request, records } })),
  );
  return new Map(answers.flat());
}
