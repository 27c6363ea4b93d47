// A workspace connected to its team: the Automerge document loaded from `.sync/`, an
// automerge-repo Repo that talks to the relay, and the replicator that keeps the store and
// the document in step. `round()` is one sync as the command line runs it: connect, wait
// until the relay and this replica hold the same heads, apply what came, save.
import * as A from '@automerge/automerge';
import { randomUUID } from 'node:crypto';
import {
  decodeHeads,
  generateAutomergeUrl,
  parseAutomergeUrl,
  isValidDocumentId,
  Repo,
  type DocHandle,
  type DocumentId,
  type PeerId,
} from '@automerge/automerge-repo';
import type { RefusedFile } from '../../shared/api';
import { WorkbenchError } from '../../shared/errors';
import type { CoreContext } from '../context';
import { RelayBlobStore, type BlobStore } from './blob-store';
import { FolderLink, folderBlobs } from './folder-link';
import { RelayClientAdapter } from './relay-client';
import type { Resolution } from './remote-records';
import { ConflictIndex } from './conflict-index';
import { openSavedDoc } from './open-doc';
import { Replicator } from './replicator';
import { readSavedDoc, saveDoc } from './sync-files';
import {
  conflictsOf,
  genesis,
  sameHeads,
  type FieldConflict,
  type WorkspaceDoc,
} from './workspace-doc';

export interface RoundResult {
  sent: number;
  received: number;
  conflicts: FieldConflict[];
  quarantined: { kind: string; id: string; reason: string; waiting?: boolean }[];
  /** Semantic conflicts settled by a stated rule since the session opened (remote-rules.ts). */
  resolved: Resolution[];
  /** Members' files in a shared folder that were refused, and why (folder-link.ts). */
  refusedFiles?: RefusedFile[];
}

/** Where the link to the team stands, for the window's status line (nothing of the key). */
export interface SessionLink {
  connected: boolean;
  /** The relay refused the team key. */
  refused: boolean;
  unreachable: boolean;
  inStep: boolean;
  /** Members' files in a shared folder that were refused, and why (empty for a relay). */
  refusedFiles: RefusedFile[];
}

/** Past this many bytes of appended changes, the next save writes the document whole. */
const LOG_LIMIT = 4 * 1024 * 1024;

/** How long after a change the document is saved to `.sync/` (a round saves at once). */
const SAVE_DELAY_MS = 1000;

/** Where a session meets its team: a relay (with the team key), or a shared folder. */
export type TeamPlace =
  | { server: string; key: string }
  | {
      folder: string;
      /** This workspace's file name there. */
      replica: string;
      /** Whether to look at the folder every second (off: only rounds do, as tests want). */
      poll?: boolean;
    };

/** How a session reaches its team: the relay's connection, or a shared folder (folder-link.ts). */
export interface TeamLink {
  readonly connected: boolean;
  readonly lastError: 'refused' | 'unreachable' | undefined;
  disconnect(): void;
  /** A link outside automerge-repo's network: looks at the other side now (a round waits). */
  exchange?(): Promise<void>;
  /** Whether the other side holds every change this replica holds, and the reverse. */
  inStep?(): boolean;
  /** Files read from a folder and refused, with why. */
  readonly refused?: ReadonlyMap<string, string>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function checkShareId(id: string): DocumentId {
  if (!isValidDocumentId(id))
    throw new WorkbenchError(
      'INVALID_INPUT',
      `"${id}" is not a share id (the last line \`share\` printed).`,
    );
  return id;
}

export class SyncSession {
  private saving: Promise<void> = Promise.resolve();
  private saveTimer: NodeJS.Timeout | undefined;
  /** The heads saved so far (whole or in the log), and how much the log holds. */
  private savedHeads: A.Heads | undefined;
  private logged = 0;
  /** The counts as of the last round's report (sending starts as soon as it opens). */
  private reported = { sent: 0, received: 0 };

  private constructor(
    private readonly dir: string,
    private readonly repo: Repo,
    private readonly adapter: TeamLink,
    readonly handle: DocHandle<WorkspaceDoc>,
    readonly replicator: Replicator,
    private readonly conflictIndex: ConflictIndex,
    private readonly store: Pick<CoreContext['store'], 'settled'>,
  ) {}

