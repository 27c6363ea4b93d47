// sync.*: team sharing as the window sees it (issue 18). Share the open workspace through a
// team relay or a shared folder, join a shared one, sync now, list the open conflicts and choose a value, and
// set the name the team sees. The team key goes in (share, join) and never comes back out:
// no result carries it, and no schema's message quotes what was typed.
import { z } from 'zod';
import { Empty } from './workspace';
import { method, namespace } from './define';

/** A team key is a secret, not a password to remember (the relay refuses shorter ones). */
export const TEAM_KEY_MIN = 16;

/** Whether `text` is a relay address the workbench will connect to. */
export function relayUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not an address (a relay address looks like ws://127.0.0.1:8787)';
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:')
    return `starts with ${url.protocol}//; a relay address starts with ws:// or wss://`;
  if (!url.hostname) return 'names no host';
  // Credentials in an address end up in logs and history; the key has its own field.
  if (url.username || url.password)
    return 'holds a user name or password; give the team key in its own field';
  if (url.hash) return 'has a #fragment, which a relay address never has';
  return undefined;
}

export const RelayUrl = z
  .string()
  .trim()
  .min(1, 'give the relay’s address (ws://HOST:PORT or wss://HOST)')
  .max(2_000, 'the relay address is too long')
  .superRefine((text, ctx) => {
    const problem = relayUrlProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: `the relay address ${problem}` });
  });

/**
 * The messages never quote the key: a refused call's message is shown on screen and may be
 * logged by a host.
 */
export const TeamKey = z
  .string({ error: 'give the team key' })
  .min(TEAM_KEY_MIN, `the team key is at least ${TEAM_KEY_MIN} characters`)
  .max(512, 'the team key is at most 512 characters')
  .regex(/^[\x21-\x7e]+$/, 'the team key is letters, digits and symbols, without spaces');

/** The id `share` printed: base58, as automerge-repo writes document ids. */
export const ShareId = z
  .string({ error: 'give the share id' })
  .trim()
  .min(1, 'give the share id')
  .max(64, 'a share id is at most 64 characters')
  .regex(/^[1-9A-HJ-NP-Za-km-z]+$/, 'a share id is letters and digits, as Share printed it');

export const DisplayName = z
  .string()
  .trim()
  .min(1, 'give a name the team will see')
  .max(80, 'a display name is at most 80 characters');

/**
 * The kinds of record a team shares, as the team document names them, in the order a remote
 * change is applied (what a record may point at comes before it). Events are entities with
 * a date; the codebook (kinds, codes, relations: the tags) is one record.
 */
export const SYNCED_RECORD_KINDS = [
  'codebook',
  'entities',
  'notes',
  'documents',
  'highlights',
  'links',
] as const;
export type SyncRecordKind = (typeof SYNCED_RECORD_KINDS)[number];
const RecordKind = z.enum(SYNCED_RECORD_KINDS, {
  error: `the kind of record is one of ${SYNCED_RECORD_KINDS.join(', ')}`,
});

/**
 * A shared folder (Syncthing, a network drive, a USB stick) as a full path: a relative one
 * would depend on where the app was started.
 */
export const FolderPath = z
  .string()
  .trim()
  .min(1, 'give the shared folder’s full path')
  .max(4_096, 'the folder’s path is too long')
  .regex(
    /^(\/|[A-Za-z]:[\\/]|\\\\)/,
    'the folder is a full path, starting with / or a drive letter',
  )
  .refine((p) => !p.includes('\0'), 'the folder’s path holds a NUL character');

/**
 * One of two shapes, picked by whether a folder is given: a union would refuse `{ server }`
 * as matching neither, where the person needs to hear that the key is missing.
 */
function relayOrFolder<R extends z.ZodType, F extends z.ZodType>(
  relay: R,
  folder: F,
): z.ZodType<z.output<R> | z.output<F>, z.input<R> | z.input<F>> {
  return z.unknown().transform((value, ctx) => {
    const byFolder = !!value && typeof value === 'object' && 'folder' in value;
    const parsed = (byFolder ? folder : relay).safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues)
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  }) as unknown as z.ZodType<z.output<R> | z.output<F>, z.input<R> | z.input<F>>;
}

