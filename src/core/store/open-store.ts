// What opening a workspace folder does, in order: take the lock (or open read-only and say
// who holds it); finish an interrupted commit; read workspace.json; start (or go on with)
// the custody log; take the catalog from the manifest, re-reading only the documents the
// log changed after it (or scan every document when there is no usable manifest); check
// what crosses files. The result is everything the store is made of.
import { join } from 'node:path';
import type { FileProblem, LockHolder } from '../../shared/api';
import type { WorkspaceFile } from '../../shared/model';
import { Catalog } from './catalog';
import {
  CUSTODY_FILE,
  CustodyLog,
  isVoid,
  lastWords,
  type Author,
  type CustodyLine,
} from './custody';
import { CustodyKeeper } from './custody-keeper';
import { TEMP_SUFFIX, type StoreFs } from './durable';
import { readJournal, recoverJournal } from './journal';
import { CACHE_FOLDER, documentIdOf, WORKSPACE_FILE } from './layout';
import {
  checkAcrossFiles,
  documentNames,
  listFolder,
  LoadReport,
  readDocuments,
  readWorkspaceJson,
  reportStrays,
  suspects,
  type DocumentSink,
  type LoadedWorkspace,
} from './load';
import { acquireLock, isAlive } from './lock';
import { readManifest, type Manifest } from './manifest';
import { fileReader } from './read-document';
import { nextTurn } from '../time-slices';

export interface OpenOptions {
  host: string;
  fs: StoreFs;
  author: Author;
  /** Where documents read while opening go (the store's cache). */
  keep?: DocumentSink['keep'];
}

export interface OpenedStore extends LoadedWorkspace {
  readOnlyReason: string | undefined;
  lockedBy: LockHolder | undefined;
  release: () => Promise<void>;
  custody: CustodyKeeper | null;
  /** Whether the catalog came from the manifest, how many documents were read to open. */
  catalogSource: { manifest: boolean; reason: string; read: number };
  /** What the custody log says each record file holds (its SHA-256; null: removed). */
  fileHashes: Map<string, string | null>;
}

/** Removes temp files left by writers that no longer run (their pid is in the name). */
async function removeStrayTemps(fs: StoreFs, dir: string): Promise<void> {
  for (const folder of ['', 'documents', 'highlights', 'trash', CACHE_FOLDER, '.cache'].map((f) =>
    join(dir, f),
  )) {
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.endsWith(TEMP_SUFFIX)) continue;
      const pid = Number(/\.(\d+)\.\d+\.tmp$/.exec(name)?.[1]);
      if (pid && pid !== process.pid && isAlive(pid)) continue;
      const stats = await fs.lstat(join(folder, name)).catch(() => null);
      if (stats?.isFile()) await fs.rm(join(folder, name), { force: true });
    }
  }
}

/**
 * The catalog of a saved manifest, filled a slice of documents at a time: at 20,000
 * documents and 200,000 highlights, at once it held the thread for a fifth of a second.
 */
async function catalogOf(manifest: Manifest): Promise<Catalog> {
  const catalog = new Catalog();
  for (let at = 0; at < manifest.documents.length; at += 2000) {
    for (const summary of manifest.documents.slice(at, at + 2000)) catalog.set(summary);
    await nextTurn();
  }
  for (const [id, stamp] of Object.entries(manifest.stamps)) catalog.setStamp(id, stamp);
  return catalog;
}

/** The documents the custody log changed in `lines` (their files, by id). */
function changedDocuments(lines: readonly CustodyLine[]): Set<string> {
  const ids = new Set<string>();
  for (const line of lines) {
    if (isVoid(line)) continue;
    for (const change of line.changes) {
      const id = documentIdOf(change.file);
      if (id) ids.add(id);
    }
  }
  return ids;
}

