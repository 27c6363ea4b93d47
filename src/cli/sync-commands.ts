// The team sync commands of the command line:
//   sync-server --port N --data DIR [--host H] [--key-file F]   run a relay
//   share --workspace DIR --server URL [--key-file F]            share; prints the share id last
//   join ID --workspace NEWDIR --server URL [--key-file F]       a new workspace from a share
//   sync --workspace DIR [--server URL] [--key-file F]           one round with the relay
//   conflicts --workspace DIR                                    the open conflicts, one a line
// `--folder F` instead of `--server URL` shares through a folder that Syncthing, a network
// drive or a USB stick carries (no relay, no key: the folder's own access rules apply).
// The key comes from RW_SYNC_TOKEN or the key file, and is never printed nor saved; the
// relay's address or the folder, and the key file's path, are remembered for later syncs.
import { readdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FieldConflict, RoundResult, SyncConfig, Workbench } from '../core/index';

export const SYNC_COMMANDS = ['sync-server', 'share', 'join', 'sync', 'conflicts'] as const;
export type SyncCommand = (typeof SYNC_COMMANDS)[number];

export interface SyncIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Resolves when the relay should stop (Ctrl-C); tests stop it themselves. */
  stopped?: Promise<void>;
}

const VALUED = ['--workspace', '--server', '--folder', '--key-file', '--port', '--data', '--host'];

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

function positionals(args: readonly string[]): string[] {
  return args.filter((a, i) => !a.startsWith('--') && !VALUED.includes(args[i - 1] ?? ''));
}

const show = (v: unknown): string => (typeof v === 'string' ? `“${v}”` : JSON.stringify(v));

/** One line per conflict: the record, the field, each value and who wrote it. */
export function conflictLine(c: FieldConflict): string {
  const values = c.values.map(
    (v, i) => `${show(v.value)} by ${v.actor.slice(0, 8)}${i === 0 ? ' (shown)' : ''}`,
  );
  return `${c.kind}/${c.id} ${c.field ?? '(whole record)'}: ${values.join(' | ')}`;
}

function report(r: RoundResult, io: SyncIo): void {
  for (const f of r.refusedFiles ?? [])
    io.err(`! refused the folder's file ${f.file}: ${f.reason}`);
  for (const q of r.quarantined)
    io.err(`! ${q.waiting ? 'held' : 'refused'} ${q.kind}/${q.id}: ${q.reason}`);
  for (const s of r.resolved) io.out(`resolved ${s.kind}/${s.id} (${s.rule}): ${s.detail}`);
  for (const c of r.conflicts) io.out(`conflict ${conflictLine(c)}`);
  io.out(
    `Sent ${r.sent} records, received ${r.received}; ${r.conflicts.length} open conflicts` +
      (r.quarantined.length ? `; ${r.quarantined.length} remote records refused.` : '.'),
  );
}

async function relay(args: string[], io: SyncIo): Promise<number> {
  const sync = await (await import('../core/index')).loadTeamSync();
  const port = Number(option(args, '--port'));
  const data = option(args, '--data');
  if (!Number.isInteger(port) || port < 0 || port > 65535 || !data) {
    io.err('sync-server needs --port N (0 to 65535) and --data DIR.');
    return 1;
  }
  const key = await sync.loadTeamKey(option(args, '--key-file'));
  const host = option(args, '--host') ?? '127.0.0.1';
  const server = await sync.startRelay({ port, host, dataDir: resolve(data), key });
  io.out(`Relay listening on ws://${server.host}:${server.port} (data in ${resolve(data)}).`);
  io.out(
    'To reach it from other machines, put it behind a TLS proxy (e.g. Caddy: reverse_proxy ' +
      `127.0.0.1:${server.port}) and give members the wss:// address.`,
  );
  const stopped =
    io.stopped ??
    new Promise<void>((done) => {
      process.once('SIGINT', () => done());
      process.once('SIGTERM', () => done());
    });
  await stopped;
  await server.close();
  io.out(`Relay stopped (${server.refused} connections refused for a wrong or missing key).`);
  return 0;
}

