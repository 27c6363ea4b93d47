// Team sync through a shared folder, for teams that must stay off any server: a folder
// carried by Syncthing, a network drive or a USB stick. Automerge-repo's own file storage is
// not used there: its chunk files are deleted by whoever compacts, and one half-copied chunk
// silently hides every change after it, so a synced folder can lose a member's work for
// good (coord/automerge-notes.md §4). Instead each replica owns one file, the whole document
// as it holds it, written under a temporary name and renamed, never touched by anyone else:
//   <folder>/<share id>/docs/<replica>.am   one per member's workspace
//   <folder>/<share id>/blobs/<sha256>      bodies and kept files (blob-store.ts)
// Every other member's file is read when its size or time changes and merged (merging is
// idempotent, so reading a file twice, or a sync tool's conflict copy, does no harm). What
// comes from the folder is hostile until checked: a file that is not a document of this
// share, or that replaces the workspace's maps, is refused and listed; the records it holds
// then go through the same checks as the relay's (remote-records.ts, remote-rules.ts).
import * as A from '@automerge/automerge';
import type { DocHandle } from '@automerge/automerge-repo';
import { randomUUID } from 'node:crypto';
import { lstat, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FolderBlobStore } from './blob-store';
import { documentProblem } from './genesis-check';
import { sameHeads, type WorkspaceDoc } from './workspace-doc';

/** How often a live link looks at the folder (and writes what changed here). */
const POLL_MS = 1000;
/** A member's document past this size is refused unread (the 2,000-document bench is ~1 MB). */
export const MAX_REPLICA_BYTES = 256 * 1024 * 1024;
/** Members' files: a sync tool's temp files, dotfiles and anything else are never read. */
const REPLICA_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.am$/;
/** This workspace's own name in the folder (config.json keeps it). */
export const REPLICA_ID = /^[A-Za-z0-9_-]{8,64}$/;

export const newReplicaId = (): string => randomUUID().replaceAll('-', '');

/** Where a share's bodies and kept files go in the folder. */
export const folderBlobs = (folder: string, shareId: string): FolderBlobStore =>
  new FolderBlobStore(join(folder, shareId, 'blobs'));

export class FolderLink {
  connected = false;
  lastError: 'refused' | 'unreachable' | undefined;
  /** Members' files refused, with why (said by `sync`, kept until the file changes). */
  readonly refused = new Map<string, string>();
  /** Size, time and inode of each file as last read, so an unchanged one is not read again. */
  private readonly seen = new Map<string, string>();
  private written: { heads: A.Heads; stamp: string } | undefined;
  /** Whether the last look found nothing this replica lacked. */
  private quiet = false;
  private running: Promise<void> = Promise.resolve();
  private readonly docs: string;
  private readonly own: string;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly folder: string,
    shareId: string,
    private readonly replica: string,
    private readonly handle: DocHandle<WorkspaceDoc>,
    live = true,
  ) {
    this.docs = join(folder, shareId, 'docs');
    this.own = `${replica}.am`;
    if (live) {
      this.timer = setInterval(() => void this.exchange(), POLL_MS);
      this.timer.unref();
    }
  }

  /** Reads what changed in the folder, then writes this replica's file if it changed here. */
  exchange(): Promise<void> {
    const run = this.running.then(() => this.once());
    this.running = run;
    return run;
  }

  /** Whether the folder holds every change this replica holds, and this replica the folder's. */
  inStep(): boolean {
    return (
      this.connected &&
      this.quiet &&
      !!this.written &&
      sameHeads(this.written.heads, A.getHeads(this.handle.doc()))
    );
  }

  disconnect(): void {
    clearInterval(this.timer);
    this.connected = false;
  }

  private async once(): Promise<void> {
    try {
      // The folder must be there already: an unplugged stick must not become an empty folder.
      if (!(await stat(this.folder)).isDirectory()) throw new Error('not a folder');
      await mkdir(this.docs, { recursive: true });
      if (!this.written) await this.removeOwnTemps();
      const before = A.getHeads(this.handle.doc());
      await this.readOthers();
      this.quiet = sameHeads(before, A.getHeads(this.handle.doc()));
      await this.writeOwn();
      this.connected = true;
      this.lastError = undefined;
    } catch {
      this.connected = false;
      this.quiet = false;
      this.lastError = 'unreachable';
    }
  }

  /** A write cut short (the process killed) leaves its temp file: only its owner removes it. */
  private async removeOwnTemps(): Promise<void> {
    for (const name of await readdir(this.docs))
      if (name.startsWith(`.${this.replica}.`) && name.endsWith('.tmp'))
        await rm(join(this.docs, name), { force: true });
  }

  private async readOthers(): Promise<void> {
    for (const name of await readdir(this.docs)) {
      if (!REPLICA_FILE.test(name)) continue;
      const file = join(this.docs, name);
      // Not followed: a link could name any file on this machine, or a device that never ends.
      const info = await lstat(file).catch(() => undefined);
      if (!info?.isFile()) continue;
      // The inode too: every write is a rename, and a FAT stick's times are 2 s apart.
      const stamp = `${info.size}:${info.mtimeMs}:${info.ino}`;
      // Our own file is read too when someone else wrote it (a copied workspace, a restore).
      if (name === this.own && stamp === this.written?.stamp) continue;
      if (this.seen.get(name) === stamp) continue;
      this.seen.set(name, stamp);
      if (info.size > MAX_REPLICA_BYTES) {
        this.refused.set(name, `it is larger than ${MAX_REPLICA_BYTES / 2 ** 20} MB`);
        continue;
      }
      const bytes = await readFile(file).catch(() => undefined);
      // Gone meanwhile: the next look reads its successor.
      if (bytes) this.take(name, new Uint8Array(bytes));
    }
  }

  private take(name: string, bytes: Uint8Array): void {
    let theirs: A.Doc<WorkspaceDoc>;
    try {
      theirs = A.load<WorkspaceDoc>(bytes);
    } catch {
      // Half copied, or not a document at all: read again once it changes.
      this.refused.set(name, 'it is not an Automerge document, or is cut short');
      return;
    }
    try {
      const problem = documentProblem(theirs);
      if (problem) this.refused.set(name, problem);
      else {
        this.handle.update((d) => A.merge(d, theirs));
        this.refused.delete(name);
      }
    } finally {
      A.free(theirs);
    }
  }

  private async writeOwn(): Promise<void> {
    const doc = this.handle.doc();
    const heads = A.getHeads(doc);
    if (this.written && sameHeads(this.written.heads, heads)) return;
    const target = join(this.docs, this.own);
    // Readers on this machine or a sync tool elsewhere must never see half a file by its name.
    const temp = join(this.docs, `.${this.replica}.${randomUUID()}.tmp`);
    try {
      const file = await open(temp, 'w');
      try {
        await file.writeFile(A.save(doc));
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temp, target);
    } finally {
      await rm(temp, { force: true });
    }
    const info = await stat(target);
    this.written = { heads, stamp: `${info.size}:${info.mtimeMs}:${info.ino}` };
  }
}