export async function openStore(dir: string, options: OpenOptions): Promise<OpenedStore> {
  const { fs } = options;
  await fs.mkdir(dir, { recursive: true });
  const lock = await acquireLock(fs, dir, options.host);
  let overlay = new Map<string, string | null>();
  const report = new LoadReport();
  let journalProblem: string | undefined;
  try {
    if (lock.held) {
      await removeStrayTemps(fs, dir);
      await recoverJournal(fs, dir);
    } else {
      // The holder may be part way through a commit: read as if it had finished.
      overlay = new Map((await readJournal(fs, dir))?.map((c) => [c.path, c.content]) ?? []);
    }
  } catch (error) {
    journalProblem = `an unfinished change could not be completed (${(error as Error).message})`;
    report.problems.push({
      file: '.journal.json',
      reason: journalProblem,
      repair: 'none: move .journal.json out of the folder to open it',
    });
  }
  const sink: DocumentSink = { read: fileReader(fs, dir, overlay), keep: options.keep };
  const docNames = await listFolder(fs, dir, 'documents', overlay);
  const { ids, misnamed } = documentNames(docNames);
  const { workspace, workspaceState } = await readWorkspaceJson(
    sink.read,
    ids.length + misnamed.length,
    report,
  );

  // The manifest, and the custody lines written after it.
  const saved = await readManifest(fs, dir);
  const from = saved.ok
    ? { position: saved.manifest.custody, files: saved.manifest.files }
    : undefined;
  let custody: CustodyKeeper | null = null;
  let tail: CustodyLine[] | null = null;
  if (lock.held && !journalProblem) {
    const started = await CustodyKeeper.start(fs, dir, options.author, from);
    custody = started.keeper;
    report.problems.push(...started.problems);
    if (started.continued) tail = started.tail;
  } else if (from) {
    const opened = await CustodyLog.open(fs, join(dir, CUSTODY_FILE), from.position);
    if (opened && !opened.read.problems.length) tail = opened.read.lines;
  }
  const fileHashes = custody
    ? new Map(Object.entries(custody.checkpoint().files))
    : new Map([...Object.entries(from?.files ?? {}), ...lastWords(tail ?? [])]);

  const entityIds = workspace ? new Set(workspace.entities.map((e) => e.id)) : null;
  let catalog: Catalog;
  let toRead: string[];
  let reason: string;
  if (saved.ok && tail) {
    catalog = await catalogOf(saved.manifest);
    const onDisk = new Set(ids);
    for (const id of [...catalog.ids()]) if (!onDisk.has(id)) catalog.delete(id);
    const again = changedDocuments(tail);
    for (const id of ids) if (!catalog.has(id)) again.add(id);
    for (const id of await suspects(catalog, workspace)) again.add(id);
    toRead = ids.filter((id) => again.has(id));
    reason = '';
  } else {
    catalog = new Catalog();
    toRead = ids;
    reason = saved.ok
      ? 'the custody log does not go on from where the manifest stands'
      : `no usable manifest: ${saved.reason}`;
  }
  await readDocuments(sink, toRead, entityIds, catalog, report);
  reportStrays(
    { misnamed, documents: docNames, highlights: await listFolder(fs, dir, 'highlights', overlay) },
    report,
  );
  let state = workspaceState;
  if (workspace && !checkAcrossFiles(workspace, catalog, report)) state = 'damaged';

  const holder = lock.held ? undefined : lock.holder;
  const problems: FileProblem[] = report.problems;
  const readOnlyReason = holder
    ? `This workspace is open in the ${holder.host} (process ${holder.pid} on ${holder.hostname}) since ${holder.since}; it is read-only here until that one closes.`
    : journalProblem
      ? `This workspace is read-only because ${journalProblem}.`
      : state === 'missing' || state === 'damaged'
        ? `workspace.json cannot be used: ${problems.find((p) => p.file === WORKSPACE_FILE)?.reason ?? 'it is damaged'}. Repair the workspace to make changes.`
        : undefined;
  return {
    workspace: workspace satisfies WorkspaceFile | null,
    workspaceState: state,
    catalog,
    problems,
    damaged: report.damaged,
    migrated: report.migrated,
    readOnlyReason,
    lockedBy: holder,
    release: lock.held ? lock.release : () => Promise.resolve(),
    custody,
    catalogSource: { manifest: saved.ok && tail !== null, reason, read: toRead.length },
    fileHashes,
  };
}
