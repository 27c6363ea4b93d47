// Opening a workspace folder. workspace.json is read strictly first (what entities exist);
// then the catalog of its documents (catalog.ts) is taken from the manifest and brought up
// to date by re-reading the documents the custody log changed after it, or, without a
// usable manifest, built by reading every document once (a scan, kept to summaries). What
// needs a document's text is checked when the document is first read, and by the
// background check; what crosses files (an id used twice, a tag or link to a record that
// is gone) is checked here. A file with a problem is reported by file and record, kept
// out of the workspace and marked so that nothing writes over it.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { FileProblem } from '../../shared/api';
import { SCHEMA_VERSION, WorkspaceFile, type DocumentFile } from '../../shared/model';
import { limited, PARALLEL_READS } from '../limited';
import { Catalog, summarize, type DocumentSummary } from './catalog';
import { TEMP_SUFFIX, type StoreFs } from './durable';
import { inspectWorkspace } from './integrity';
import { nextTurn, sliceClock } from '../time-slices';
import { DOCUMENT_NAME, documentIdOf, highlightsPath, WORKSPACE_FILE } from './layout';
import {
  checkDocument,
  NOT_REPAIRABLE,
  readDocumentFiles,
  readProblem,
  fileReader,
  type Damage,
  type Reader,
} from './read-document';

export type { Damage } from './read-document';

export const newId = (prefix: string): string =>
  `${prefix}_${randomBytes(12).toString('base64url')}`;

export interface LoadedWorkspace {
  /** null when workspace.json is missing or unreadable. */
  workspace: WorkspaceFile | null;
  /** 'new' only for a folder with no workspace.json and no documents. */
  workspaceState: 'ok' | 'new' | 'missing' | 'damaged';
  catalog: Catalog;
  problems: FileProblem[];
  /** Paths (relative to the workspace) that were reported and must never be written. */
  damaged: Map<string, Damage>;
  /** Paths read from an older schema version: they are rewritten after a backup copy. */
  migrated: string[];
}

/** What an opener reads documents with: the reader, and where each document read goes. */
export interface DocumentSink {
  read: Reader;
  /** A document read whole and sound (to keep in the cache while memory allows). */
  keep?: (file: DocumentFile) => void;
  /**
   * Whether what was read of `id` may go into the catalog: false when the document changed
   * while it was being read (a commit came between), so the older reading is dropped.
   */
  current?: (id: string) => boolean;
}

/** The names in a folder, as they will be once an unfinished journal is applied. */
export async function listFolder(
  fs: StoreFs,
  dir: string,
  folder: string,
  overlay: ReadonlyMap<string, string | null> = new Map(),
): Promise<Set<string>> {
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
}

/** The document files a folder listing holds, and those misnamed (reported, not read). */
export function documentNames(names: Iterable<string>): { ids: string[]; misnamed: string[] } {
  const ids: string[] = [];
  const misnamed: string[] = [];
  for (const name of [...names].sort()) {
    if (name.endsWith(TEMP_SUFFIX) || !/\.json$/i.test(name)) continue;
    const id = DOCUMENT_NAME.exec(name)?.[1];
    if (id) ids.push(id);
    else misnamed.push(name);
  }
  return { ids, misnamed };
}

/** The state of a load being built: problems, damage and migrations found so far. */
export class LoadReport {
  readonly problems: FileProblem[] = [];
  readonly damaged = new Map<string, Damage>();
  readonly migrated: string[] = [];

  addDamage(problems: readonly FileProblem[], damage: readonly Damage[]): void {
    this.problems.push(...problems);
    for (const d of damage) this.damaged.set(d.path, d);
  }
}

/**
 * Reads and checks documents: each sound one is summarised into the catalog (and handed to
 * `sink.keep`), each damaged one reported and taken out of it. Several are read at a time
 * (reading is mostly waiting on the disk) and judged one by one, in order.
 */
