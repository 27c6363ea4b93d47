// Durable file writes. A write lands in a temp file that is fsynced, renamed over the
// target, and then the folder is fsynced, so after a crash the target holds either the
// old or the new bytes, never a mix or nothing. The file system is passed in, so tests
// can record the calls and inject failures (the defences must fail a test when removed).
import * as fsp from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The few file-system calls the store makes; `node:fs/promises` in production. */
export interface StoreFs {
  open: typeof fsp.open;
  readFile: typeof fsp.readFile;
  rename: typeof fsp.rename;
  rm: typeof fsp.rm;
  mkdir: typeof fsp.mkdir;
  readdir: typeof fsp.readdir;
  lstat: typeof fsp.lstat;
  link: typeof fsp.link;
  copyFile: typeof fsp.copyFile;
}

export const nodeFs: StoreFs = {
  open: fsp.open,
  readFile: fsp.readFile,
  rename: fsp.rename,
  rm: fsp.rm,
  mkdir: fsp.mkdir,
  readdir: fsp.readdir,
  lstat: fsp.lstat,
  link: fsp.link,
  copyFile: fsp.copyFile,
};

/** Temp files end in `.tmp`; whatever a killed process left behind is removed on open. */
export const TEMP_SUFFIX = '.tmp';
let tempCounter = 0;

export const tempName = (file: string): string =>
  join(dirname(file), `.${basename(file)}.${process.pid}.${++tempCounter}${TEMP_SUFFIX}`);

export async function fsyncDirectory(fs: StoreFs, dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; there the rename is as far as it goes.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Characters of a long text turned into bytes at a time. */
const WRITE_CHUNK = 1 << 20;

/**
 * Writes `contents` a chunk at a time: a 20 M-character text turned into bytes at once
 * held the thread ~60 ms per file. The bytes are the same as in one go.
 */
async function writeContents(handle: FileHandle, contents: string | Uint8Array): Promise<void> {
  if (typeof contents !== 'string' || contents.length <= WRITE_CHUNK) {
    await handle.writeFile(contents, 'utf8');
    return;
  }
  for (let at = 0; at < contents.length;) {
    // Never between the two halves of a surrogate pair (each alone would be written as U+FFFD).
    let end = Math.min(at + WRITE_CHUNK, contents.length);
    const last = contents.charCodeAt(end - 1);
    if (end < contents.length && last >= 0xd800 && last <= 0xdbff) end += 1;
    await handle.writeFile(contents.slice(at, end), 'utf8');
    at = end;
  }
}

/** Writes `contents` to a new temp file and fsyncs it; returns the temp file's path. */
export async function writeTemp(
  fs: StoreFs,
  file: string,
  contents: string | Uint8Array,
): Promise<string> {
  const temp = tempName(file);
  try {
    const handle = await fs.open(temp, 'wx', 0o644);
    try {
      await writeContents(handle, contents);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  return temp;
}

export async function writeFileDurably(
  fs: StoreFs,
  file: string,
  contents: string | Uint8Array,
): Promise<void> {
  const temp = await writeTemp(fs, file, contents);
  try {
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await fsyncDirectory(fs, dirname(file));
}

/** Removes a file (missing is fine) and makes the removal durable. */
export async function removeDurably(fs: StoreFs, file: string): Promise<void> {
  await fs.rm(file, { force: true });
  await fsyncDirectory(fs, dirname(file));
}
