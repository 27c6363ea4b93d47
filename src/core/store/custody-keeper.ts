// Keeps one open workspace's custody log: starts it (a workspace that has none gets a first
// line naming every file as it is; a line cut off by a crash, never synced and so never
// acted on, is taken off; a last change whose files never landed is voided), writes a
// line for each commit before its files, and remembers what the log says each file holds,
// which is the next line's "before".
import { join } from 'node:path';
import type { FileProblem } from '../../shared/methods/workspace';
import { sha256 } from '../hash';
import { PARALLEL_READS } from '../limited';
import {
  CUSTODY_FILE,
  CustodyLog,
  isVoid,
  lastWords,
  type Author,
  type CustodyFileChange,
  type CustodyLine,
  type CustodyRead,
  type LogPosition,
} from './custody';
import { custodyChanges } from './custody-entry';
import type { StoreFs } from './durable';
import type { FileChange } from './journal';
import type { Op } from './tx';

/** The record files of a workspace as they are on disk, by path inside it. */
async function recordFiles(fs: StoreFs, dir: string): Promise<string[]> {
  const paths = ['workspace.json'];
  for (const folder of ['documents', 'highlights', 'trash']) {
    const names = await fs.readdir(join(dir, folder)).catch(() => [] as string[]);
    for (const name of names.sort())
      if (/^[A-Za-z0-9_-]{1,100}\.json$/.test(name)) paths.push(`${folder}/${name}`);
  }
  return paths;
}

async function hashOnDisk(fs: StoreFs, dir: string, path: string): Promise<string | null> {
  try {
    return sha256(await fs.readFile(join(dir, path)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Takes off a last line that a crash cut short (it was never synced, so nothing followed it). */
async function dropCutLine(fs: StoreFs, path: string, text: string): Promise<string> {
  if (text === '' || text.endsWith('\n')) return text;
  const keep = text.slice(0, text.lastIndexOf('\n') + 1);
  const handle = await fs.open(path, 'r+');
  try {
    await handle.truncate(Buffer.byteLength(keep));
    await handle.sync();
  } finally {
    await handle.close();
  }
  return keep;
}

export class CustodyKeeper {
  private constructor(
    private readonly log: CustodyLog,
    private readonly author: Author,
    /** What the log says each file holds now (null: the file is gone). */
    private readonly words: Map<string, string | null>,
  ) {}

  /**
   * Opens (or starts) the log of a workspace this process holds for writing, after any
   * journal was finished. Problems found in the log are returned for the user; the log
   * goes on from its last line either way.
   */
  static async start(
    fs: StoreFs,
    dir: string,
    author: Author,
    /** Where a saved manifest says the log stood, and what it said of each file then. */
    from?: { position: LogPosition; files: Record<string, string | null> },
  ): Promise<{
    keeper: CustodyKeeper;
    problems: FileProblem[];
    /** The lines after `from` (every line, when the log was read whole). */
    tail: CustodyLine[];
    /** False when the log did not go on from `from`, so it was read whole. */
    continued: boolean;
  }> {
    const path = join(dir, CUSTODY_FILE);
    let text = '';
    try {
      text = await fs.readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    await dropCutLine(fs, path, text);
    const tailOnly = from ? await CustodyLog.open(fs, path, from.position) : null;
    const { log, read } = tailOnly ?? (await CustodyLog.open(fs, path));
    const words = tailOnly
      ? new Map([...Object.entries(from!.files), ...lastWords(read.lines)])
      : lastWords(read.lines);
    const keeper = new CustodyKeeper(log, author, words);
    const problems: FileProblem[] = read.problems.map((reason) => ({
      file: CUSTODY_FILE,
      reason: `${reason}: the custody log cannot vouch for changes from there on`,
      repair: 'none: keep the file as it is for whoever checks it; new changes are logged after it',
    }));
    if (read.lines.length === 0 && !tailOnly) await keeper.startFrom(fs, dir);
    else await keeper.finishLast(fs, dir, read);
    return { keeper, problems, tail: read.lines, continued: tailOnly !== null };
  }

  /** Where the log stands, and what it says each file holds: what a manifest saves. */
  checkpoint(): { position: LogPosition; files: Record<string, string | null> } {
    return { position: this.log.position(), files: Object.fromEntries(this.words) };
  }

  /** The first line of a workspace that had no log: every file, as it is. */
  private async startFrom(fs: StoreFs, dir: string): Promise<void> {
    const changes = [];
    for (const file of await recordFiles(fs, dir)) {
      const after = await hashOnDisk(fs, dir, file);
      if (after) changes.push({ file, before: null, after, records: [] });
    }
    if (!changes.length) return;
    await this.append('Custody log started: the workspace’s files as they were', changes);
  }

  /** Voids the last change if none of its files landed (the process stopped before). */
  private async finishLast(fs: StoreFs, dir: string, read: CustodyRead): Promise<void> {
    const last = read.lines.at(-1);
    if (!last || isVoid(last) || read.problems.length) return;
    // Voided only if every file still holds what it held before. A few files are hashed at
    // a time, and the first that does not settles it: the line that started the log names
    // every file (40,000 at 20,000 documents), and hashing them all at once ran out of
    // file handles.
    for (let at = 0; at < last.changes.length; at += PARALLEL_READS) {
      const batch = last.changes.slice(at, at + PARALLEL_READS);
      const actual = await Promise.all(batch.map((c) => hashOnDisk(fs, dir, c.file)));
      if (batch.some((c, i) => actual[i] !== c.before)) return;
    }
    if (last.changes.every((c) => c.after === c.before)) return;
    await this.void(last.seq, 'the workbench stopped before this change’s files were written');
    last.changes.forEach((c) => this.words.set(c.file, c.before));
  }

  private async append(
    action: string,
    changes: Awaited<ReturnType<typeof custodyChanges>>,
  ): Promise<{ seq: number; changes: CustodyFileChange[] }> {
    const line = await this.log.append({
      at: new Date().toISOString(),
      ...this.author,
      action,
      changes,
    });
    for (const change of changes) this.words.set(change.file, change.after);
    return { seq: line.seq, changes };
  }

  /**
   * Writes the line for a commit, before its files: returns its number (to void it if the
   * files then cannot be written) and what each file holds after it.
   */
  record(
    action: string,
    changes: readonly FileChange[],
    ops: readonly Op[],
  ): Promise<{ seq: number; changes: CustodyFileChange[] }> {
    return custodyChanges(changes, ops, this.words).then((c) => this.append(action, c));
  }

  /** Says that change `seq` did not happen, and why; what the log says of its files goes back. */
  async void(
    seq: number,
    reason: string,
    changes?: readonly FileChange[],
    before?: Map<string, string | null>,
  ): Promise<void> {
    await this.log.append({ at: new Date().toISOString(), void: seq, reason });
    if (changes && before)
      for (const c of changes) this.words.set(c.path, before.get(c.path) ?? null);
  }

  /** What the log says each of these files held before a commit (to void it). */
  before(changes: readonly FileChange[]): Map<string, string | null> {
    return new Map(changes.map((c) => [c.path, this.words.get(c.path) ?? null]));
  }
}
