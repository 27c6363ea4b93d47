// The backup with originals as the window asks a host for it. It is not an API method:
// the core writes the zip to a path (writeBackupArchive), which only a host may name. The
// desktop app asks where with a save dialog in main; the browser host writes it to a
// private temp file and lets the page download it once. Both answer with this.
import { z } from 'zod';
import type { ImportOutcome } from './api';
import { plural } from './text';

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

/** "A backup of 3 documents with 3 originals and 1 image" (the window and the menu say it). */
export const describeArchive = (a: ArchiveCounts): string =>
  `A backup of ${plural(a.documents, 'document')} with ${plural(a.originals, 'original')} and ${plural(a.media, 'image')}`;

export type SavedArchive =
  /** The user closed the save dialog: nothing written. */
  { saved: false } | ({ saved: true; fileName: string } & ArchiveCounts);

/** What the browser host answers to the POST: where to download the archive, once. */
export type ArchiveTicket = { fileName: string; download: string } & ArchiveCounts;

/** The archive's suggested name: the backup's, as a zip. */
export const backupArchiveName = (now: Date): string =>
  `workspace-backup-${now.toISOString().slice(0, 10)}.zip`;

/** Main's channel for "restore a backup with originals" (no payload: main's dialog asks). */
export const IPC_RESTORE_ARCHIVE_CHANNEL = 'workbench-host:restoreBackupArchive';
/** The browser host's route: POST the zip's bytes (application/zip), its name in the query. */
export const RESTORE_ARCHIVE_ROUTE = '/api/host/restore-archive';
/** The largest archive the browser host takes: a workspace's originals, not a disk image. */
export const MAX_ARCHIVE_UPLOAD_BYTES = 4 * 1024 * 1024 * 1024;

/** A backup with originals is told by its name, as the command line's `import` does. */
export const isBackupArchive = (fileName: string): boolean =>
  fileName.toLowerCase().endsWith('.zip');

/**
 * The uploaded archive's name, used only inside the host's private temp folder and in
 * messages: one plain file name ending in .zip, no folder, no control character.
 */
export const RestoreArchiveQuery = z.strictObject({
  fileName: z
    .string()
    .max(200)
    .regex(/^[^/\\\p{Cc}]+\.zip$/iu, 'must be a file name ending in .zip, with no folder'),
});

/** The restore as the window asks a host for it: the import's outcome, or nothing chosen. */
export type RestoredArchive = { restored: false } | { restored: true; outcome: ImportOutcome };

/**
 * Main's channel for a .zip chosen in the desktop window: its bytes, sent in order in
 * chunks, into a temp file main makes (src/main/restore-upload.ts), then restored.
 */
export const IPC_RESTORE_UPLOAD_CHANNEL = 'workbench-host:restoreArchiveUpload';
/** The largest chunk the window sends at a time (the preload and main both refuse more). */
export const RESTORE_CHUNK_BYTES = 4 * 1024 * 1024;

const uploadId = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'must be the id begin answered');

/** One step of such an upload: begin (name and size), each chunk at its offset, finish. */
export const RestoreUploadStep = z.discriminatedUnion('step', [
  z.strictObject({
    step: z.literal('begin'),
    fileName: RestoreArchiveQuery.shape.fileName,
    size: z
      .number()
      .int()
      .min(1, 'the archive is empty')
      .max(
        MAX_ARCHIVE_UPLOAD_BYTES,
        'the archive is larger than 4 GiB, the largest restore accepted',
      ),
  }),
  z.strictObject({
    step: z.literal('chunk'),
    id: uploadId,
    offset: z.number().int().min(0),
    data: z
      .custom<Uint8Array>((d) => d instanceof Uint8Array, 'must be bytes (a Uint8Array)')
      .refine((d) => d.byteLength > 0 && d.byteLength <= RESTORE_CHUNK_BYTES, {
        message: `must hold 1 to ${RESTORE_CHUNK_BYTES} bytes`,
      }),
  }),
  z.strictObject({ step: z.literal('finish'), id: uploadId }),
  z.strictObject({ step: z.literal('abort'), id: uploadId }),
]);
export type RestoreUploadStep = z.infer<typeof RestoreUploadStep>;

/** What each step answers: begin the upload's id; a chunk or abort nothing; finish the restore. */
export type RestoreUploadAnswer = { id: string } | { received: number } | RestoredArchive;