export async function readDocuments(
  sink: DocumentSink,
  ids: readonly string[],
  entityIds: ReadonlySet<string> | null,
  catalog: Catalog,
  report: LoadReport,
): Promise<void> {
  const read = limited(PARALLEL_READS, (id: string) => readDocumentFiles(sink.read, id));
  const pending = ids.map((id) => {
    const reading = read(id);
    reading.catch(() => undefined);
    return reading;
  });
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const result = await pending[i]!;
    if (sink.current && !sink.current(id)) continue;
    if (!result.ok) {
      catalog.delete(id);
      if (!result.missing) report.addDamage(result.problems, result.damage);
      continue;
    }
    const seen = new Set<string>();
    const checked = checkDocument(result, {
      entityIds,
      newId,
      seenAnnotationIds: {
        has: (a) => seen.has(a) || (catalog.documentOf(a) ?? id) !== id,
        add: (a) => seen.add(a),
      },
    });
    if (!checked.ok) {
      catalog.delete(id);
      report.addDamage(checked.problems, checked.damage);
      continue;
    }
    catalog.set(summarize(result.file));
    if (result.stamp) catalog.setStamp(id, result.stamp);
    sink.keep?.(result.file);
    if (result.version < SCHEMA_VERSION)
      report.migrated.push(`documents/${id}.json`, highlightsPath(id));
  }
}

/** workspace.json: read strictly; whether it may be missing depends on the documents. */
export async function readWorkspaceJson(
  read: Reader,
  documentCount: number,
  report: LoadReport,
): Promise<Pick<LoadedWorkspace, 'workspace' | 'workspaceState'>> {
  const ws = await read(WORKSPACE_FILE, WorkspaceFile);
  if (ws.ok) {
    if (ws.version < SCHEMA_VERSION) report.migrated.push(WORKSPACE_FILE);
    return { workspace: ws.data, workspaceState: 'ok' };
  }
  if (!ws.missing) {
    report.addDamage(
      [
        readProblem(
          WORKSPACE_FILE,
          ws,
          'set it aside (renamed, not deleted) and rebuild workspace.json from the documents',
        ),
      ],
      [{ path: WORKSPACE_FILE, read: ws }],
    );
    return { workspace: null, workspaceState: 'damaged' };
  }
  if (documentCount === 0) return { workspace: null, workspaceState: 'new' };
  report.addDamage(
    [
      {
        file: WORKSPACE_FILE,
        reason: `it is missing, but documents/ holds ${documentCount} document file${documentCount === 1 ? '' : 's'}: the entities and notes it held are not here`,
        repair:
          'rebuild workspace.json from the documents (entities they are tagged to come back as placeholders to rename)',
      },
    ],
    [{ path: WORKSPACE_FILE }],
  );
  return { workspace: null, workspaceState: 'missing' };
}

/** Misnamed document files and highlights with no document: reported, never read. */
export function reportStrays(
  names: { misnamed: string[]; documents: ReadonlySet<string>; highlights: ReadonlySet<string> },
  report: LoadReport,
): void {
  for (const name of names.misnamed)
    report.addDamage(
      [
        {
          file: `documents/${name}`,
          reason: 'its name is not <document id>.json, so it is not loaded',
          repair: NOT_REPAIRABLE,
        },
      ],
      [{ path: `documents/${name}` }],
    );
  for (const name of [...names.highlights].sort()) {
    if (name.endsWith(TEMP_SUFFIX) || !/\.json$/i.test(name) || names.documents.has(name)) continue;
    report.addDamage(
      [
        {
          file: `highlights/${name}`,
          reason: `there is no documents/${name} for these highlights`,
          repair: NOT_REPAIRABLE,
        },
      ],
      [{ path: `highlights/${name}` }],
    );
  }
}

