// What a shared workspace keeps of its sharing, in `<workspace>/.sync/` (never in the
// workspace's own files): which share it belongs to and the relay it syncs through
// (config.json; the key is never written here, only the path of a key file if one was
// given), the Automerge document as last saved whole (workspace.am) with the changes made
// since appended to workspace.log (saving a big document whole after every change would
// cost more than the change), and the heads at which the store and the document last
// agreed (state.json).
import { appendFile, mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { WorkbenchError } from '../../shared/errors';
import { DocumentStamp } from '../store/catalog';
import { nodeFs, writeFileDurably } from '../store/durable';
import type { OpenFields } from './conflict-index';
import type { Quarantined } from './remote-records';
import { SYNCED_KINDS } from './workspace-doc';

export const SYNC_DIR = '.sync';

export const SyncConfig = z
  .strictObject({
    version: z.literal(1),
    /** The workspace document's id: what `join` is given. */
    shareId: z.string().min(1).max(64),
    /** The relay's ws:// or wss:// address; or else a shared folder, below. */
    server: z
      .string()
      .regex(/^wss?:\/\/\S+$/, 'a relay address starts with ws:// or wss://')
      .optional(),
    /** A shared folder's absolute path (folder-link.ts), for teams without a relay. */
    folder: z.string().min(1).max(4096).optional(),
    /** This workspace's own file name in the shared folder. */
    replica: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/)
      .optional(),
    keyFile: z.string().optional(),
  })
  .refine((c) => (c.server === undefined) !== (c.folder === undefined), {
    message: 'a share goes through a relay or through a folder: one of the two',
  })
  .refine((c) => c.folder === undefined || c.replica !== undefined, {
    message: 'a share through a folder names this workspace’s file there',
  });
export type SyncConfig = z.infer<typeof SyncConfig>;

const Heads = z.array(z.string().regex(/^[0-9a-f]{64}$/));

/** The conflict index (conflict-index.ts) as it stood at the document's saved heads. */
const SavedConflicts = z.strictObject({
  heads: Heads,
  open: z.array(
    z.strictObject({
      kind: z.enum(SYNCED_KINDS),
      id: z.string(),
      fields: z.array(z.string()),
    }),
  ),
});
export type SavedConflicts = z.infer<typeof SavedConflicts>;

const SyncState = z.strictObject({
  agreed: Heads,
  /** Remote records refused: kept apart until a valid version arrives (see replicator.ts). */
  quarantined: z
    .array(
      z.strictObject({
        kind: z.enum(SYNCED_KINDS),
        id: z.string(),
        reason: z.string(),
        waiting: z.boolean().optional(),
      }),
    )
    .default([]),
  /** Per document, the stamp its files had when the document last held them (replicator.ts). */
  stamps: z.record(z.string(), DocumentStamp).default({}),
  conflicts: SavedConflicts.optional(),
});

const path = (dir: string, name: string): string => join(dir, SYNC_DIR, name);

async function readOptional(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function readSyncConfig(dir: string): Promise<SyncConfig | undefined> {
  const bytes = await readOptional(path(dir, 'config.json'));
  if (!bytes) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    json = undefined;
  }
  const parsed = SyncConfig.safeParse(json);
  if (!parsed.success)
    throw new WorkbenchError(
      'INVALID_INPUT',
      `${path(dir, 'config.json')} is not a sharing configuration (${parsed.error.issues[0]?.message ?? 'unreadable'}); share or join again.`,
    );
  return parsed.data;
}

export async function writeSyncConfig(dir: string, config: SyncConfig): Promise<void> {
  const checked = SyncConfig.safeParse(config);
  if (!checked.success)
    throw new WorkbenchError(
      'INVALID_INPUT',
      `Cannot share: ${checked.error.issues[0]?.message ?? 'bad settings'}.`,
    );
  await mkdir(join(dir, SYNC_DIR), { recursive: true });
  await writeFileDurably(nodeFs, path(dir, 'config.json'), JSON.stringify(config, null, 2) + '\n');
}

export interface SavedDoc {
  bytes: Uint8Array | undefined;
  /** Changes saved since: Automerge's incremental format, loaded after `bytes`. */
  log: Uint8Array | undefined;
  agreed: string[] | undefined;
  quarantined: Quarantined[];
  stamps: Record<string, DocumentStamp>;
  conflicts: SavedConflicts | undefined;
}

export async function readSavedDoc(dir: string): Promise<SavedDoc> {
  const bytes = await readOptional(path(dir, 'workspace.am'));
  const log = await readOptional(path(dir, 'workspace.log'));
  const state = await readOptional(path(dir, 'state.json'));
  let parsed: z.infer<typeof SyncState> | undefined;
  try {
    parsed = state ? SyncState.parse(JSON.parse(state.toString('utf8'))) : undefined;
  } catch {
    parsed = undefined; // then everything is compared again: nothing is lost, only re-sent
  }
  return {
    bytes: bytes && new Uint8Array(bytes),
    log: log && new Uint8Array(log),
    agreed: parsed?.agreed,
    quarantined: parsed?.quarantined ?? [],
    stamps: parsed?.stamps ?? {},
    conflicts: parsed?.conflicts,
  };
}

/**
 * The document first, then the heads: heads saved are always in the saved document. Whole
 * (`bytes` replaces workspace.am, and the log it includes goes), or as changes appended to
 * the log. A log cut short by a crash loads up to its last whole change; what it lost is
 * still in the store, and sent again.
 */
export async function saveDoc(
  dir: string,
  save: { whole: Uint8Array } | { since: Uint8Array },
  agreed: readonly string[],
  quarantined: readonly Quarantined[],
  stamps: Readonly<Record<string, DocumentStamp>> = {},
  conflicts?: { heads: readonly string[]; open: readonly OpenFields[] },
): Promise<void> {
  await mkdir(join(dir, SYNC_DIR), { recursive: true });
  if ('whole' in save) {
    await writeFileDurably(nodeFs, path(dir, 'workspace.am'), save.whole);
    await rm(path(dir, 'workspace.log'), { force: true });
  } else if (save.since.length) {
    await appendFile(path(dir, 'workspace.log'), save.since);
    const file = await open(path(dir, 'workspace.log'), 'r');
    try {
      await file.sync();
    } finally {
      await file.close();
    }
  }
  await writeFileDurably(
    nodeFs,
    path(dir, 'state.json'),
    JSON.stringify({ agreed, quarantined, stamps, conflicts }) + '\n',
  );
}
