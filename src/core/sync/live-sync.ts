// A workspace's live link to its team, as the app holds it while the workspace is open:
// one SyncSession kept open (the replicator follows both sides as they change), a look at
// the relay every second for the status line (in step or not, since when, what waits),
// and the window's conflict actions. Loaded with `await import()` only once a workspace is
// shared, since Automerge compiles its WebAssembly on import. The team key is given to the
// session and to a key file readable by this user only; it is never returned or logged.
import * as A from '@automerge/automerge';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WorkbenchError } from '../../shared/errors';
import type {
  ConflictValue,
  RecordHistoryEntry,
  SyncConflict,
  SyncRound,
  SyncStatus,
} from '../../shared/methods/sync';
import type { CoreContext } from '../context';
import { loadTeamKey } from './team-key';
import { newReplicaId } from './folder-link';
import { checkShareId, newShareId, SyncSession, type TeamPlace } from './sync-session';
import { readSyncConfig, SYNC_DIR, writeSyncConfig, type SyncConfig } from './sync-files';
import { recordHistory } from './record-history';
import { chooseValue, recordLabel, storeValue } from './choose-value';
import type { DocumentBody } from './synced-records';
import { toAm, toAmRecord, toPlain, type AmRecord, type SyncedKind } from './workspace-doc';

/** Where the app keeps the key typed into Share or Join: the workspace's own `.sync/`. */
export const KEY_FILE = 'team.key';
/** Display names live in the document's `meta`, one flat key per writer (never a nested map
 * that two replicas could each create, hiding one side's). */
const MEMBER_PREFIX = 'member:';
const LINK_CHECK_MS = 1_000;
/** How long a new link may take before the status says offline. */
const CONNECTING_MS = 3_000;
/** How long Share and Join wait for the relay's first answer. */
const FIRST_CONTACT_MS = 5_000;
const ROUND_MS = 20_000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
export const valueText = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

export type ShareRequest = ({ server: string; key: string } | { folder: string }) & {
  /** Given to join a team's workspace; a new one is made to share this one. */
  shareId?: string;
};

async function saveKey(dir: string, key: string): Promise<string> {
  const file = join(dir, SYNC_DIR, KEY_FILE);
  await mkdir(join(dir, SYNC_DIR), { recursive: true });
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  await chmod(file, 0o600); // an older file keeps its mode on overwrite
  return file;
}

/** Waits for the relay's first answer, so a wrong key or address is said at once. */
async function firstContact(session: SyncSession, server: string): Promise<void> {
  const deadline = Date.now() + FIRST_CONTACT_MS;
  for (;;) {
    const link = session.link();
    if (link.refused) throw new WorkbenchError('FORBIDDEN', 'The relay refused the team key.');
    if (link.connected) return;
    // A first attempt that failed (nothing listening, no such host) is said at once.
    if (link.unreachable || Date.now() > deadline)
      throw new WorkbenchError(
        'INVALID_INPUT',
        `The relay at ${server} could not be reached; check the address and that it is running.`,
      );
    await sleep(50);
  }
}

function writeName(session: SyncSession, name: string): void {
  const doc = session.handle.doc();
  const key = `${MEMBER_PREFIX}${A.getActorId(doc)}`;
  if (name && toPlain(doc.meta[key]) !== name)
    session.handle.change((d) => {
      d.meta[key] = new A.ImmutableString(name);
    });
}

export class LiveSync {
  private lastSync: Date | null = null;
  /** Records sent as of the last moment the relay held everything. */
  private sentAtSync = 0;
  private readonly opened = Date.now();
  private readonly timer: NodeJS.Timeout;

  private constructor(
    private readonly ctx: CoreContext,
    readonly config: SyncConfig,
    private readonly session: SyncSession,
  ) {
    this.timer = setInterval(() => this.check(), LINK_CHECK_MS);
    this.timer.unref();
  }

  /** Shares this workspace (a new share id) or joins one: one full round, or nothing kept. */
  static async start(
    ctx: CoreContext,
    dir: string,
    request: ShareRequest,
    displayName: string,
  ): Promise<LiveSync> {
    const shareId = request.shareId ? checkShareId(request.shareId) : newShareId();
    const place: TeamPlace =
      'server' in request
        ? { server: request.server, key: request.key }
        : { folder: request.folder, replica: newReplicaId() };
    const session = await SyncSession.open(ctx, dir, { ...place, shareId });
    writeName(session, displayName); // sent in the first round
    try {
      // A folder's round says itself, at once, when the folder cannot be reached.
      if ('server' in place) await firstContact(session, place.server);
      await session.round(ROUND_MS);
    } catch (error) {
      await session.close();
      throw error;
    }
    const config: SyncConfig =
      'server' in place
        ? { version: 1, shareId, server: place.server, keyFile: await saveKey(dir, place.key) }
        : { version: 1, shareId, folder: place.folder, replica: place.replica };
    await writeSyncConfig(dir, config);
    return new LiveSync(ctx, config, session);
  }

  /** Opens the link of a workspace shared before; undefined when it is not shared. */
  static async resume(
    ctx: CoreContext,
    dir: string,
    displayName: string,
  ): Promise<LiveSync | undefined> {
    const config = await readSyncConfig(dir);
    if (!config) return undefined;
    const place: TeamPlace =
      config.folder && config.replica
        ? { folder: config.folder, replica: config.replica }
        : { server: config.server ?? '', key: await loadTeamKey(config.keyFile) };
    const session = await SyncSession.open(ctx, dir, { shareId: config.shareId, ...place });
    return new LiveSync(ctx, config, session).named(displayName);
  }