/** The checks across files: workspace.json's notes against the documents and highlights. */
export function checkAcrossFiles(
  workspace: WorkspaceFile,
  catalog: Catalog,
  report: LoadReport,
): boolean {
  // A document whose highlights could not be read leaves links to highlights unjudged.
  const parsed = new Set(
    [...report.damaged.values()].filter((d) => d.data).map((d) => documentIdOf(d.path)),
  );
  const unparsed = [...report.damaged.keys()].some((p) => {
    const id = documentIdOf(p);
    return id !== undefined && !parsed.has(id);
  });
  const documentIds = new Set(catalog.ids());
  for (const path of report.damaged.keys()) {
    const id = documentIdOf(path);
    if (id) documentIds.add(id);
  }
  const damagedIds = new Set<string>();
  for (const damage of report.damaged.values())
    for (const a of (damage.data as DocumentFile | undefined)?.annotations ?? [])
      damagedIds.add(a.id);
  const listed = highlightIds(catalog);
  const annotationIds = { has: (id: string) => listed.has(id) || damagedIds.has(id) };
  const { findings } = inspectWorkspace(workspace, {
    documentIds,
    // With a document unreadable, its highlights are unknown: links to them are not judged.
    annotationIds: unparsed ? null : annotationIds,
    newId,
  });
  if (!findings.length) return true;
  report.problems.push(...findings.map((f) => ({ file: WORKSPACE_FILE, ...f })));
  report.damaged.set(WORKSPACE_FILE, { path: WORKSPACE_FILE, data: workspace });
  return false;
}

/**
 * Every highlight id the catalog's documents list: the catalog's own index of them when no id
 * is listed twice (200,000 ids at 20,000 documents, not copied into a set at every open).
 */
function highlightIds(catalog: Catalog): Pick<ReadonlySet<string>, 'has'> {
  if (catalog.listsEachHighlightOnce())
    return { has: (id: string) => catalog.documentOf(id) !== undefined };
  const ids = new Set<string>();
  for (const summary of catalog.values()) for (const a of summary.annotationIds) ids.add(a);
  return ids;
}

/**
 * Documents a catalog from a manifest must read again: tags to missing entities, shared ids
 * (200,000 highlight ids at 20,000 documents: in slices, and only looked for when the
 * catalog's index of them says some id is listed twice).
 */
export async function suspects(
  catalog: Catalog,
  workspace: WorkspaceFile | null,
): Promise<Set<string>> {
  const entityIds = new Set(workspace?.entities.map((e) => e.id));
  const out = new Set<string>();
  const owner = new Map<string, string>();
  const shared = !catalog.listsEachHighlightOnce();
  const due = sliceClock();
  for (const summary of catalog.values()) {
    if (due()) await nextTurn();
    const id = summary.document.id;
    if (workspace) for (const e in summary.entities) if (!entityIds.has(e)) out.add(id);
    if (!shared) continue;
    for (const a of summary.annotationIds) {
      const first = owner.get(a);
      if (first && first !== id) out.add(id).add(first);
      else owner.set(a, id);
    }
  }
  return out;
}

/** A catalog from saved summaries. */
export const catalogOf = (summaries: Iterable<DocumentSummary>): Catalog => new Catalog(summaries);

/** Every document read and checked, as at an open without a manifest (after a repair). */
export async function scanWorkspace(
  fs: StoreFs,
  dir: string,
  keep?: DocumentSink['keep'],
): Promise<LoadedWorkspace> {
  const report = new LoadReport();
  const sink: DocumentSink = { read: fileReader(fs, dir), keep };
  const docNames = await listFolder(fs, dir, 'documents');
  const { ids, misnamed } = documentNames(docNames);
  const { workspace, workspaceState } = await readWorkspaceJson(
    sink.read,
    ids.length + misnamed.length,
    report,
  );
  const catalog = new Catalog();
  const entityIds = workspace ? new Set(workspace.entities.map((e) => e.id)) : null;
  await readDocuments(sink, ids, entityIds, catalog, report);
  reportStrays(
    { misnamed, documents: docNames, highlights: await listFolder(fs, dir, 'highlights') },
    report,
  );
  let state = workspaceState;
  if (workspace && !checkAcrossFiles(workspace, catalog, report)) state = 'damaged';
  return {
    workspace,
    workspaceState: state,
    catalog,
    problems: report.problems,
    damaged: report.damaged,
    migrated: report.migrated,
  };
}
