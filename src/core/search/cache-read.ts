// Reading the saved search index cache with its checksum. With the host's search worker,
// the worker reads the file, takes its SHA-1 (node:crypto, on that thread) and hands the
// bytes over without copying them; otherwise it is read here and the checksum is taken by
// WebCrypto on the thread pool, which first copies the 150 MB on this thread (about
// 100 ms at once at 20,000 documents, the longest stall of a warm open). The checksum
// is judged where it always is, against the file's own, before anything read is used.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { HEADER } from './search-cache';
import { workerTask } from '../worker-task';

export interface CacheReadRequest {
  readCache: string;
}

export type CacheReadReply =
  | { ok: true; bytes: Uint8Array; digest: Uint8Array }
  | { ok: false; code: string | undefined; detail: string };

export interface CacheRead {
  bytes: Uint8Array;
  /** The SHA-1 of what follows the header, when taken already (by the worker). */
  digest?: Promise<Buffer>;
}

/** In the worker: the file and its checksum; the bytes in a buffer of their own, to hand over. */
export async function readCacheHashed(path: string): Promise<CacheReadReply> {
  try {
    const read = await readFile(path);
    const bytes =
      read.byteOffset === 0 && read.buffer.byteLength === read.length ? read : new Uint8Array(read);
    const digest =
      bytes.length < HEADER
        ? new Uint8Array(20)
        : createHash('sha1').update(bytes.subarray(HEADER)).digest();
    return { ok: true, bytes, digest };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { ok: false, code: e.code, detail: e.message };
  }
}

/** An error carrying the file system's code, as a failed read here would. */
function readError(reply: Extract<CacheReadReply, { ok: false }>): Error {
  return Object.assign(new Error(reply.detail), { code: reply.code });
}

/** The cache file read by a worker; rejects as a read here would (ENOENT), or if the worker fails. */
async function readInWorker(
  workerFile: string | URL,
  path: string,
  signal: AbortSignal,
): Promise<CacheRead> {
  const request: CacheReadRequest = { readCache: path };
  const reply = await workerTask<CacheReadReply>(workerFile, request, signal);
  if (!reply.ok) throw Object.assign(readError(reply), { fromWorker: true });
  return { bytes: reply.bytes, digest: Promise.resolve(Buffer.from(reply.digest)) };
}

/**
 * The cache file, by the worker when there is one; read here when there is none or it
 * failed (a file that cannot be read fails the same way here).
 */
export async function readCacheFile(
  path: string,
  workerFile: string | URL | undefined,
  signal: AbortSignal,
): Promise<CacheRead> {
  if (workerFile)
    try {
      return await readInWorker(workerFile, path, signal);
    } catch (error) {
      if ((error as { fromWorker?: boolean }).fromWorker) throw error;
      if (signal.aborted) throw error;
    }
  return { bytes: await readFile(path) };
}