  private check(): void {
    if (!this.session.link().inStep) return;
    this.lastSync = new Date();
    this.sentAtSync = this.session.replicator.counts.sent;
  }

  status(displayName: string): SyncStatus {
    this.check();
    const link = this.session.link();
    const doc = this.session.handle.doc();
    const state = link.refused
      ? 'refused'
      : link.connected
        ? link.inStep
          ? 'synced'
          : 'syncing'
        : Date.now() - this.opened < CONNECTING_MS
          ? 'connecting'
          : 'offline';
    return {
      state,
      shareId: this.config.shareId,
      server: this.config.server ?? null,
      folder: this.config.folder ?? null,
      waiting: link.inStep ? 0 : this.session.replicator.counts.sent - this.sentAtSync,
      lastSync: this.lastSync?.toISOString() ?? null,
      conflicts: this.session.conflicts().length,
      refused: this.session.replicator.quarantined.size,
      refusedFiles: link.refusedFiles,
      displayName,
      problem: this.session.replicator.lastError ?? null,
      revision: A.getHeads(doc).sort().join(','),
    };
  }

  /** Writes this writer's name into the document, so that others' conflict lists show it. */
  named(name: string): this {
    writeName(this.session, name);
    return this;
  }

  async round(): Promise<SyncRound> {
    const r = await this.session.round(ROUND_MS);
    this.check();
    return {
      sent: r.sent,
      received: r.received,
      conflicts: r.conflicts.length,
      refused: r.quarantined.length,
    };
  }

  /** A writer as the team knows them: their display name, "(you)" for this member. */
  private writer(): (actor: string) => string {
    const doc = this.session.handle.doc();
    const self = A.getActorId(doc);
    return (actor) => {
      const name = toPlain(doc.meta[`${MEMBER_PREFIX}${actor}`]);
      const named = typeof name === 'string' && name ? name : `member ${actor.slice(0, 8)}`;
      return actor === self ? `${named} (you)` : named;
    };
  }

  /** Who changed the record, what and when, from the team document's history. */
  history(kind: SyncedKind, id: string): RecordHistoryEntry[] {
    const writer = this.writer();
    return recordHistory(this.session.handle.doc(), kind, id).map((c) => ({
      at: c.at,
      by: writer(c.actor),
      action: c.action,
      fields: c.fields,
    }));
  }

  conflicts(): SyncConflict[] {
    const writer = this.writer();
    return this.session.conflicts().map((c) => ({
      kind: c.kind,
      id: c.id,
      field: c.field,
      label: recordLabel(this.ctx, c.kind, c.id),
      values: c.values.map((v, i): ConflictValue => ({
        text: valueText(v.value),
        by: writer(v.actor),
        shown: i === 0,
      })),
    }));
  }

  /**
   * Settles a conflict on the value chosen, for any kind of record. Another value than the
   * one shown is written as a command (one undoable step, "Choose …", checked as a remote
   * record is: choose-value.ts), which the replicator sends over both values; the shown value
   * is already the store's, so it is written once more into the document only.
   */
  async choose(input: {
    kind: SyncedKind;
    id: string;
    field: string | null;
    index: number;
    expected: string;
  }): Promise<void> {
    const { kind, id, field, index } = input;
    await this.session.replicator.pull(); // the store holds what the document holds
    await this.session.replicator.idle();
    const open = this.session
      .conflicts()
      .find((c) => c.kind === kind && c.id === id && c.field === field);
    if (!open)
      throw new WorkbenchError(
        'NOT_FOUND',
        'That conflict is no longer open: another member may have settled it.',
      );
    const chosen = open.values[index];
    if (!chosen || valueText(chosen.value) !== input.expected)
      throw new WorkbenchError(
        'CONFLICT',
        'That conflict has changed since it was shown; look at it again.',
      );
    if (index > 0) {
      const body = await this.bodyOf(kind, field, chosen.value);
      await chooseValue(
        this.ctx,
        this.session.handle.doc(),
        { kind, id, field, value: chosen.value, ...(body ? { body } : {}) },
        valueText(chosen.value),
      );
    }
    const settled = await storeValue(this.ctx, kind, id, field);
    if (settled === undefined) return;
    this.session.handle.change((d) => {
      if (field === null)
        d[kind][id] =
          typeof settled === 'object' && settled
            ? toAmRecord(settled)
            : (toAm(settled) as AmRecord);
      else if (d[kind][id]) d[kind][id][field] = toAm(settled);
    });
  }

  /** A document's chosen text, fetched before the command (which cannot wait for it). */
  private async bodyOf(
    kind: SyncedKind,
    field: string | null,
    value: unknown,
  ): Promise<{ sha256: string; body: DocumentBody } | undefined> {
    if (kind !== 'documents') return undefined;
    const sha256 =
      field === 'body' ? value : field === null ? (value as { body?: unknown } | null)?.body : null;
    if (typeof sha256 !== 'string') return undefined;
    const body = await this.session.replicator.fetchBody(sha256);
    return body && { sha256, body };
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.session.close();
  }
}