async function isEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/** Runs one sync command; `sync-server` runs until `io.stopped` (or a signal). */
export async function runSyncCommand(
  command: SyncCommand,
  args: string[],
  io: SyncIo,
): Promise<number> {
  try {
    return await (command === 'sync-server'
      ? relay(args, io)
      : workspaceCommand(command, args, io));
  } catch (error) {
    // A refused key, an unreachable relay, a bad share id: said plainly, nothing half-done.
    return fail(io, error instanceof Error ? error.message : String(error));
  }
}

async function workspaceCommand(
  command: Exclude<SyncCommand, 'sync-server'>,
  args: string[],
  io: SyncIo,
): Promise<number> {
  const core = await import('../core/index');
  const sync = await core.loadTeamSync();
  const dir = resolve(core.workspaceArg(args) ?? core.defaultWorkspaceDir());
  if (command === 'conflicts') {
    const conflicts = await sync.savedConflicts(dir);
    for (const c of conflicts) io.out(conflictLine(c));
    io.out(`${conflicts.length} open conflicts (as of the last sync).`);
    return 0;
  }
  const saved = await sync.readSyncConfig(dir);
  let shareId: string;
  if (command === 'share') shareId = saved?.shareId ?? sync.newShareId();
  else if (command === 'join') {
    const id = positionals(args)[0];
    if (!id)
      return fail(
        io,
        'join needs the share id: join ID --workspace NEWDIR --server URL (or --folder DIR).',
      );
    shareId = sync.checkShareId(id);
    if (!(await isEmptyDir(dir)))
      return fail(io, `${dir} is not empty: join makes a new workspace; give a new folder.`);
  } else {
    if (!saved) return fail(io, `${dir} is not shared yet: run share or join first.`);
    shareId = saved.shareId;
  }
  const place = await teamPlace(command, args, saved, io);
  if (!place) return 1;
  const wb: Workbench = await core.openWorkbench(dir, { host: 'command line' });
  try {
    if (wb.readOnly)
      return fail(io, 'The workspace is open elsewhere or damaged: nothing was synced.');
    await sync.writeSyncConfig(dir, { version: 1, shareId, ...place.config });
    const session = await sync.SyncSession.open(wb.core, dir, { shareId, ...place.link });
    try {
      report(await session.round(), io);
    } finally {
      await session.close();
    }
    await wb.settled();
    if (command === 'share') io.out(shareId);
    return 0;
  } finally {
    await wb.close();
  }
}

/**
 * Where this share meets its team: the relay given (or remembered) with the key, or the
 * folder given (or remembered). Undefined, said on stderr, when neither or both are given.
 */
async function teamPlace(
  command: string,
  args: string[],
  saved: SyncConfig | undefined,
  io: SyncIo,
) {
  const sync = await (await import('../core/index')).loadTeamSync();
  const givenServer = option(args, '--server');
  const givenFolder = option(args, '--folder');
  if (givenServer && givenFolder)
    return void io.err(`${command} takes --server or --folder, not both.`);
  const folder = givenFolder ?? (givenServer ? undefined : saved?.folder);
  if (folder) {
    const dir = resolve(folder);
    const info = await stat(dir).catch(() => undefined);
    // Made by no one but the team: a missing folder is a stick not plugged in, not a new one.
    if (!info?.isDirectory())
      return void io.err(
        `${dir} is not a folder here; give the team's shared folder (it must exist).`,
      );
    const replica = (saved?.folder && saved.replica) || sync.newReplicaId();
    return {
      config: { folder: dir, replica },
      link: { folder: dir, replica },
    };
  }
  const server = givenServer ?? saved?.server;
  if (!server)
    return void io.err(
      `${command} needs --server ws://HOST:PORT (the team's relay) or --folder DIR (a shared folder).`,
    );
  const keyFile = option(args, '--key-file') ?? saved?.keyFile;
  const key = await sync.loadTeamKey(keyFile && resolve(keyFile));
  return {
    config: { server, ...(keyFile ? { keyFile: resolve(keyFile) } : {}) },
    link: { server, key },
  };
}

function fail(io: SyncIo, message: string): number {
  io.err(message);
  return 1;
}
