// The backup with originals as the window asks a host for it. It is not an API method:
// the core writes the zip to a path (writeBackupArchive), which only a host may name. The
// desktop app asks where with a save dialog in main; the browser host writes it to a
// private temp file and lets the page download it once. Both answer with this.
import { z } from 'zod';

/** Main's channel for "save the backup with originals" (no payload). */
export const IPC_BACKUP_ARCHIVE_CHANNEL = 'workbench-host:saveBackupArchive';
/** The browser host's route: POST writes the archive, GET `<route>/<ticket>` downloads it. */
export const BACKUP_ARCHIVE_ROUTE = '/api/host/backup-archive';

/** The call takes nothing: any payload other than none or `{}` is refused. */
export const BackupArchiveInput = z.union([z.undefined(), z.strictObject({})]);

/** What the archive holds, as the core wrote it. */
export interface ArchiveCounts {
  bytes: number;
  documents: number;
  originals: number;
  media: number;
}

export type SavedArchive =
  /** The user closed the save dialog: nothing written. */
  { saved: false } | ({ saved: true; fileName: string } & ArchiveCounts);

/** What the browser host answers to the POST: where to download the archive, once. */
export type ArchiveTicket = { fileName: string; download: string } & ArchiveCounts;

/** The archive's suggested name: the backup's, as a zip. */
export const backupArchiveName = (now: Date): string =>
  `workspace-backup-${now.toISOString().slice(0, 10)}.zip`;
