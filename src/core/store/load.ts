// Loading a workspace folder: workspace.json and every file in documents/, each read
// strictly and then checked for integrity across files. Whatever fails is reported by
// file and record, kept out of the in-memory state and marked so that nothing writes over
// it; the rest of the workspace opens normally.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { ZodType } from 'zod';
import type { FileProblem } from '../../shared/api';
import {
  DocumentFile,
  DocumentRecordFile,
  HighlightsFile,
  SCHEMA_VERSION,
  WorkspaceFile,
  type Document,
} from '../../shared/model';
import { limited, PARALLEL_READS } from '../limited';
import { TEMP_SUFFIX, type StoreFs } from './durable';
import { inspectDocument, inspectWorkspace } from './integrity';
import { DOCUMENT_NAME, documentIdOf, highlightsPath, WORKSPACE_FILE } from './layout';
import { parseWorkspaceFile, type ReadResult, type SchemaFor } from './read-file';
import { readRecord } from './record-file';

export { documentPath, WORKSPACE_FILE } from './layout';

export const newId = (prefix: string): string =>
  `${prefix}_${randomBytes(12).toString('base64url')}`;

/** A file that failed to load, with what is needed to repair it if it can be. */
export interface Damage {
  path: string;
  /** The parsed data with its inconsistencies, when it parsed. */
  data?: DocumentFile | WorkspaceFile;
  /** For a highlights file that could not be used: its document's record, which could. */
  record?: Document;
  read?: Extract<ReadResult<unknown>, { ok: false; missing?: false }>;
}

export interface LoadedWorkspace {
  /** null when workspace.json is missing or unreadable. */
  workspace: WorkspaceFile | null;
  /** 'new' only for a folder with no workspace.json and no documents. */
  workspaceState: 'ok' | 'new' | 'missing' | 'damaged';
  documents: Map<string, DocumentFile>;
  problems: FileProblem[];
  /** Paths (relative to the workspace) that were reported and must never be written. */
  damaged: Map<string, Damage>;
  /** Paths read from an older schema version: they are rewritten after a backup copy. */
  migrated: string[];
}

const NOT_REPAIRABLE = 'none: fix the file by hand or restore it from a backup';

function readProblem(
  path: string,
  read: Extract<ReadResult<unknown>, { ok: false; missing?: false }>,
): FileProblem {
  const repair = read.unknownFields
    ? `drop the unknown field${read.unknownFields.paths.length === 1 ? '' : 's'} ${read.unknownFields.paths.join(', ')}`
    : path === WORKSPACE_FILE
      ? 'set it aside (renamed, not deleted) and rebuild workspace.json from the documents'
      : NOT_REPAIRABLE;
  return { file: path, reason: read.reason, repair };
}

/**
 * A documents/ file: the record alone, or (before schema 3) the record with its
 * highlights. Chosen by shape rather than tried as a union, so a problem is reported
 * against the right fields ("document.title"), not as "matches neither".
 */
const StoredDocument = (data: unknown): ZodType<DocumentFile | DocumentRecordFile> =>
  typeof data === 'object' && data !== null && 'annotations' in data
    ? DocumentFile
    : DocumentRecordFile;

/** Reads a file, or takes its contents from an unfinished journal (read-only openers). */
type Reader = <T>(path: string, schema: SchemaFor<T>) => Promise<ReadResult<T>>;

