// A lowdb adapter that makes every write durable and every read validated. lowdb's own
// JSONFile writes a temp file and renames it but never fsyncs, so a power cut can leave
// an empty file behind; this one fsyncs the temp file and the directory around the
// rename, and refuses to hand back data that does not match the schema.
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { describeIssues } from '../shared/issues';

/** A file that exists but cannot be used: it is reported and never overwritten. */
export class UnreadableFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${basename(file)}: ${reason}`);
  }
}

let tempCounter = 0;

export async function fsyncDirectory(dir: string): Promise<void> {
  // Directories cannot be opened for fsync on Windows; there the rename is as far as
  // durability goes.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeFileDurably(file: string, contents: string): Promise<void> {
  const temp = `${file}.${process.pid}.${++tempCounter}.tmp`;
  try {
    const handle = await open(temp, 'w', 0o644);
    try {
      await handle.writeFile(contents, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncDirectory(dirname(file));
}

export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T>,
    private readonly migrate: (raw: unknown) => unknown = (raw) => raw,
  ) {}

  async read(): Promise<T | null> {
    let raw: string;
    try {
      raw = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new UnreadableFileError(this.file, `it cannot be read (${(error as Error).message})`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      throw new UnreadableFileError(
        this.file,
        `it is not valid JSON (${(error as Error).message})`,
      );
    }
    let migrated: unknown;
    try {
      migrated = this.migrate(parsed);
    } catch (error) {
      throw new UnreadableFileError(this.file, (error as Error).message);
    }
    const result = this.schema.safeParse(migrated);
    if (!result.success)
      throw new UnreadableFileError(
        this.file,
        `it does not match the workspace format (${describeIssues(result.error.issues)})`,
      );
    return result.data;
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.file, `${JSON.stringify(data, null, 2)}\n`);
  }
}