  static async open(
    ctx: CoreContext,
    dir: string,
    share: { shareId: string } & TeamPlace,
    /** Where bodies and kept files go: the relay's blob endpoint or the folder's. */
    blobs?: BlobStore,
  ): Promise<SyncSession> {
    const docId = checkShareId(share.shareId);
    const saved = await readSavedDoc(dir);
    const relay = 'server' in share ? new RelayClientAdapter(share.server, share.key) : undefined;
    const repo = new Repo({
      network: relay ? [relay] : [],
      peerId: `workbench-${randomUUID()}` as PeerId,
      sharePolicy: () => Promise.resolve(true),
    });
    // Every replica starts from the same genesis under the same id (workspace-doc.ts).
    const handle = repo.import<WorkspaceDoc>(genesis(), { docId });
    const conflicts = new ConflictIndex();
    openSavedDoc(handle, saved, conflicts);
    const doc = handle.doc();
    let adapter: TeamLink;
    if ('server' in share) {
      adapter = relay!;
      blobs ??= new RelayBlobStore(share.server, share.key);
    } else {
      adapter = new FolderLink(share.folder, docId, share.replica, handle, share.poll ?? true);
      blobs ??= folderBlobs(share.folder, docId);
    }
    const start = A.getHeads(A.load(genesis()));
    // Heads not in the saved document (it was lost or replaced) mean no known agreement:
    // everything is compared from the genesis, which re-sends but loses nothing.
    const known = !!saved.agreed && A.hasHeads(doc, saved.agreed);
    const agreed = known ? saved.agreed! : start;
    const holder: { session?: SyncSession } = {};
    const replicator = new Replicator(
      ctx,
      handle,
      agreed,
      saved.quarantined,
      () => holder.session?.saveSoon(),
      blobs,
      // What the stamps say the document holds is only known at the heads they were saved with.
      known ? saved.stamps : {},
    );
    const session = new SyncSession(dir, repo, adapter, handle, replicator, conflicts, ctx.store);
    if (saved.bytes) session.savedHeads = A.getHeads(doc);
    holder.session = session;
    // Each connection may be to a relay that lost blobs since this session last put them
    // (restarted empty, or from an older backup): it is asked which, and they go again.
    relay?.on('peer-candidate', () => void replicator.resendMissing().catch(() => undefined));
    await replicator.start();
    return session;
  }

  /**
   * Saving the whole document costs more as it grows: changes close together share one
   * save. Until then the changes are in the relay or in the store (re-sent from it).
   */
  private saveSoon(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.scheduleSave(), SAVE_DELAY_MS);
    this.saveTimer.unref();
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.saving = this.saving.then(() => this.save()).catch(() => undefined);
  }

  private async save(): Promise<void> {
    const doc = this.handle.doc();
    const heads = A.getHeads(doc);
    const agreed = this.replicator.agreed;
    const whole = !this.savedHeads || this.logged > LOG_LIMIT;
    const since = whole ? undefined : A.saveSince(doc, this.savedHeads!);
    await saveDoc(
      this.dir,
      since ? { since } : { whole: A.save(doc) },
      agreed,
      [...this.replicator.quarantined.values()],
      Object.fromEntries(this.replicator.stamps.synced),
      // Read with the heads, before any await: the index follows the handle synchronously.
      { heads, open: this.conflictIndex.saved() },
    );
    this.logged = since ? this.logged + since.length : 0;
    this.savedHeads = heads;
  }

  conflicts(): FieldConflict[] {
    return this.conflictIndex.list(this.handle.doc());
  }

  private relayHeadsMatch(): boolean {
    if (this.adapter.inStep) return this.adapter.inStep();
    const peer = this.repo.peers[0];
    const storageId = peer && this.repo.getStorageIdOfPeer(peer);
    const theirs = storageId && this.handle.getSyncInfo(storageId)?.lastHeads;
    return !!theirs && sameHeads(decodeHeads(theirs), A.getHeads(this.handle.doc()));
  }