export async function loadWorkspace(
  fs: StoreFs,
  dir: string,
  overlay: ReadonlyMap<string, string | null> = new Map(),
): Promise<LoadedWorkspace> {
  const read: Reader = (path, schema) => {
    if (overlay.has(path)) {
      const content = overlay.get(path);
      if (content === null || content === undefined)
        return Promise.resolve({ ok: false, missing: true });
      return Promise.resolve(parseWorkspaceFile(new TextEncoder().encode(content), schema));
    }
    return readRecord(fs, join(dir, path), schema);
  };
  const problems: FileProblem[] = [];
  const damaged = new Map<string, Damage>();
  const migrated: string[] = [];
  const fail = (
    path: string,
    r: Extract<ReadResult<unknown>, { ok: false; missing?: false }>,
  ): void => {
    problems.push(readProblem(path, r));
    damaged.set(path, { path, read: r });
  };

  /** The names in a folder, as they will be once an unfinished journal is applied. */
  const list = async (folder: string): Promise<Set<string>> => {
    const names = new Set<string>();
    try {
      for (const entry of await fs.readdir(join(dir, folder))) names.add(entry);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (const [path, content] of overlay) {
      if (!path.startsWith(`${folder}/`)) continue;
      if (content === null) names.delete(path.slice(folder.length + 1));
      else names.add(path.slice(folder.length + 1));
    }
    return names;
  };

  // Documents first: whether workspace.json may be missing depends on them.
  const names = await list('documents');
  // Every document's two files are read several at a time (reading is mostly waiting on
  // the disk), in name order; they are still judged one by one, in that order, below.
  const readLimited = limited(PARALLEL_READS, (path: string, schema: SchemaFor<unknown>) =>
    read(path, schema),
  );
  const prefetched = new Map<string, Promise<ReadResult<unknown>>>();
  for (const name of [...names].sort()) {
    if (name.endsWith(TEMP_SUFFIX) || !DOCUMENT_NAME.test(name)) continue;
    for (const [path, schema] of [
      [`documents/${name}`, StoredDocument],
      [highlightsPath(name.slice(0, -'.json'.length)), HighlightsFile],
    ] as const) {
      const early = readLimited(path, schema);
      // One never asked for (its document failed) is simply dropped.
      early.catch(() => undefined);
      prefetched.set(path, early);
    }
  }
  const readDocFile = <T>(path: string, schema: SchemaFor<T>): Promise<ReadResult<T>> => {
    const early = prefetched.get(path) as Promise<ReadResult<T>> | undefined;
    prefetched.delete(path);
    return early ?? read(path, schema);
  };
  const parsedDocs: { path: string; id: string; data: DocumentFile; version: number }[] = [];
  for (const name of [...names].sort()) {
    if (name.endsWith(TEMP_SUFFIX) || !/\.json$/i.test(name)) continue;
    const path = `documents/${name}`;
    const id = DOCUMENT_NAME.exec(name)?.[1];
    if (!id) {
      problems.push({
        file: path,
        reason: 'its name is not <document id>.json, so it is not loaded',
        repair: NOT_REPAIRABLE,
      });
      damaged.set(path, { path });
      continue;
    }
    const result = await readDocFile(path, StoredDocument);
    if (!result.ok) {
      if (!result.missing) fail(path, result);
      continue;
    }
    if (result.data.document.id !== id) {
      fail(path, {
        ok: false,
        reason: `it holds document "${result.data.document.id}", not "${id}"`,
      });
      continue;
    }
    if ('annotations' in result.data) {
      // Written before schema 3: the highlights are still in this file; both files are written.
      parsedDocs.push({ path, id, data: result.data, version: Math.min(result.version, 2) });
      continue;
    }
    const record = result.data.document;
    const hPath = highlightsPath(id);
    const highlights = await readDocFile(hPath, HighlightsFile);
    if (!highlights.ok) {
      const reason = highlights.missing
        ? {
            reason: 'it is missing, so the highlights of this document are not here',
            repair: 'start an empty list of highlights for the document',
          }
        : readProblem(hPath, highlights);
      problems.push({ file: hPath, reason: reason.reason, repair: reason.repair });
      damaged.set(hPath, {
        path: hPath,
        record,
        ...(highlights.missing ? {} : { read: highlights }),
      });
      continue;
    }
    if (highlights.data.documentId !== id) {
      fail(hPath, {
        ok: false,
        reason: `it holds the highlights of "${highlights.data.documentId}", not "${id}"`,
      });
      continue;
    }
    parsedDocs.push({
      path,
      id,
      data: {
        schemaVersion: SCHEMA_VERSION,
        document: record,
        annotations: highlights.data.annotations,
      },
      version: Math.min(result.version, highlights.version),
    });
  }
  // Highlights whose document is not there are reported, never silently ignored.
  for (const name of [...(await list('highlights'))].sort()) {
    if (name.endsWith(TEMP_SUFFIX) || !/\.json$/i.test(name) || names.has(name)) continue;
    const path = `highlights/${name}`;
    problems.push({
      file: path,
      reason: `there is no documents/${name} for these highlights`,
      repair: NOT_REPAIRABLE,
    });
    damaged.set(path, { path });
  }

  let workspace: WorkspaceFile | null = null;
  let workspaceState: LoadedWorkspace['workspaceState'] = 'ok';
  const ws = await read(WORKSPACE_FILE, WorkspaceFile);
  if (ws.ok) {
    workspace = ws.data;
    if (ws.version < SCHEMA_VERSION) migrated.push(WORKSPACE_FILE);
  } else if (ws.missing) {
    const count =
      parsedDocs.length + [...damaged.keys()].filter((p) => p.startsWith('documents/')).length;
    if (count === 0) workspaceState = 'new';
    else {
      workspaceState = 'missing';
      problems.push({
        file: WORKSPACE_FILE,
        reason: `it is missing, but documents/ holds ${count} document file${count === 1 ? '' : 's'}: the entities and notes it held are not here`,
        repair:
          'rebuild workspace.json from the documents (entities they are tagged to come back as placeholders to rename)',
      });
      damaged.set(WORKSPACE_FILE, { path: WORKSPACE_FILE });
    }
  } else {
    workspaceState = 'damaged';
    fail(WORKSPACE_FILE, ws);
  }

  const documents = new Map<string, DocumentFile>();
  const seenAnnotationIds = new Set<string>();
  const entityIds = workspace ? new Set(workspace.entities.map((e) => e.id)) : null;
  for (const doc of parsedDocs) {
    const { findings } = inspectDocument(doc.data, { entityIds, seenAnnotationIds, newId });
    if (findings.length) {
      // A highlight's problem is in its highlights file, unless it still lives in the
      // document's file (written before schema 3).
      const split = doc.version >= 3;
      for (const f of findings) {
        const file =
          split && f.record?.startsWith('annotations') ? highlightsPath(doc.id) : doc.path;
        problems.push({ file, ...f });
      }
      damaged.set(doc.path, { path: doc.path, data: doc.data });
      if (split) damaged.set(highlightsPath(doc.id), { path: highlightsPath(doc.id) });
      continue;
    }
    documents.set(doc.id, doc.data);
    if (doc.version < SCHEMA_VERSION) migrated.push(doc.path, highlightsPath(doc.id));
  }

  if (workspace) {
    // A document whose highlights could not be read leaves links to highlights unjudged.
    const parsed = new Set(
      [...damaged.values()].filter((d) => d.data).map((d) => documentIdOf(d.path)),
    );
    const unparsed = [...damaged.keys()].some((p) => {
      const id = documentIdOf(p);
      return id !== undefined && !parsed.has(id);
    });
    const documentIds = new Set([...documents.keys(), ...parsedDocs.map((d) => d.id)]);
    for (const path of damaged.keys()) {
      const id = documentIdOf(path);
      if (id) documentIds.add(id);
    }
    const { findings } = inspectWorkspace(workspace, {
      documentIds,
      // With a document unreadable, its highlights are unknown: links to them are not judged.
      annotationIds: unparsed ? null : seenAnnotationIds,
      newId,
    });
    if (findings.length) {
      problems.push(...findings.map((f) => ({ file: WORKSPACE_FILE, ...f })));
      damaged.set(WORKSPACE_FILE, { path: WORKSPACE_FILE, data: workspace });
      workspaceState = 'damaged';
    }
  }
  return { workspace, workspaceState, documents, problems, damaged, migrated };
}

/**
 * One document with its highlights, read the way `loadWorkspace` reads them but reporting
 * nothing: null when either file cannot be used. For the index workers, whose result is
 * checked against the loaded workspace, record by record, before it is used.
 */
export async function readDocumentQuietly(
  fs: StoreFs,
  dir: string,
  id: string,
): Promise<DocumentFile | null> {
  const stored = await readRecord(fs, join(dir, 'documents', `${id}.json`), StoredDocument);
  if (!stored.ok || stored.data.document.id !== id) return null;
  if ('annotations' in stored.data) return stored.data;
  const highlights = await readRecord(fs, join(dir, highlightsPath(id)), HighlightsFile);
  if (!highlights.ok || highlights.data.documentId !== id) return null;
  return {
    schemaVersion: SCHEMA_VERSION,
    document: stored.data.document,
    annotations: highlights.data.annotations,
  };
}

/** workspace.json read like `readDocumentQuietly`: null when it cannot be used. */
export async function readWorkspaceQuietly(
  fs: StoreFs,
  dir: string,
): Promise<WorkspaceFile | null> {
  const ws = await readRecord(fs, join(dir, WORKSPACE_FILE), WorkspaceFile);
  return ws.ok ? ws.data : null;
}
