// Reading a backup archive (./backup-archive.ts) from disk without holding it: the zip's
// table of contents (its central directory, at the end) is read first, so an archive cut
// short is known before anything else is looked at; then each entry is read a chunk at a
// time from where the table says it is. Only what the workbench writes is accepted:
// stored (uncompressed) entries, `backup.json` once and kept files named by their hash.
import type { FileHandle } from 'node:fs/promises';
import {
  ARCHIVE_RECORDS,
  CHUNK_BYTES,
  KEPT_ENTRY,
  MAX_ARCHIVE_BYTES,
  MAX_KEPT_BYTES,
  MAX_RECORDS_BYTES,
} from './backup-archive';

export interface ArchiveEntry {
  name: string;
  size: number;
  /** Where its bytes start in the file. */
  start: number;
}

/** A zip this workbench cannot take, and why (worded to follow "it …"). */
export class ArchiveProblem extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 200_000;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length)
    throw new ArchiveProblem('ends before the end of what it holds (it was cut short)');
  return buffer;
}

const view = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** The archive's entries, checked against its size and each other before any is read. */
export async function readArchiveDirectory(
  handle: FileHandle,
  fileSize: number,
): Promise<{ records: ArchiveEntry; kept: ArchiveEntry[] }> {
  if (fileSize > MAX_ARCHIVE_BYTES)
    throw new ArchiveProblem('is larger than 4 GiB, the most a backup archive may be');
  // The end record is the last 22 bytes, unless a comment follows it (up to 64 KiB).
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tail = await readAt(handle, fileSize - tailLength, tailLength);
  let at = -1;
  for (let i = tailLength - 22; i >= 0; i--)
    if (view(tail).getUint32(i, true) === EOCD) {
      at = i;
      break;
    }
  if (at < 0)
    throw new ArchiveProblem('has no zip table of contents at its end (it was cut short)');
  const end = view(tail.subarray(at));
  const count = end.getUint16(10, true);
  const directorySize = end.getUint32(12, true);
  const directoryStart = end.getUint32(16, true);
  if (count > MAX_ENTRIES) throw new ArchiveProblem(`holds more than ${MAX_ENTRIES} files`);
  if (directoryStart + directorySize > fileSize - tailLength + at)
    throw new ArchiveProblem('has a table of contents pointing past its end (it was cut short)');
  const directory = await readAt(handle, directoryStart, directorySize);
  const d = view(directory);
  const seen = new Set<string>();
  const kept: ArchiveEntry[] = [];
  let records: ArchiveEntry | undefined;
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > directorySize || d.getUint32(p, true) !== CENTRAL)
      throw new ArchiveProblem('has a damaged table of contents');
    const flags = d.getUint16(p + 8, true);
    const method = d.getUint16(p + 10, true);
    const compressed = d.getUint32(p + 20, true);
    const size = d.getUint32(p + 24, true);
    const nameLength = d.getUint16(p + 28, true);
    const skip = d.getUint16(p + 30, true) + d.getUint16(p + 32, true);
    const local = d.getUint32(p + 42, true);
    const name = new TextDecoder().decode(directory.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + skip;
    if (seen.has(name)) throw new ArchiveProblem(`holds "${name}" twice`);
    seen.add(name);
    const isRecords = name === ARCHIVE_RECORDS;
    if (!isRecords && !KEPT_ENTRY.test(name))
      throw new ArchiveProblem(`holds "${name}", which a backup archive does not have`);
    if (method !== 0 || compressed !== size || flags & 1)
      throw new ArchiveProblem(`holds "${name}" compressed or encrypted, as no backup is written`);
    const limit = isRecords ? MAX_RECORDS_BYTES : MAX_KEPT_BYTES;
    if (size > limit)
      throw new ArchiveProblem(`holds "${name}" of ${size} bytes, more than the ${limit} allowed`);
    const header = view(await readAt(handle, local, 30));
    if (header.getUint32(0, true) !== LOCAL)
      throw new ArchiveProblem(`has a damaged entry for "${name}"`);
    const start = local + 30 + header.getUint16(26, true) + header.getUint16(28, true);
    if (start + size > directoryStart)
      throw new ArchiveProblem(
        `has "${name}" running past the end of the files (it was cut short)`,
      );
    const entry = { name, size, start };
    if (isRecords) records = entry;
    else kept.push(entry);
  }
  if (!records)
    throw new ArchiveProblem(`has no ${ARCHIVE_RECORDS}, so it is not a backup archive`);
  return { records, kept };
}

/** An entry's bytes a chunk at a time (each chunk a fresh buffer the caller may keep). */
export async function* entryChunks(
  handle: FileHandle,
  entry: ArchiveEntry,
): AsyncGenerator<Uint8Array> {
  for (let done = 0; done < entry.size;) {
    const length = Math.min(CHUNK_BYTES, entry.size - done);
    yield await readAt(handle, entry.start + done, length);
    done += length;
  }
}

/** An entry read whole (the records: at most MAX_RECORDS_BYTES). */
export async function readEntry(handle: FileHandle, entry: ArchiveEntry): Promise<Uint8Array> {
  return readAt(handle, entry.start, entry.size);
}
