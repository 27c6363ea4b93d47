// Every record file of a workspace (workspace.json, a document, its highlights, the
// manifest) is a lowdb database: a `Low` over this adapter, which reads strictly (a regular
// file, valid UTF-8, JSON, migrated, known fields only; see read-file.ts) and writes
// durably (temp file, fsync, rename, fsync of the folder; see durable.ts). A commit over
// several files stages the adapter's bytes through the journal instead (journal.ts), so
// the adapter is still the one place that turns records into bytes and back.
import { Low, type Adapter } from 'lowdb';
import { writeFileDurably, type StoreFs } from './durable';
import { readWorkspaceFile, type FileStamp, type ReadResult, type SchemaFor } from './read-file';

/** The bytes of a record file: pretty JSON, one trailing newline (diffable, hand-readable). */
export const serializeRecord = (data: unknown): string => `${JSON.stringify(data, null, 2)}\n`;

/** A read that failed for a reason (not merely a missing file), with what the reader found. */
export class RecordReadError extends Error {
  constructor(
    readonly file: string,
    readonly result: Extract<ReadResult<unknown>, { ok: false; missing?: false }>,
  ) {
    super(`${file}: ${result.reason}`);
  }
}

export class DurableJsonAdapter<T> implements Adapter<T> {
  /** The schema version the last read found on disk, before migration. */
  version: number | undefined;
  /** The file's size and modification time at the last read. */
  stamp: FileStamp | undefined;

  constructor(
    private readonly fs: StoreFs,
    readonly file: string,
    private readonly schema: SchemaFor<T>,
    /** How the record becomes bytes: pretty JSON, or compact for a large derived file. */
    private readonly serialize: (data: T) => string = serializeRecord,
  ) {}

  /** The record, or null when the file does not exist; throws RecordReadError otherwise. */
  async read(): Promise<T | null> {
    const result = await readWorkspaceFile(this.fs, this.file, this.schema);
    if (result.ok) {
      this.version = result.version;
      this.stamp = result.stamp;
      return result.data;
    }
    if (result.missing) return null;
    throw new RecordReadError(this.file, result);
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.fs, this.file, this.serialize(data));
  }
}

/** A record file as a lowdb database (its data null until read, or when there is no file). */
export function recordDb<T>(
  fs: StoreFs,
  file: string,
  schema: SchemaFor<T>,
  serialize?: (data: T) => string,
): Low<T | null> {
  return new Low<T | null>(
    new DurableJsonAdapter(fs, file, schema, serialize) as Adapter<T | null>,
    null,
  );
}

/** Reads one record file through lowdb, as a ReadResult the loader reports from. */
export async function readRecord<T>(
  fs: StoreFs,
  file: string,
  schema: SchemaFor<T>,
): Promise<ReadResult<T>> {
  const db = recordDb(fs, file, schema);
  try {
    await db.read();
  } catch (error) {
    if (error instanceof RecordReadError) return error.result;
    throw error;
  }
  if (db.data === null) return { ok: false, missing: true };
  const { version, stamp } = db.adapter as DurableJsonAdapter<T>;
  return { ok: true, data: db.data, version: version ?? 0, ...(stamp ? { stamp } : {}) };
}

/** Writes one record file through lowdb: durably, replacing it whole. */
export async function writeRecord<T>(
  fs: StoreFs,
  file: string,
  schema: SchemaFor<T>,
  data: T,
  serialize?: (data: T) => string,
): Promise<void> {
  const db = recordDb(fs, file, schema, serialize);
  db.data = data;
  await db.write();
}
