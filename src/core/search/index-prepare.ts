// What the search index starts from when a workspace opens, prepared while the workspace
// itself loads: the saved cache if it checks out, or else the index built afresh from the
// files by worker threads, in parts (one per core, two at most), off the thread that
// serves the window. Without a worker (tests, a failed worker) the opener indexes in
// slices on its own thread instead. Whatever is prepared is checked against the loaded
// workspace record by record before it is used (SearchIndex.adopt).
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { readCacheFile } from './cache-read';
import type { IndexPartReply, IndexPartRequest } from './index-part';
import { cachePath, checkCache, ownManifest, type CheckedCache } from './search-cache';
import { DOCUMENT_NAME } from '../store/layout';
import { nextTurn } from '../time-slices';
import { workerTask } from '../worker-task';

export type PreparedIndex =
  | { kind: 'cache'; bytes: Uint8Array; checked: CheckedCache }
  /** Built by the workers because the cache could not be used, for `reason`. */
  | { kind: 'parts'; parts: { bytes: Uint8Array; checked: CheckedCache }[]; reason: string }
  | { kind: 'none'; reason: string };

export interface PrepareJob {
  result: Promise<PreparedIndex>;
  /** Stops the workers (the workspace is closing); the result is then 'none'. */
  cancel(): void;
}

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export interface PrepareOptions {
  /**
   * Why the saved cache is not read: it predates what is to be indexed (many documents
   * arrived in one commit, see bulk-arrival.ts), so the workers build afresh.
   */
  fresh?: string;
  /** Waited for before any file is read: the files of the commit being indexed land. */
  before?: () => Promise<void>;
  /**
   * Checking a saved cache on this thread waits for it (the workspace's own open), so the
   * window is usable first; reading the file and the workers' build do not wait.
   */
  opened?: Promise<unknown>;
}

export function prepareIndex(
  dir: string,
  workerFile?: string | URL,
  options: PrepareOptions = {},
): PrepareJob {
  const abort = new AbortController();
  const result = (async (): Promise<PreparedIndex> => {
    await options.before?.();
    let reason: string;
    if (options.fresh !== undefined) reason = options.fresh;
    else
      try {
        const { bytes, digest } = await readCacheFile(cachePath(dir), workerFile, abort.signal);
        await options.opened;
        // And a turn later, so the calls the open let in (the window's list) answer first.
        if (options.opened) await nextTurn();
        try {
          // Without the worker's checksum, it is computed off this thread while the units
          // are read; it starts here, not at the read, because handing 150 MB to the thread
          // pool copies it on this thread, which the window's own open needs first.
          return { kind: 'cache', bytes, checked: await checkCache(bytes, nextTurn, digest) };
        } catch (error) {
          reason = message(error);
        }
      } catch (error) {
        reason = (error as NodeJS.ErrnoException).code ?? message(error);
      }
    if (!workerFile) return { kind: 'none', reason };
    try {
      const parts = await partition(dir, Math.min(2, Math.max(1, availableParallelism())));
      const built = await Promise.all(
        parts.map((documentIds, i) =>
          runWorker(workerFile, { dir, documentIds, withWorkspace: i === 0 }, abort.signal),
        ),
      );
      return { kind: 'parts', parts: built, reason };
    } catch (error) {
      abort.abort();
      return {
        kind: 'none',
        reason: `${reason}; building it in workers failed (${message(error)})`,
      };
    }
  })();
  return { result, cancel: () => abort.abort() };
}

/** The documents split into `count` parts of about the same size on disk. */
async function partition(dir: string, count: number): Promise<string[][]> {
  const sized: { id: string; size: number }[] = [];
  let names: string[] = [];
  try {
    names = await readdir(join(dir, 'documents'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  for (const name of names) {
    const id = DOCUMENT_NAME.exec(name)?.[1];
    if (!id) continue;
    const size = await stat(join(dir, 'documents', name)).then(
      (s) => s.size,
      () => 0,
    );
    sized.push({ id, size });
  }
  sized.sort((a, b) => b.size - a.size);
  const parts = Array.from({ length: count }, () => ({ ids: [] as string[], size: 0 }));
  for (const doc of sized) {
    const lightest = parts.reduce((a, b) => (b.size < a.size ? b : a));
    lightest.ids.push(doc.id);
    lightest.size += doc.size;
  }
  return parts.map((p) => p.ids);
}

/**
 * One part built by a worker: its bytes, and the manifest in them (written by this
 * program's own code in this process, so read back without the checks a file needs).
 */
async function runWorker(
  workerFile: string | URL,
  request: IndexPartRequest,
  signal: AbortSignal,
): Promise<{ bytes: Uint8Array; checked: CheckedCache }> {
  const reply = await workerTask<IndexPartReply>(workerFile, request, signal);
  if (!reply.ok) throw new Error(reply.detail);
  return { bytes: reply.bytes, checked: await ownManifest(reply.bytes, nextTurn) };
}
