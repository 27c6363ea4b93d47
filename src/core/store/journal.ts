// Atomic commits across several files. The new contents of every file a command touches
// go into one journal file, written durably, before any of them is touched; then each
// file is written; then the journal is removed. A crash before the journal is complete
// leaves no journal (it is renamed into place whole) and no file changed; a crash after
// it leaves a journal that the next opener applies again, so a command is all or nothing.
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { eachLimited } from '../limited';
import {
  fsyncDirectory,
  removeDurably,
  writeFileDurably,
  writeTemp,
  type StoreFs,
} from './durable';
import { writeRecord } from './record-file';

export const JOURNAL_FILE = '.journal.json';

/** Writing needs no schema (only reading validates). */
const ANY_RECORD = z.custom<object>(() => true);

/**
 * One file's new contents, by path inside the workspace; null removes the file. `record`
 * is the record the content serialises (every record file's is): a file written alone is
 * written through its lowdb database; the journal keeps the bytes.
 */
export interface FileChange {
  path: string;
  content: string | null;
  record?: object;
}

/**
 * The only files a commit may write. The journal is read back from disk, where anyone
 * could have edited it: a path outside these (`../`, an absolute path, another folder) is
 * refused rather than written.
 */
const WRITABLE = /^(?:workspace\.json|(?:documents|highlights|trash)\/[A-Za-z0-9_-]{1,100}\.json)$/;

export function assertWritablePath(path: string): void {
  if (!WRITABLE.test(path)) throw new Error(`refusing to write "${path}": not a workspace file`);
}

async function apply(fs: StoreFs, dir: string, change: FileChange): Promise<void> {
  assertWritablePath(change.path);
  const file = join(dir, change.path);
  if (change.content === null) return removeDurably(fs, file);
  await fs.mkdir(dirname(file), { recursive: true });
  if (change.record) await writeRecord(fs, file, ANY_RECORD, change.record);
  else await writeFileDurably(fs, file, change.content);
}

/**
 * A commit that failed after its journal was durable: some files may hold the new
 * contents. Finishing the journal (now, or at the next open) completes it.
 */
export class PartialCommitError extends Error {
  constructor(cause: unknown) {
    super(`a change was only partly written (${(cause as Error).message})`, { cause });
  }
}

/**
 * Makes a commit durable and returns what is left to put its files in place, or null when
 * nothing is. One file is simply written in place (atomic on its own). Several go into the
 * journal first: once it is written the change survives a crash (the next open finishes
 * it), so the command may be acknowledged while the function returned writes the files and
 * removes the journal. That function throws PartialCommitError if it fails.
 */
export async function beginCommit(
  fs: StoreFs,
  dir: string,
  changes: readonly FileChange[],
): Promise<(() => Promise<void>) | null> {
  for (const change of changes) assertWritablePath(change.path);
  if (changes.length === 1) {
    await apply(fs, dir, changes[0]!);
    return null;
  }
  const journal = join(dir, JOURNAL_FILE);
  const entries = changes.map(({ path, content }) => ({ path, content }));
  await writeFileDurably(fs, journal, JSON.stringify({ journal: 1, changes: entries }));
  return async () => {
    try {
      await applyAll(fs, dir, changes);
      await removeDurably(fs, journal);
    } catch (error) {
      throw new PartialCommitError(error);
    }
  };
}

/** Writes every change, all or nothing even if the process dies part way. */
export async function commitFiles(
  fs: StoreFs,
  dir: string,
  changes: readonly FileChange[],
): Promise<void> {
  const finish = await beginCommit(fs, dir, changes);
  await finish?.();
}

/** How many files are written and fsynced at once: the disk can flush them together. */
const PARALLEL_WRITES = 8;

/**
 * Applies many changes with one fsync per file and one per folder (not two per file):
 * every new file is written and synced to a temp file, several at a time so their flushes
 * overlap, then all are renamed into place, then each folder is synced once. The journal
 * is already durable, so a crash anywhere in here is finished by the next open.
 */
async function applyAll(fs: StoreFs, dir: string, changes: readonly FileChange[]): Promise<void> {
  const folders = new Set<string>();
  for (const change of changes) folders.add(dirname(join(dir, change.path)));
  const writes = changes.filter((c) => c.content !== null);
  const staged: [temp: string, file: string][] = [];
  try {
    for (const folder of new Set(writes.map((c) => dirname(join(dir, c.path)))))
      await fs.mkdir(folder, { recursive: true });
    await eachLimited(writes, PARALLEL_WRITES, async (change) => {
      const file = join(dir, change.path);
      staged.push([await writeTemp(fs, file, change.content!), file]);
    });
    await eachLimited(staged, PARALLEL_WRITES, ([temp, file]) => fs.rename(temp, file));
  } catch (error) {
    for (const [temp] of staged) await fs.rm(temp, { force: true });
    throw error;
  }
  for (const change of changes)
    if (change.content === null) await fs.rm(join(dir, change.path), { force: true });
  for (const folder of folders) await fsyncDirectory(fs, folder);
}

/** The changes of an interrupted commit, or null when there is none. */
export async function readJournal(fs: StoreFs, dir: string): Promise<FileChange[] | null> {
  let raw: string;
  try {
    raw = await fs.readFile(join(dir, JOURNAL_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const data = JSON.parse(raw) as { journal?: unknown; changes?: unknown };
  if (data.journal !== 1 || !Array.isArray(data.changes)) {
    throw new Error(`${JOURNAL_FILE} is not a journal this version can finish`);
  }
  return data.changes.map((c: unknown) => {
    const { path, content } = (c ?? {}) as Partial<FileChange>;
    if (typeof path !== 'string' || (typeof content !== 'string' && content !== null))
      throw new Error(`${JOURNAL_FILE} holds a malformed change`);
    assertWritablePath(path);
    return { path, content };
  });
}

/** Finishes an interrupted commit (its journal is complete, or it would not exist). */
export async function recoverJournal(fs: StoreFs, dir: string): Promise<number> {
  const changes = await readJournal(fs, dir);
  if (!changes) return 0;
  await applyAll(fs, dir, changes);
  await removeDurably(fs, join(dir, JOURNAL_FILE));
  return changes.length;
}
