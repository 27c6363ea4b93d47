// The open workspace's team sharing, behind the sync.* API: whether it is shared, its live
// link (live-sync.ts, loaded only for a shared workspace, so that opening an unshared one
// never compiles Automerge), and the member's display name (`.sync/member.json`, kept even
// before sharing). Share, join and sync now run one at a time.
import { access, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { readOnly, WorkbenchError } from '../../shared/errors';
import type {
  SyncConflict,
  SyncRound,
  SyncStatus,
  ShareInput,
  JoinInput,
  ChooseInput,
  HistoryInput,
  RecordHistoryEntry,
} from '../../shared/methods/sync';
import type { CoreContext } from '../context';
import { nodeFs, writeFileDurably } from '../store/durable';
import type { LiveSync } from './live-sync';

const SYNC_DIR = '.sync';
const Member = z.strictObject({ displayName: z.string().max(80) });

const UNSHARED: Omit<SyncStatus, 'displayName'> = {
  state: 'unshared',
  shareId: null,
  server: null,
  folder: null,
  waiting: 0,
  lastSync: null,
  conflicts: 0,
  refused: 0,
  problem: null,
  revision: '',
};

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

export class TeamSharing {
  private live: LiveSync | undefined;
  /** Why a shared workspace has no link (no key here, a damaged configuration). */
  private unlinked: string | undefined;
  private displayName = '';
  private queue: Promise<unknown> = Promise.resolve();
  /** Settles once a shared workspace's link is open (or could not be). */
  readonly ready: Promise<void>;

  constructor(
    private readonly ctx: CoreContext,
    private readonly dir: string,
    /** Whether to reopen a shared workspace's link now (see WorkbenchOptions.liveSync). */
    resume: boolean,
  ) {
    this.ready = this.resume(resume);
  }

  private file(name: string): string {
    return join(this.dir, SYNC_DIR, name);
  }

  private async resume(link: boolean): Promise<void> {
    try {
      const saved = await readFile(this.file('member.json'), 'utf8');
      this.displayName = Member.parse(JSON.parse(saved)).displayName;
    } catch {
      this.displayName = ''; // none set yet, or unreadable: asked for again
    }
    // A read-only workspace cannot take remote changes; its link stays closed.
    if (!link || this.ctx.store.readOnly || !(await exists(this.file('config.json')))) return;
    try {
      const { LiveSync } = await import('./live-sync');
      this.live = await LiveSync.resume(this.ctx, this.dir, this.displayName);
    } catch (error) {
      this.unlinked = error instanceof Error ? error.message : String(error);
    }
  }

  /** Runs one of share, join, sync now after any still running. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async status(): Promise<SyncStatus> {
    await this.ready;
    if (this.live) return this.live.status(this.displayName);
    if (this.unlinked)
      return {
        ...UNSHARED,
        state: 'needs-key',
        problem: this.unlinked,
        displayName: this.displayName,
      };
    return { ...UNSHARED, displayName: this.displayName };
  }

  private writable(): void {
    const reason = this.ctx.store.readOnlyReason;
    if (reason) throw readOnly(reason);
  }

  share(input: z.output<typeof ShareInput>): Promise<SyncStatus> {
    return this.serial(async () => {
      await this.ready;
      this.writable();
      const { LiveSync } = await import('./live-sync');
      // Sharing again (another relay, a new key) keeps the share id teammates already have.
      const shareId = this.live?.config.shareId;
      await this.live?.close();
      this.live = undefined;
      this.live = await LiveSync.start(
        this.ctx,
        this.dir,
        { ...input, ...(shareId ? { shareId } : {}) },
        this.displayName,
      );
      this.unlinked = undefined;
      return this.status();
    });
  }

  join(input: z.output<typeof JoinInput>): Promise<SyncStatus> {
    return this.serial(async () => {
      await this.ready;
      this.writable();
      if (this.live || this.unlinked || (await exists(this.file('config.json'))))
        throw new WorkbenchError(
          'CONFLICT',
          'This workspace is already shared; it cannot join another team’s. Join from a new, empty workspace.',
        );
      const ws = this.ctx.store.workspace;
      if (ws.entities.length || ws.notes.length)
        throw new WorkbenchError(
          'CONFLICT',
          `This workspace has ${ws.entities.length} entities and ${ws.notes.length} notes of its own, which joining would give to the team. Join from a new, empty workspace.`,
        );
      const { LiveSync } = await import('./live-sync');
      this.live = await LiveSync.start(this.ctx, this.dir, input, this.displayName);
      return this.status();
    });
  }

  private linked(): LiveSync {
    if (this.live) return this.live;
    throw new WorkbenchError(
      'INVALID_INPUT',
      this.unlinked
        ? `This workspace is shared but not connected: ${this.unlinked} Share it again with the team key.`
        : 'This workspace is not shared: share it or join a team’s first.',
    );
  }

  now(): Promise<SyncRound> {
    return this.serial(async () => {
      await this.ready;
      return this.linked().round();
    });
  }

  async conflicts(): Promise<SyncConflict[]> {
    await this.ready;
    return this.live?.conflicts() ?? [];
  }

  async history(input: z.output<typeof HistoryInput>): Promise<RecordHistoryEntry[]> {
    await this.ready;
    return this.live?.history(input.kind, input.id) ?? [];
  }

  async choose(input: z.output<typeof ChooseInput>): Promise<SyncStatus> {
    await this.ready;
    this.writable();
    await this.linked().choose(input);
    return this.status();
  }

  async setDisplayName(name: string): Promise<SyncStatus> {
    await this.ready;
    await mkdir(join(this.dir, SYNC_DIR), { recursive: true });
    await writeFileDurably(
      nodeFs,
      this.file('member.json'),
      JSON.stringify({ displayName: name }, null, 2) + '\n',
    );
    this.displayName = name;
    this.live?.named(name);
    return this.status();
  }

  async close(): Promise<void> {
    await this.ready;
    await this.queue;
    await this.live?.close();
    this.live = undefined;
  }
}