  /** The link to the relay, for the app's status line (added for the window; nothing of the key). */
  link(): SessionLink {
    const connected = this.adapter.connected;
    return {
      connected,
      refused: this.adapter.lastError === 'refused',
      unreachable: !connected && this.adapter.lastError === 'unreachable',
      inStep: connected && this.relayHeadsMatch(),
      refusedFiles: this.refusedFiles(),
    };
  }

  /** A folder link's refused files, as the CLI's `sync` and the window's status both say them. */
  private refusedFiles(): RefusedFile[] {
    return [...(this.adapter.refused ?? [])].map(([file, reason]) => ({ file, reason }));
  }

  /** One sync with the relay: returns once both hold the same changes and they are applied. */
  async round(timeoutMs = 30_000): Promise<RoundResult> {
    const deadline = Date.now() + timeoutMs;
    let sent = false;
    for (;;) {
      if (this.adapter.exchange) {
        await this.adapter.exchange();
        if (!this.adapter.connected)
          throw new WorkbenchError(
            'INVALID_INPUT',
            'The shared folder cannot be read or written; check that it is there (the drive plugged in, the share mounted).',
          );
      }
      if (this.adapter.lastError === 'refused')
        throw new WorkbenchError('FORBIDDEN', 'The relay refused the team key.');
      if (Date.now() > deadline)
        throw new WorkbenchError(
          'INVALID_INPUT',
          this.adapter.connected
            ? 'The relay did not finish syncing in time; run sync again.'
            : 'The relay could not be reached; check the address and that it is running.',
        );
      if (this.adapter.connected && !sent) {
        // Bodies and kept files first: a peer given a document's record can then fetch them.
        // Those the relay took before but lacks now (restarted empty, or from a backup) too.
        await this.replicator.resendMissing();
        await this.replicator.sent();
        sent = true;
      }
      if (this.adapter.connected && this.relayHeadsMatch()) {
        const heads = A.getHeads(this.handle.doc());
        await this.replicator.pull();
        await this.replicator.idle();
        await this.replicator.sent();
        // Applying may write local fixes (references to a removed entity): send those too.
        if (sameHeads(heads, A.getHeads(this.handle.doc()))) break;
      }
      await sleep(40);
    }
    if (this.replicator.lastError)
      throw new WorkbenchError('INVALID_INPUT', this.replicator.lastError);
    // Applied means in place: a first sync's 2,000 files still landing held the next
    // change a teammate sent (up to 1.4 s, `npm run bench:sync`) after the round returned.
    await this.store.settled();
    this.scheduleSave();
    await this.saving;
    const before = this.reported;
    this.reported = { ...this.replicator.counts };
    return {
      sent: this.reported.sent - before.sent,
      received: this.reported.received - before.received,
      conflicts: this.conflicts(),
      quarantined: [...this.replicator.quarantined.values()],
      resolved: [...this.replicator.resolved],
      refusedFiles: this.refusedFiles(),
    };
  }

  async close(): Promise<void> {
    if (this.adapter.exchange) {
      // A folder is written only when looked at: what changed here since goes in now.
      await this.replicator.sent().catch(() => undefined);
      await this.adapter.exchange();
    }
    this.replicator.stop();
    this.adapter.disconnect();
    // An apply under way (the exchange above can start one) commits or fails first: saved
    // while it ran, the agreement would be the one before it, and the records it brought,
    // in the store from then on, would not count as changed since; one a teammate removed
    // later would then never be removed here (the sync property test's "30805636:12").
    await this.replicator.idle();
    this.scheduleSave();
    await this.saving;
  }
}

/** A new share id: random, so that no one can guess the id of another team's workspace. */
export function newShareId(): string {
  return parseAutomergeUrl(generateAutomergeUrl()).documentId;
}

/** The open conflicts as of the last sync, read from `.sync/` without connecting. */
export async function savedConflicts(dir: string): Promise<FieldConflict[]> {
  const { bytes, log } = await readSavedDoc(dir);
  if (!bytes) return [];
  const doc = A.load<WorkspaceDoc>(bytes);
  return conflictsOf(log ? A.loadIncremental(doc, log) : doc);
}
