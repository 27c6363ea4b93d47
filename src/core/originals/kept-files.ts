// Files kept by their SHA-256: every imported file in `<workspace>/originals/` and every
// image taken out of one in `<workspace>/media/`. A kept file is written once, durably
// (temp file, fsync, then a hard link that fails if the name exists, so nothing is ever
// written over), made read-only, and only then may a command name it. Reading one checks
// its bytes against its name, so a changed original is said to be changed, never shown.
import { createHash } from 'node:crypto';
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { WorkbenchError } from '../../shared/errors';
import { fsyncDirectory, writeTemp, type StoreFs } from '../store/durable';

export const ORIGINALS_FOLDER = 'originals';
export const MEDIA_FOLDER = 'media';
export type KeptFolder = typeof ORIGINALS_FOLDER | typeof MEDIA_FOLDER;

const HEX = /^[0-9a-f]{64}$/;
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

export const sha256Hex = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

/** `originals/<sha256>`: where a kept file lives, relative to the workspace. */
export function keptPath(folder: KeptFolder, sha256: string): string {
  if (!HEX.test(sha256)) throw new WorkbenchError('INVALID_INPUT', `"${sha256}" is not a SHA-256.`);
  return `${folder}/${sha256}`;
}

const exists = async (fs: StoreFs, path: string): Promise<boolean> =>
  (await fs.lstat(path).catch(() => null))?.isFile() ?? false;

/**
 * Keeps `bytes` under their SHA-256 unless a file of that name is there already (the same
 * bytes imported before: it is left as it is). Resolves once the file and its name are on
 * disk, so a command that commits after it never points at a file that a crash lost.
 */
export async function keepFile(
  fs: StoreFs,
  dir: string,
  folder: KeptFolder,
  bytes: Uint8Array,
): Promise<{ sha256: string; created: boolean }> {
  const sha256 = sha256Hex(bytes);
  const target = join(dir, keptPath(folder, sha256));
  if (await exists(fs, target)) return { sha256, created: false };
  await fs.mkdir(join(dir, folder), { recursive: true });
  const temp = await writeTemp(fs, target, bytes);
  return { sha256, created: await nameKept(fs, dir, folder, sha256, temp) };
}

/**
 * Gives a written, fsynced temp file whose bytes hash to `sha256` its kept name (the
 * caller checked the hash while writing it) and removes the temp file. True when it is
 * new, false when the same bytes were kept already.
 */
export async function nameKept(
  fs: StoreFs,
  dir: string,
  folder: KeptFolder,
  sha256: string,
  temp: string,
): Promise<boolean> {
  const target = join(dir, keptPath(folder, sha256));
  let created = true;
  try {
    // Read-only before it gets its name: there is no moment when the kept file is writable.
    await chmod(temp, 0o444);
    await fs.link(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    // Another import of the same bytes got there first: theirs is the same file.
    if (code === 'EEXIST') created = false;
    // File systems without hard links (FAT on a USB stick, some network drives): a rename,
    // after looking once more, since the queue does not order imports' kept files.
    else if (NO_LINKS.has(code)) {
      if (await exists(fs, target)) created = false;
      else await fs.rename(temp, target);
    } else throw error;
  } finally {
    await fs.rm(temp, { force: true });
  }
  await fsyncDirectory(fs, join(dir, folder));
  return created;
}

/** A kept file's bytes, refused if they no longer hash to its name. */
export async function readKept(
  fs: StoreFs,
  dir: string,
  folder: KeptFolder,
  sha256: string,
): Promise<Uint8Array> {
  const path = keptPath(folder, sha256);
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(join(dir, path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new WorkbenchError('NOT_FOUND', `${path} is not in this workspace.`);
    throw error;
  }
  const actual = sha256Hex(bytes);
  if (actual !== sha256)
    throw new WorkbenchError(
      'CONFLICT',
      `${path} has changed since it was kept: its bytes now hash to ${actual}. It is not shown; restore it from a backup or an evidence bundle.`,
    );
  return bytes;
}

/** Whether a kept file is there (its bytes are not checked: see readKept). */
export function hasKept(
  fs: StoreFs,
  dir: string,
  folder: KeptFolder,
  sha256: string,
): Promise<boolean> {
  return exists(fs, join(dir, keptPath(folder, sha256)));
}
