// The backup with originals as a zip written straight to disk: `backup.json` (the same
// records a JSON backup holds) and every kept file its documents name under
// `originals/<sha256>` or `media/<sha256>`, each streamed a chunk at a time and hashed as
// it goes, so neither the archive nor any one original is ever whole in memory. A JSON
// backup carries the originals as base64 and is read whole, so the 200 MB import limit
// applies to all of them together; this one has room for a real archive's originals.
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { Zip, ZipPassThrough } from 'fflate';
import { MAX_IMPORT_BYTES } from '../../shared/concepts/import-formats';
import { WorkbenchError } from '../../shared/errors';
import type { CoreContext } from '../context';
import { keptPath, type KeptFolder } from '../originals/kept-files';
import { fsyncDirectory, nodeFs, tempName, type StoreFs } from '../store/durable';
import { keptNamedBy } from './backup-originals';
import { exportJson } from './exporters';
import { snapshot } from './handlers';

/** The records, as a JSON backup holds them (without `kept`: the files are entries). */
export const ARCHIVE_RECORDS = 'backup.json';
/** A kept file's entry: its folder and its SHA-256, which restoring checks it against. */
export const KEPT_ENTRY = /^(originals|media)\/([0-9a-f]{64})$/;
/**
 * The largest archive: 4 GiB less a byte. The zip is written without Zip64 (fflate does
 * not write it), whose sizes and offsets are 32-bit; within that, the archive holds the
 * originals of hundreds of documents at the largest size an import takes.
 */
export const MAX_ARCHIVE_BYTES = 0xffff_ffff;
/** No kept file is larger than an import may be: nothing larger could have been kept. */
export const MAX_KEPT_BYTES = MAX_IMPORT_BYTES;
/** The records are parsed in memory, as a JSON backup is: the same limit. */
export const MAX_RECORDS_BYTES = MAX_IMPORT_BYTES;
/** How much of a file is held at a time while writing or reading an archive. */
export const CHUNK_BYTES = 1024 * 1024;

export interface WrittenArchive {
  bytes: number;
  documents: number;
  /** Kept files carried: originals and figure images. */
  originals: number;
  media: number;
}

/** Reads a kept file a chunk at a time, refusing it if its bytes do not hash to its name. */
async function streamKept(
  fs: StoreFs,
  dir: string,
  folder: KeptFolder,
  sha256: string,
  onChunk: (chunk: Uint8Array) => Promise<void>,
): Promise<void> {
  const path = keptPath(folder, sha256);
  const handle = await fs.open(join(dir, path), 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT')
      throw new WorkbenchError('NOT_FOUND', `${path} is not in this workspace.`);
    throw error;
  });
  const hash = createHash('sha256');
  try {
    for (;;) {
      const buffer = new Uint8Array(CHUNK_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      await onChunk(chunk);
    }
  } finally {
    await handle.close();
  }
  const actual = hash.digest('hex');
  if (actual !== sha256)
    throw new WorkbenchError(
      'CONFLICT',
      `${path} has changed since it was kept: its bytes now hash to ${actual}.`,
    );
}

/**
 * Writes the whole workspace and its kept files to `target` as a zip, durably (a temp
 * file beside it, fsynced, then renamed): a failure half-way leaves no half archive.
 */
export async function writeBackupArchive(
  ctx: CoreContext,
  target: string,
): Promise<WrittenArchive> {
  const { store } = ctx;
  const snap = await snapshot(ctx);
  const records = new TextEncoder().encode(exportJson(snap));
  const kept = keptNamedBy(snap.documents.map((d) => d.document));
  const temp = tempName(target);
  const out = await nodeFs.open(temp, 'wx', 0o644);
  let pending: Uint8Array[] = [];
  let failure: Error | null = null;
  let written = 0;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else pending.push(chunk);
  });
  // fflate calls back synchronously: what it made is written before the next chunk is read.
  const flush = async (): Promise<void> => {
    if (failure) throw failure;
    const chunks = pending;
    pending = [];
    for (const chunk of chunks) {
      written += chunk.byteLength;
      if (written > MAX_ARCHIVE_BYTES)
        throw new WorkbenchError(
          'INVALID_INPUT',
          `The backup with originals was not written: it would be larger than 4 GiB, the most a zip without Zip64 holds. Export the backup without the originals, or make an evidence bundle.`,
        );
      await out.write(chunk);
    }
  };
  const entry = (name: string): ZipPassThrough => {
    const file = new ZipPassThrough(name);
    zip.add(file);
    return file;
  };
  try {
    entry(ARCHIVE_RECORDS).push(records, true);
    await flush();
    for (const { folder, sha256 } of kept) {
      const file = entry(`${folder}/${sha256}`);
      await streamKept(store.fileSystem, store.dir, folder, sha256, async (chunk) => {
        file.push(chunk);
        await flush();
      });
      file.push(new Uint8Array(0), true);
      await flush();
    }
    zip.end();
    await flush();
    await out.sync();
    await out.close();
    await nodeFs.rename(temp, target);
  } catch (error) {
    await out.close().catch(() => undefined);
    await nodeFs.rm(temp, { force: true });
    const why = error instanceof Error ? error.message : String(error);
    if (error instanceof WorkbenchError && error.code === 'INVALID_INPUT') throw error;
    throw new WorkbenchError(
      error instanceof WorkbenchError ? error.code : 'WRITE_FAILED',
      `The backup with originals was not written: ${why} Export the backup without the originals, or restore the file first.`,
    );
  }
  await fsyncDirectory(nodeFs, dirname(target));
  return {
    bytes: written,
    documents: snap.documents.length,
    originals: kept.filter((k) => k.folder === 'originals').length,
    media: kept.filter((k) => k.folder === 'media').length,
  };
}
