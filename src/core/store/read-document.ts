// Reading one document, the same way for every reader: the open's scan, a read when
// something first asks for the document, and the background check.
// Its two files are read strictly (a documents/ file written before schema 3 still holds
// the highlights), then checked for integrity against the rest of the workspace; whatever
// fails is reported by file and record and never written over.
import { join } from 'node:path';
import type { ZodType } from 'zod';
import type { FileProblem } from '../../shared/api';
import {
  DocumentFile,
  DocumentRecordFile,
  HighlightsFile,
  SCHEMA_VERSION,
  type Document,
  type WorkspaceFile,
} from '../../shared/model';
import type { StoreFs } from './durable';
import { inspectDocument, type DocumentContext } from './integrity';
import { documentPath, highlightsPath } from './layout';
import { parseWorkspaceFile, type ReadResult, type SchemaFor } from './read-file';
import { readRecord } from './record-file';

/** A file that failed to load, with what is needed to repair it if it can be. */
export interface Damage {
  path: string;
  /** The parsed data with its inconsistencies, when it parsed. */
  data?: DocumentFile | WorkspaceFile;
  /** For a highlights file that could not be used: its document's record, which could. */
  record?: Document;
  read?: Extract<ReadResult<unknown>, { ok: false; missing?: false }>;
}

export const NOT_REPAIRABLE = 'none: fix the file by hand or restore it from a backup';

export function readProblem(
  path: string,
  read: Extract<ReadResult<unknown>, { ok: false; missing?: false }>,
  wholeRepair = NOT_REPAIRABLE,
): FileProblem {
  const repair = read.unknownFields
    ? `drop the unknown field${read.unknownFields.paths.length === 1 ? '' : 's'} ${read.unknownFields.paths.join(', ')}`
    : wholeRepair;
  return { file: path, reason: read.reason, repair };
}

/** Reads a file, or takes its contents from an unfinished journal (read-only openers). */
export type Reader = <T>(path: string, schema: SchemaFor<T>) => Promise<ReadResult<T>>;

export function fileReader(
  fs: StoreFs,
  dir: string,
  overlay: ReadonlyMap<string, string | null> = new Map(),
): Reader {
  return (path, schema) => {
    if (overlay.has(path)) {
      const content = overlay.get(path);
      if (content === null || content === undefined)
        return Promise.resolve({ ok: false, missing: true });
      return Promise.resolve(parseWorkspaceFile(new TextEncoder().encode(content), schema));
    }
    return readRecord(fs, join(dir, path), schema);
  };
}

/**
 * A documents/ file: the record alone, or (before schema 3) the record with its
 * highlights. Chosen by shape rather than tried as a union, so a problem is reported
 * against the right fields ("document.title"), not as "matches neither".
 */
export const StoredDocument = (data: unknown): ZodType<DocumentFile | DocumentRecordFile> =>
  typeof data === 'object' && data !== null && 'annotations' in data
    ? DocumentFile
    : DocumentRecordFile;

/** Both files' size and modification time when read: [record size, mtime, highlights size, mtime]. */
export type DocumentStamp = [number, number, number, number];

export type DocumentRead =
  | { ok: true; file: DocumentFile; version: number; stamp?: DocumentStamp }
  | { ok: false; missing: true }
  | { ok: false; missing?: false; problems: FileProblem[]; damage: Damage[] };

/** Both files of document `id`, parsed (not yet checked against the workspace). */
export async function readDocumentFiles(read: Reader, id: string): Promise<DocumentRead> {
  const path = documentPath(id);
  const fail = (
    p: string,
    r: Extract<ReadResult<unknown>, { ok: false; missing?: false }>,
  ): DocumentRead => ({ ok: false, problems: [readProblem(p, r)], damage: [{ path: p, read: r }] });
  const result = await read(path, StoredDocument);
  if (!result.ok) return result.missing ? { ok: false, missing: true } : fail(path, result);
  if (result.data.document.id !== id)
    return fail(path, {
      ok: false,
      reason: `it holds document "${result.data.document.id}", not "${id}"`,
    });
  // Written before schema 3: the highlights are still in this file; both files are written.
  if ('annotations' in result.data)
    return { ok: true, file: result.data, version: Math.min(result.version, 2) };
  const record = result.data.document;
  const hPath = highlightsPath(id);
  const highlights = await read(hPath, HighlightsFile);
  if (!highlights.ok) {
    const problem = highlights.missing
      ? {
          file: hPath,
          reason: 'it is missing, so the highlights of this document are not here',
          repair: 'start an empty list of highlights for the document',
        }
      : readProblem(hPath, highlights);
    return {
      ok: false,
      problems: [problem],
      damage: [{ path: hPath, record, ...(highlights.missing ? {} : { read: highlights }) }],
    };
  }
  if (highlights.data.documentId !== id)
    return fail(hPath, {
      ok: false,
      reason: `it holds the highlights of "${highlights.data.documentId}", not "${id}"`,
    });
  const stamp: DocumentStamp | undefined =
    result.stamp && highlights.stamp ? [...result.stamp, ...highlights.stamp] : undefined;
  return {
    ok: true,
    file: {
      schemaVersion: SCHEMA_VERSION,
      document: record,
      annotations: highlights.data.annotations,
    },
    version: Math.min(result.version, highlights.version),
    ...(stamp ? { stamp } : {}),
  };
}

/** A read document checked against the workspace: whole, or damaged with its findings. */
export function checkDocument(
  doc: { file: DocumentFile; version: number },
  ctx: DocumentContext,
): { ok: true } | { ok: false; problems: FileProblem[]; damage: Damage[] } {
  const id = doc.file.document.id;
  const { findings } = inspectDocument(doc.file, ctx);
  if (!findings.length) return { ok: true };
  // A highlight's problem is in its highlights file, unless it still lives in the
  // document's file (written before schema 3).
  const split = doc.version >= 3;
  const problems = findings.map((f) => ({
    file: split && f.record?.startsWith('annotations') ? highlightsPath(id) : documentPath(id),
    ...f,
  }));
  const damage: Damage[] = [{ path: documentPath(id), data: doc.file }];
  if (split) damage.push({ path: highlightsPath(id) });
  return { ok: false, problems, damage };
}

/** One document read as a worker reads it: null when either file cannot be used. */
export async function readDocumentQuietly(
  fs: StoreFs,
  dir: string,
  id: string,
): Promise<DocumentFile | null> {
  const result = await readDocumentFiles(fileReader(fs, dir), id);
  return result.ok ? result.file : null;
}
