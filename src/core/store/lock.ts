// One process at a time holds a workspace for writing. The lock is a file whose full
// contents (pid, host kind, machine, time) are written to a temp file first and then
// hard-linked into place: link() fails if the lock exists, so taking it is atomic and a
// reader never sees a half-written lock. A lock left by a process that died (kill -9, a
// power cut) is stale: its pid no longer runs on this machine, and it is taken over.
import { readFileSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { LockHolder } from '../../shared/api';
import { fsyncDirectory, writeTemp, type StoreFs } from './durable';

export const LOCK_FILE = '.lock';

export type LockResult =
  { held: true; release: () => Promise<void> } | { held: false; holder: LockHolder };

/** Whether a process with this pid runs on this machine (EPERM: it runs, as another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseLock(raw: string): LockHolder | null {
  try {
    const data = JSON.parse(raw) as Partial<LockHolder>;
    if (
      typeof data.pid === 'number' &&
      typeof data.host === 'string' &&
      typeof data.hostname === 'string' &&
      typeof data.since === 'string'
    )
      return data as LockHolder;
  } catch {
    // Not JSON: nobody wrote this lock through link(), so nobody holds it.
  }
  return null;
}

/** A lock is stale when its process is known to be gone; one on another machine never is. */
export function isStale(holder: LockHolder | null): boolean {
  if (!holder) return true;
  return holder.hostname === hostname() && !isAlive(holder.pid);
}

export async function acquireLock(fs: StoreFs, dir: string, host: string): Promise<LockResult> {
  const file = join(dir, LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid,
    host,
    hostname: hostname(),
    since: new Date().toISOString(),
  };
  const contents = JSON.stringify(me);
  for (let attempt = 0; attempt < 3; attempt++) {
    const temp = await writeTemp(fs, file, contents);
    try {
      await fs.link(temp, file);
      await fsyncDirectory(fs, dir);
      return { held: true, release: releaser(fs, file, contents) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await fs.rm(temp, { force: true });
    }
    let raw: string;
    try {
      raw = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile
      throw error;
    }
    const holder = parseLock(raw);
    if (!isStale(holder)) return { held: false, holder: holder! };
    // The holder is gone. (Two processes taking over the same stale lock at the same
    // instant could both remove it; the window is a few microseconds on one machine.)
    await fs.rm(file, { force: true });
  }
  throw new Error(`could not take the workspace lock ${file}`);
}

/** Locks this process holds, given back even if it exits without closing them. */
const heldLocks = new Map<string, string>();
let exitHookInstalled = false;

function releaseAllOnExit(): void {
  for (const [file, contents] of heldLocks) {
    try {
      if (readFileSync(file, 'utf8') === contents) rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  }
}

function releaser(fs: StoreFs, file: string, contents: string): () => Promise<void> {
  heldLocks.set(file, contents);
  if (!exitHookInstalled) {
    process.once('exit', releaseAllOnExit);
    exitHookInstalled = true;
  }
  return async () => {
    if (heldLocks.get(file) !== contents) return;
    heldLocks.delete(file);
    try {
      if ((await fs.readFile(file, 'utf8')) === contents) await fs.rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  };
}
