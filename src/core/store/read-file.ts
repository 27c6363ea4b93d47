// Reading one workspace file as strictly as possible: only a regular file (a named pipe
// would hang the app, a symlink could point anywhere), only valid UTF-8 (a stray byte is
// never turned into U+FFFD and saved back), only JSON, migrated from older schemas, and
// only records the schema knows (an unknown field is reported, never silently dropped).
import type { z } from 'zod';
import { describeIssues } from '../../shared/issues';
import { SCHEMA_VERSION } from '../../shared/model';
import { migrate, versionOf } from './migrations';
import type { StoreFs } from './durable';

/** A file's size and last change, as read: a file whose pair is unchanged was not rewritten. */
export type FileStamp = [size: number, mtimeMs: number];

export type ReadResult<T> =
  | {
      ok: true;
      data: T;
      /** The schema version on disk, before migration. */
      version: number;
      /** Size and modification time when read (files only, not journal overlays). */
      stamp?: FileStamp;
    }
  | { ok: false; missing: true }
  | {
      ok: false;
      missing?: false;
      reason: string;
      /** Set when the only problem is fields the schema does not know: repair drops them. */
      unknownFields?: { migrated: unknown; paths: string[] };
    };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function describeType(stats: {
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  isFIFO(): boolean;
}): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isFIFO()) return 'a named pipe';
  return 'a special file';
}

/** A schema, or a choice of schema by the (migrated) data's shape. */
export type SchemaFor<T> = z.ZodType<T> | ((migrated: unknown) => z.ZodType<T>);

/** Parses bytes already read. */
export function parseWorkspaceFile<T>(bytes: Uint8Array, schemaFor: SchemaFor<T>): ReadResult<T> {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'it is not valid UTF-8 text' };
  }
  if (!text.trim()) return { ok: false, reason: 'it is empty' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `it is not valid JSON (${(error as Error).message})` };
  }
  let migrated: unknown;
  try {
    migrated = migrate(raw);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  const schema = typeof schemaFor === 'function' ? schemaFor(migrated) : schemaFor;
  const result = schema.safeParse(migrated);
  if (result.success)
    return { ok: true, data: result.data, version: versionOf(raw) ?? SCHEMA_VERSION };
  const issues = result.error.issues;
  const reason = `it does not match the workspace format (${describeIssues(issues)})`;
  const unknown = issues.every((i) => i.code === 'unrecognized_keys');
  if (!unknown) return { ok: false, reason };
  const paths = issues.flatMap((i) =>
    i.code === 'unrecognized_keys' ? i.keys.map((k) => [...i.path, k].map(String).join('.')) : [],
  );
  return { ok: false, reason, unknownFields: { migrated, paths } };
}

/**
 * The bytes of a regular file (never a folder, a pipe or a symbolic link), with its size
 * and modification time; `missing` when there is none, else why it cannot be read.
 */
export async function readRegularFile(
  fs: StoreFs,
  file: string,
): Promise<
  | { ok: true; bytes: Uint8Array; stamp: FileStamp }
  | { ok: false; missing: true }
  | { ok: false; missing?: false; reason: string }
> {
  let stats;
  try {
    stats = await fs.lstat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, missing: true };
    return { ok: false, reason: `it cannot be read (${code ?? (error as Error).message})` };
  }
  if (!stats.isFile())
    return { ok: false, reason: `it is ${describeType(stats)}, not a regular file` };
  try {
    return { ok: true, bytes: await fs.readFile(file), stamp: [stats.size, stats.mtimeMs] };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: `it cannot be read (${code ?? (error as Error).message})` };
  }
}

/** Decodes bytes as UTF-8, refusing any byte that is not (undefined then). */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

export async function readWorkspaceFile<T>(
  fs: StoreFs,
  file: string,
  schema: SchemaFor<T>,
): Promise<ReadResult<T>> {
  const read = await readRegularFile(fs, file);
  if (!read.ok) return read;
  const result = parseWorkspaceFile(read.bytes, schema);
  return result.ok ? { ...result, stamp: read.stamp } : result;
}

/** Drops the fields named by `paths` ("annotations.3.colour") from a copy of `data`. */
export function withoutFields(data: unknown, paths: readonly string[]): unknown {
  const copy = structuredClone(data);
  for (const path of paths) {
    const keys = path.split('.');
    const last = keys.pop()!;
    let node: unknown = copy;
    for (const key of keys) node = (node as Record<string, unknown> | undefined)?.[key];
    if (node && typeof node === 'object') delete (node as Record<string, unknown>)[last];
  }
  return copy;
}
