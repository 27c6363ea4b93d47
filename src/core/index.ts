// The core as the hosts see it: the one module the desktop app, the browser host and the
// command line import from src/core (lint refuses any other), so what a host may use is
// listed here. Importing it loads no parser and no language model: those load on first
// use, inside the core.
export { openWorkbench, type Workbench, type WorkbenchOptions } from './workbench';
export { APP_NAME, defaultWorkspaceDir, userDataDir, workspaceArg } from './default-workspace';
export { setInternalErrorLog } from './dispatch';
export { WorkspaceSwitcher, type ChooseFolder } from './workspaces/switcher';
import type { BundleCheck } from './evidence/verify-bundle';
export type { BundleCheck };

/** Checks an evidence bundle's bytes, offline, with no workspace (loaded on first use). */
export async function verifyBundleFile(bytes: Uint8Array, name: string): Promise<BundleCheck> {
  return (await import('./evidence/verify-bundle')).verifyBundle(bytes, name);
}

// Team sync (issue 18), loaded on first use: Automerge compiles its WebAssembly on import.
export const loadTeamSync = (): Promise<TeamSyncModule> => import('./sync/team-sync');
export type { FieldConflict, RoundResult, SyncConfig } from './sync/team-sync';
type TeamSyncModule = typeof TeamSync;
import type * as TeamSync from './sync/team-sync';

import { nodeFs, writeFileDurably } from './store/durable';

/** Writes a file the user asked for (an export) durably: temp file, fsync, rename. */
export function saveFileDurably(path: string, content: string | Uint8Array): Promise<void> {
  return writeFileDurably(nodeFs, path, content);
}

import type { Workbench as OpenWorkbench } from './workbench';
import type { ImportOutcome } from '../shared/api';

/**
 * The backup with originals as a zip written to `path` a file at a time (the command
 * line's `export --with-originals`): a path, so it is a host's call, never the API's.
 */
export async function writeBackupArchive(wb: OpenWorkbench, path: string) {
  return (await import('./export/backup-archive')).writeBackupArchive(wb.core, path);
}

/** Restores a backup archive from `path`, every carried file checked before any is kept. */
export async function restoreBackupArchive(
  wb: OpenWorkbench,
  path: string,
): Promise<ImportOutcome> {
  return (await import('./documents/restore-archive')).restoreBackupArchive(wb.core, path);
}
