// A backup that carries the originals: the kept files (every document's original in
// originals/ and its figures' images in media/) written into the JSON backup when the user
// asks, and put back when it is restored. Each is read through readKept, so a changed
// original is refused rather than copied; each is checked again against its name before a
// restore writes anything, so a backup changed on the way restores nothing.
import { join } from 'node:path';
import { WorkbenchError } from '../../shared/errors';
import type { Document } from '../../shared/model';
import type { CoreContext } from '../context';
import { ImportError } from '../importers/import-error';
import {
  keepFile,
  keptPath,
  MEDIA_FOLDER,
  ORIGINALS_FOLDER,
  readKept,
  sha256Hex,
  type KeptFolder,
} from '../originals/kept-files';
import type { Backup, KeptCopy } from './snapshot';

/** Every kept file the documents name, each once. */
export function keptNamedBy(documents: readonly Pick<Document, 'original' | 'blocks'>[]) {
  const named = new Map<string, { folder: KeptFolder; sha256: string }>();
  const add = (folder: KeptFolder, sha256: string): void => {
    named.set(`${folder}/${sha256}`, { folder, sha256 });
  };
  for (const d of documents) {
    if (d.original) add(ORIGINALS_FOLDER, d.original.sha256);
    for (const b of d.blocks) if (b.image) add(MEDIA_FOLDER, b.image.sha256);
  }
  return [...named.values()];
}

/** The kept files of these documents, read and checked, for the backup to carry. */
export async function readKeptCopies(
  ctx: CoreContext,
  documents: readonly Pick<Document, 'original' | 'blocks'>[],
): Promise<KeptCopy[]> {
  const { store } = ctx;
  const copies: KeptCopy[] = [];
  for (const { folder, sha256 } of keptNamedBy(documents)) {
    try {
      const bytes = await readKept(store.fileSystem, store.dir, folder, sha256);
      copies.push({ folder, sha256, base64: Buffer.from(bytes).toString('base64') });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new WorkbenchError(
        error instanceof WorkbenchError ? error.code : 'INTERNAL',
        `The backup with originals was not written: ${why} Export the backup without the originals, or restore the file first.`,
      );
    }
  }
  return copies;
}

/**
 * Puts back the kept files a backup carries, before the command that restores its records
 * (which may then name them). Only files its documents name are kept; every one is checked
 * against its name first, and one that does not match refuses the whole backup. Says how
 * many it put back (new or already here), or nothing when the backup carries none.
 */
export async function restoreKeptCopies(
  ctx: CoreContext,
  backup: Backup,
  fileName: string,
): Promise<number | undefined> {
  if (!backup.kept?.length || ctx.store.readOnly) return undefined;
  const named = new Set(
    keptNamedBy(backup.documents.map((d) => d.document)).map((k) => `${k.folder}/${k.sha256}`),
  );
  const wanted: { folder: KeptFolder; bytes: Uint8Array }[] = [];
  for (const copy of backup.kept) {
    if (!named.has(`${copy.folder}/${copy.sha256}`)) continue;
    const bytes = new Uint8Array(Buffer.from(copy.base64, 'base64'));
    if (sha256Hex(bytes) !== copy.sha256)
      throw new ImportError(
        fileName,
        `the copy of ${copy.folder}/${copy.sha256} it carries does not hash to its name, so the backup was changed after it was written; nothing was restored`,
      );
    wanted.push({ folder: copy.folder, bytes });
  }
  const { store } = ctx;
  try {
    for (const { folder, bytes } of wanted)
      await keepFile(store.fileSystem, store.dir, folder, bytes);
  } catch (error) {
    throw new WorkbenchError(
      'WRITE_FAILED',
      `Not restored: the originals in ${fileName} could not be kept in the workspace (${(error as Error).message}).`,
    );
  }
  return wanted.length;
}

/**
 * How many kept files a restored backup's documents name that are in this workspace
 * neither from the backup nor from before: their documents keep their text and hashes,
 * but cannot show or re-check the file they came from. Counted after the carried files
 * were put back, so it is exactly what neither the backup nor the workspace holds.
 */
export async function countMissingKept(
  ctx: CoreContext,
  documents: readonly Pick<Document, 'original' | 'blocks'>[],
): Promise<number> {
  const { fileSystem: fs, dir } = ctx.store;
  let missing = 0;
  for (const { folder, sha256 } of keptNamedBy(documents)) {
    const found = await fs.lstat(join(dir, keptPath(folder, sha256))).catch(() => null);
    if (!found?.isFile()) missing += 1;
  }
  return missing;
}
