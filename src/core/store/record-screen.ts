// Looking at record files' bytes without parsing them, for a view that asks thousands of
// candidates one yes-or-no question first (does this text name the entity?). At 20,000
// documents find mentions read and checked ~4,600 record files for a name that ~60 hold:
// parsing and checking each cost most of its two seconds. Only a file the store vouches
// for (DocumentReads.vouchedRecords: the size and time of the file it last read and
// checked, or wrote) is looked at, and only while the open file still has that size and
// time; a file the screen turns away is not read, so it is neither checked nor reported
// here, as a document no view asks for is not (the background check and its first real
// reading still are). Anything else is read and checked as before.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { documentPath } from './layout';
import { nextTurn } from '../time-slices';

/** [record size, record time], as vouched for. */
export type VouchedStamp = readonly [number, number];

/**
 * Files read between two turns of the event loop: one is ~80 µs here, read synchronously
 * (through the thread pool, its open, stat, read and close cost about twice as much).
 */
const SLICE = 64;

/** Never a symbolic link, and a named pipe put in its place does not hang the open. */
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** The file's bytes, when it is a regular file of that size and time; else undefined (also read so by a worker counting mentions, ../mentions/count-records.ts). */
export function readVouched(file: string, stamp: VouchedStamp): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, FLAGS);
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    // Changed since it was vouched for (a commit, an edit by hand): read it as before.
    if (!stats.isFile() || stats.size !== stamp[0] || stats.mtimeMs !== stamp[1]) return undefined;
    const bytes = Buffer.allocUnsafe(stats.size);
    for (let at = 0; at < bytes.length;) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (!n) return undefined;
      at += n;
    }
    return bytes;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Of these documents, those whose vouched record file `test` turns away, given its bytes.
 * A document without a stamp, or whose file no longer has
 * it, is never among them.
 */
export async function screenRecords(
  dir: string,
  ids: readonly string[],
  stamps: ReadonlyMap<string, VouchedStamp>,
  test: (bytes: Buffer) => boolean,
): Promise<{ cannot: Set<string>; looked: number }> {
  const cannot = new Set<string>();
  let looked = 0;
  for (let at = 0; at < ids.length; at += SLICE) {
    if (at) await nextTurn();
    for (const id of ids.slice(at, at + SLICE)) {
      const stamp = stamps.get(id);
      const bytes = stamp && readVouched(join(dir, documentPath(id)), stamp);
      if (!bytes) continue;
      looked += 1;
      if (!test(bytes)) cannot.add(id);
    }
  }
  return { cannot, looked };
}
