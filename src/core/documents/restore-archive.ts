// Restoring a backup archive (src/core/export/backup-archive.ts) from a file on disk. In
// order, and nothing is written until every step before it passed: the zip's table of
// contents is read (an archive cut short stops here); the records are parsed and judged
// against this workspace exactly as a JSON backup's are; every kept file the documents
// name is streamed into a temp file while its SHA-256 is computed, and any that does not
// hash to its name, or is cut short, refuses the whole backup (each one named, with why),
// its temp files removed; only then are the files given their names and the records
// restored in one command. Memory holds the records and one chunk, never an original.
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ImportOutcome } from '../../shared/api';
import { WorkbenchError } from '../../shared/errors';
import type { CoreContext } from '../context';
import { KEPT_ENTRY } from '../export/backup-archive';
import {
  ArchiveProblem,
  entryChunks,
  readArchiveDirectory,
  readEntry,
  type ArchiveEntry,
} from '../export/backup-archive-read';
import { keptNamedBy } from '../export/backup-originals';
import type { Backup } from '../export/snapshot';
import { ImportError } from '../importers/import-error';
import { nameKept, type KeptFolder } from '../originals/kept-files';
import { nodeFs, tempName } from '../store/durable';
import { checkRestore, parseBackup, restoreRecords } from './import-files';

interface Staged {
  folder: KeptFolder;
  sha256: string;
  temp: string;
}

/** Why a kept entry was refused, or null when it hashes to its name (its temp kept). */
async function stageEntry(
  ctx: CoreContext,
  handle: FileHandle,
  entry: ArchiveEntry,
  staged: Staged[],
): Promise<string | null> {
  const [, folder, sha256] = KEPT_ENTRY.exec(entry.name) as unknown as [string, KeptFolder, string];
  const { fileSystem: fs, dir } = ctx.store;
  await fs.mkdir(join(dir, folder), { recursive: true });
  const temp = tempName(join(dir, folder, sha256));
  const out = await fs.open(temp, 'wx', 0o644);
  const hash = createHash('sha256');
  let problem: string | null = null;
  try {
    for await (const chunk of entryChunks(handle, entry)) {
      hash.update(chunk);
      await out.write(chunk);
    }
    await out.sync();
  } catch (error) {
    if (!(error instanceof ArchiveProblem)) throw error;
    problem = `it ${error.message}`;
  } finally {
    await out.close();
  }
  const actual = hash.digest('hex');
  if (!problem && actual !== sha256)
    problem = `its bytes hash to ${actual}, not to its name: it was changed after the backup was written`;
  if (problem) await fs.rm(temp, { force: true });
  else staged.push({ folder, sha256, temp });
  return problem;
}

/** Restores the backup archive at `path`; the outcome counts the kept files put back. */
export async function restoreBackupArchive(ctx: CoreContext, path: string): Promise<ImportOutcome> {
  const fileName = basename(path);
  const { store } = ctx;
  if (store.readOnly)
    throw new WorkbenchError('READ_ONLY', `Not restored: ${store.readOnlyReason ?? ''}`);
  const handle = await nodeFs.open(path, 'r').catch((error: Error) => {
    throw new ImportError(fileName, `it could not be read (${error.message})`);
  });
  const staged: Staged[] = [];
  try {
    let backup: Backup;
    let kept: ArchiveEntry[];
    try {
      const directory = await readArchiveDirectory(handle, (await handle.stat()).size);
      kept = directory.kept;
      backup = await parseBackup(await readEntry(handle, directory.records), fileName);
    } catch (error) {
      if (error instanceof ArchiveProblem) throw new ImportError(fileName, `it ${error.message}`);
      throw error;
    }
    if (backup.kept)
      throw new ImportError(
        fileName,
        'its backup.json carries files of its own; nothing was restored',
      );
    // The records first: a backup that would be refused writes no original either.
    await ctx.read((tx) => checkRestore(ctx, tx, backup, fileName));
    const named = new Set(
      keptNamedBy(backup.documents.map((d) => d.document)).map((k) => `${k.folder}/${k.sha256}`),
    );
    const refused: string[] = [];
    for (const entry of kept) {
      if (!named.has(entry.name)) continue;
      const problem = await stageEntry(ctx, handle, entry, staged);
      if (problem) refused.push(`${entry.name}: ${problem}`);
    }
    if (refused.length)
      throw new ImportError(
        fileName,
        `${refused.length} of the ${named.size} files it carries ${refused.length === 1 ? 'was' : 'were'} refused, so nothing was restored: ${refused.join('; ')}`,
      );
    // Every file checked: now they get their names, and then the records may name them.
    try {
      while (staged.length) {
        const next = staged[staged.length - 1]!;
        await nameKept(store.fileSystem, store.dir, next.folder, next.sha256, next.temp);
        staged.pop();
      }
    } catch (error) {
      throw new WorkbenchError(
        'WRITE_FAILED',
        `Not restored: the originals in ${fileName} could not be kept in the workspace (${(error as Error).message}).`,
      );
    }
    return await restoreRecords(ctx, backup, fileName, named.size === 0 ? 0 : countIn(kept, named));
  } finally {
    await handle.close();
    for (const { temp } of staged) await store.fileSystem.rm(temp, { force: true });
  }
}

/** How many of the named kept files the archive held (and so were put back). */
const countIn = (kept: readonly ArchiveEntry[], named: ReadonlySet<string>): number =>
  kept.filter((e) => named.has(e.name)).length;
