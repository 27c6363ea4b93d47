// The custody log: an append-only, hash-chained record of every change to a workspace's
// records (`custody.log`, one JSON line per change). Each line says what changed (every
// file, with the SHA-256 of its bytes before and after, and every record in it, with the
// SHA-256 of the record before and after), when, by whom and with which tool, and carries
// the SHA-256 of the line before it, so removing, reordering or editing a line breaks the
// chain. A line is written and synced before the files it describes (a write-ahead log):
// a change that then fails to land is followed by a `void` line naming it, also when the
// process died in between (the next open finds the files as they were and says so).
import { z } from 'zod';
import { dirname } from 'node:path';
import { sha256 } from '../hash';
import { fsyncDirectory, type StoreFs } from './durable';

export const CUSTODY_FILE = 'custody.log';
/** What the first line's `prev` holds: there is no line before it. */
export const GENESIS = `sha256:${'0'.repeat(64)}`;

const Hash = z.string().regex(/^sha256:[0-9a-f]{64}$/);
const RecordChange = z.strictObject({
  id: z.string().min(1).max(200),
  before: Hash.nullable(),
  after: Hash.nullable(),
});
const FileChange = z.strictObject({
  file: z.string().min(1).max(300),
  before: Hash.nullable(),
  after: Hash.nullable(),
  records: z.array(RecordChange),
});
const Entry = z.strictObject({
  seq: z.number().int().positive(),
  at: z.iso.datetime(),
  by: z.string().max(200),
  tool: z.string().max(200),
  action: z.string().max(300),
  changes: z.array(FileChange),
  prev: Hash,
});
const Void = z.strictObject({
  seq: z.number().int().positive(),
  at: z.iso.datetime(),
  void: z.number().int().positive(),
  reason: z.string().max(1000),
  prev: Hash,
});
export const CustodyLine = z.union([Entry, Void]);

export type RecordChange = z.infer<typeof RecordChange>;
export type CustodyFileChange = z.infer<typeof FileChange>;
export type CustodyEntry = z.infer<typeof Entry>;
export type CustodyVoid = z.infer<typeof Void>;
export type CustodyLine = z.infer<typeof CustodyLine>;

export const isVoid = (line: CustodyLine): line is CustodyVoid => 'void' in line;

/** Who changes what: the member's name and the tool with its version and host. */
export interface Author {
  by: string;
  tool: string;
}

/** The log as read: its lines, where the chain breaks if it does, and where it ends. */
export interface CustodyRead {
  lines: CustodyLine[];
  /** Why the log cannot be trusted from some line on, in words; none when it is whole. */
  problems: string[];
  lastSeq: number;
  lastHash: string;
}

/**
 * Reads and checks a log's text: each line parses, follows its predecessor, and is next.
 * `from`: the line the text follows (when reading only the end of the log).
 */
export function readCustody(text: string, from = { seq: 0, hash: GENESIS }): CustodyRead {
  const lines: CustodyLine[] = [];
  const problems: string[] = [];
  let lastHash = from.hash;
  let lastSeq = from.seq;
  const raw = text.split('\n');
  if (raw.at(-1) === '') raw.pop();
  else if (raw.length) problems.push(`line ${raw.length} is cut off (no line end)`);
  raw.forEach((source, i) => {
    if (problems.length) return;
    let parsed: CustodyLine;
    try {
      const result = CustodyLine.safeParse(JSON.parse(source));
      if (!result.success) throw new Error('it is not a custody entry');
      parsed = result.data;
    } catch (error) {
      problems.push(`line ${i + 1} is not a custody entry (${(error as Error).message})`);
      return;
    }
    if (parsed.prev !== lastHash) problems.push(`line ${i + 1} does not follow line ${i}`);
    else if (parsed.seq !== lastSeq + 1) problems.push(`line ${i + 1} is number ${parsed.seq}`);
    else {
      lines.push(parsed);
      lastSeq = parsed.seq;
      lastHash = sha256(source);
    }
  });
  return { lines, problems, lastSeq, lastHash };
}

/** What the log says each file holds now: the last entry that wrote it, unless voided. */
export function lastWords(lines: readonly CustodyLine[]): Map<string, string | null> {
  const voided = new Set(lines.filter(isVoid).map((l) => l.void));
  const words = new Map<string, string | null>();
  for (const line of lines) {
    if (isVoid(line) || voided.has(line.seq)) continue;
    for (const change of line.changes) words.set(change.file, change.after);
  }
  return words;
}

/** The log of one open workspace: appends one synced line per change, chained. */
/** A line of the log and where the next begins: what a manifest says it stands for. */
export interface LogPosition {
  seq: number;
  hash: string;
  offset: number;
}

export class CustodyLog {
  private constructor(
    private readonly fs: StoreFs,
    private readonly path: string,
    private lastSeq: number,
    private lastHash: string,
    /** The log's length in bytes. */
    private size: number,
  ) {}

  /**
   * Opens the log for appending and reads it: all of it, or only the lines after `from`
   * (null when the log does not go on from there: the caller reads it all instead).
   */
  static async open(fs: StoreFs, path: string): Promise<{ log: CustodyLog; read: CustodyRead }>;
  static async open(
    fs: StoreFs,
    path: string,
    from: LogPosition,
  ): Promise<{ log: CustodyLog; read: CustodyRead } | null>;
  static async open(
    fs: StoreFs,
    path: string,
    from?: LogPosition,
  ): Promise<{ log: CustodyLog; read: CustodyRead } | null> {
    let bytes: Buffer = Buffer.alloc(0);
    try {
      bytes = await fs.readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (from && (bytes.length < from.offset || (from.offset > 0 && bytes[from.offset - 1] !== 10)))
      return null;
    const text = bytes.subarray(from?.offset ?? 0).toString('utf8');
    const read = readCustody(text, from);
    if (from && read.problems.length && read.lines.length === 0 && text !== '') return null;
    return { log: new CustodyLog(fs, path, read.lastSeq, read.lastHash, bytes.length), read };
  }

  get seq(): number {
    return this.lastSeq;
  }

  /** Where the log stands: after its last line. */
  position(): LogPosition {
    return { seq: this.lastSeq, hash: this.lastHash, offset: this.size };
  }

  /** Appends a line and syncs it to disk before returning it. */
  async append(
    line: Omit<CustodyEntry, 'seq' | 'prev'> | Omit<CustodyVoid, 'seq' | 'prev'>,
  ): Promise<CustodyLine> {
    const full: CustodyLine = { seq: this.lastSeq + 1, ...line, prev: this.lastHash };
    const source = JSON.stringify(full);
    const handle = await this.fs.open(this.path, 'a', 0o644);
    const bytes = Buffer.from(`${source}\n`);
    try {
      await handle.write(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The first line creates the file: its name must be durable too.
    if (full.seq === 1) await fsyncDirectory(this.fs, dirname(this.path));
    this.lastSeq = full.seq;
    this.lastHash = sha256(source);
    this.size += bytes.length;
    return full;
  }
}
