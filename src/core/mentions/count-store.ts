// Mention counts kept between sessions, so an entity's dossier asked again (in this session
// or a later one) does not read the thousands of texts the index says may name it: at
// 20,000 documents reading and counting ~4,600 candidates was most of its 2 s. One file per
// name pattern under `.cache/mentions/`, holding for each document counted the count and
// what its text was then: the record file's size and time (the catalog's stamp), the
// text's revision and hash. A count is used only while all of these still hold, checked
// against the catalog and against the file on disk (DocumentReads.vouchedRecords), so a
// text changed by a command, an undo, a sync apply or behind the workbench's back is read
// and counted again. The file is a cache: one that is missing, damaged or of another
// version is ignored and written anew; nothing depends on it being written.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { DocumentMeta } from '../store/catalog';

export const COUNTS_FOLDER = '.cache/mentions';
const VERSION = 1;

/** [record size, record time, revision, text hash or '', count]. */
const Entry = z.tuple([
  z.number(),
  z.number(),
  z.number().int(),
  z.string(),
  z.number().int().nonnegative(),
]);
type Entry = z.infer<typeof Entry>;
const CountsFile = z.strictObject({
  version: z.literal(VERSION),
  pattern: z.string(),
  entries: z.record(z.string(), Entry),
});

/** How many patterns' counts stay in memory (each is ~100 bytes a document counted). */
const PATTERNS_KEPT = 8;

export type RecordStamp = readonly [number, number];

/** What a count is valid for: the document as the catalog and the disk say it is now. */
const fits = (entry: Entry, stamp: RecordStamp, meta: DocumentMeta): boolean =>
  entry[0] === stamp[0] &&
  entry[1] === stamp[1] &&
  entry[2] === meta.revision &&
  entry[3] === (meta.textHash ?? '');

/** One pattern's kept counts, loaded. */
export interface KeptCounts {
  /** The count kept for this document's text, when it is still the text counted. */
  known(id: string, stamp: RecordStamp | undefined, meta: DocumentMeta): number | undefined;
  /** Keeps a count made from a text read while its record file had this stamp. */
  record(id: string, stamp: RecordStamp, meta: DocumentMeta, count: number): void;
}

export class MentionCounts {
  /** Pattern → document id → entry, the most recently used last. */
  private readonly patterns = new Map<string, Map<string, Entry>>();
  /** Writes one after another, so an older set never lands over a newer one. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dir: string,
    /** False while the workspace is read-only: nothing is written into it then. */
    private readonly writable: () => boolean,
  ) {}

  private fileOf(pattern: string): string {
    const name = createHash('sha256').update(pattern).digest('hex').slice(0, 32);
    return join(this.dir, COUNTS_FOLDER, `${name}.json`);
  }

  /** The counts kept for a pattern, read from its file the first time they are asked. */
  async load(pattern: string): Promise<KeptCounts> {
    let entries = this.patterns.get(pattern);
    if (!entries) {
      const kept = await readKept(this.fileOf(pattern), CountsFile);
      entries = new Map(kept?.pattern === pattern ? Object.entries(kept.entries) : []);
    }
    this.patterns.delete(pattern);
    this.patterns.set(pattern, entries);
    for (const old of this.patterns.keys()) {
      if (this.patterns.size <= PATTERNS_KEPT) break;
      this.patterns.delete(old);
    }
    const held = entries;
    return {
      known: (id, stamp, meta) => {
        const entry = held.get(id);
        return entry && stamp && fits(entry, stamp, meta) ? entry[4] : undefined;
      },
      record: (id, stamp, meta, count) =>
        void held.set(id, [stamp[0], stamp[1], meta.revision, meta.textHash ?? '', count]),
    };
  }

  /**
   * Writes a pattern's counts (temp file, rename); a failure leaves the old file or none.
   * Documents no longer in the workspace (`alive` false) are left out of it.
   */
  save(pattern: string, alive: (id: string) => boolean): Promise<void> {
    this.writing = this.writing.then(async () => {
      const entries = this.patterns.get(pattern);
      if (!entries || !this.writable()) return;
      for (const id of entries.keys()) if (!alive(id)) entries.delete(id);
      await writeKept(this.fileOf(pattern), {
        version: VERSION,
        pattern,
        entries: Object.fromEntries(entries),
      });
    });
    return this.writing;
  }

  /** Resolves once every write asked for so far is done (tests, closing). */
  settled(): Promise<void> {
    return this.writing;
  }
}

/** A kept file as its schema reads it; undefined when missing, damaged or of another version. */
export async function readKept<T>(file: string, schema: z.ZodType<T>): Promise<T | undefined> {
  try {
    const parsed = schema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a kept file (temp file, rename): a failure leaves the old file or none. */
export async function writeKept(file: string, value: unknown): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(`${file}.tmp`, JSON.stringify(value));
    await rename(`${file}.tmp`, file);
  } catch {
    // A cache that cannot be written is computed again next time.
  }
}

/**
 * One kept cache of a kind per open store, made on first use: given the workspace folder
 * and whether the store may write (a read-only workspace keeps nothing).
 */
export function keptPerStore<T>(
  make: (dir: string, writable: () => boolean) => T,
): (store: { readonly dir: string; readonly readOnly: boolean }) => T {
  const kept = new WeakMap<object, T>();
  return (store) => {
    let value = kept.get(store);
    if (!value) {
      value = make(store.dir, () => !store.readOnly);
      kept.set(store, value);
    }
    return value;
  };
}

/** The open store's kept counts. */
export const mentionCountsOf = keptPerStore((dir, writable) => new MentionCounts(dir, writable));