/** Through a relay (its address and the team key), or through a shared folder. */
export const ShareInput = relayOrFolder(
  z.strictObject({ server: RelayUrl, key: TeamKey }),
  z.strictObject({ folder: FolderPath }),
);
export const JoinInput = relayOrFolder(
  z.strictObject({ shareId: ShareId, server: RelayUrl, key: TeamKey }),
  z.strictObject({ shareId: ShareId, folder: FolderPath }),
);
export const ChooseInput = z.strictObject({
  kind: RecordKind,
  id: z.string().min(1).max(200),
  field: z.string().min(1).max(200).nullable(),
  /** The value chosen, by its place in the list `sync.conflicts` gave. */
  index: z.number().int().min(0).max(99),
  /** That value as it was shown: refused if the conflict has changed since. */
  expected: z.string().max(100_000),
});

export const HistoryInput = z.strictObject({
  kind: RecordKind,
  id: z.string().min(1, 'give the record’s id').max(200, 'a record id is at most 200 characters'),
});

/** One change a member made to a shared record. */
export interface RecordHistoryEntry {
  /** When (the writer's clock, ISO time), or null if the change carries no time. */
  at: string | null;
  /** The writer's display name ("… (you)" for this member), or a short id if they set none. */
  by: string;
  action: 'created' | 'changed' | 'removed';
  /** The fields a change wrote (empty for a creation or a removal). */
  fields: string[];
}

/** Where the workspace stands with its team. */
export type SyncState =
  | 'unshared' // not shared: no relay, nothing sent
  | 'needs-key' // shared, but the team key is not on this machine any more
  | 'connecting' // just opened, trying the relay
  | 'syncing' // connected, exchanging changes
  | 'synced' // the relay holds everything this workspace holds, and the reverse
  | 'offline' // the relay cannot be reached; changes wait here
  | 'refused'; // the relay refused the team key

/** A file in the shared folder that was not taken, and why, in plain words. */
export interface RefusedFile {
  file: string;
  reason: string;
}

export interface SyncStatus {
  state: SyncState;
  /** What teammates give `join`; null when not shared. */
  shareId: string | null;
  server: string | null;
  /** The shared folder it syncs through instead of a relay; null otherwise. */
  folder: string | null;
  /** Records changed here that the relay does not hold yet. */
  waiting: number;
  /** When this workspace and the relay last held the same changes (ISO time). */
  lastSync: string | null;
  conflicts: number;
  /** Remote records refused as invalid, kept apart. */
  refused: number;
  /** Members' files in the shared folder refused unread or as damaged, with why (folder only). */
  refusedFiles?: RefusedFile[];
  /** The name the team sees for this member ("" until set). */
  displayName: string;
  /** Why the last remote change could not be applied, if it could not. */
  problem: string | null;
  /** Changes whenever the shared document does: a window refetches its conflicts then. */
  revision: string;
}

export interface SyncRound {
  sent: number;
  received: number;
  conflicts: number;
  refused: number;
}

/** One value of a conflicting field, with who wrote it. */
export interface ConflictValue {
  /** The value as text (strings as they are, anything else as JSON). */
  text: string;
  /** The writer's display name, or a short id when they have not set one. */
  by: string;
  /** The value the workspace shows now (the engine's winner, the same everywhere). */
  shown: boolean;
}

export interface SyncConflict {
  kind: SyncRecordKind;
  id: string;
  /** The field, or null when the whole record was written on two sides. */
  field: string | null;
  /** The record as a person knows it: an entity's name, a note's title. */
  label: string;
  values: ConflictValue[];
}

export const syncMethods = namespace('sync', {
  'sync.status': method<SyncStatus>()(Empty),
  'sync.share': method<SyncStatus>()(ShareInput),
  'sync.join': method<SyncStatus>()(JoinInput),
  'sync.now': method<SyncRound>()(Empty),
  'sync.conflicts': method<SyncConflict[]>()(Empty),
  'sync.choose': method<SyncStatus>()(ChooseInput),
  'sync.setDisplayName': method<SyncStatus>()(z.strictObject({ name: DisplayName })),
  /** Who changed a shared record, what and when, oldest first (empty when not shared). */
  'sync.history': method<RecordHistoryEntry[]>()(HistoryInput),
});
