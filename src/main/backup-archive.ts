// "Backup with originals" in the desktop app: main asks where to save it with the
// operating system's dialog and has the core write the zip there, a file at a time and
// hashed as it goes (the command line's archive, the same function). Restoring one is the
// same in reverse: main asks which zip with the open dialog and the core restores it (the
// command line's `import FILE.zip`). The File menu calls these directly, and the window
// may ask for them over two channels that take no payload: the page never names a path,
// only the user's choice in main's dialog does.
import { basename } from 'node:path';
import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../shared/api';
import {
  BackupArchiveInput,
  backupArchiveName,
  IPC_BACKUP_ARCHIVE_CHANNEL,
  IPC_RESTORE_ARCHIVE_CHANNEL,
  type RestoredArchive,
  type SavedArchive,
} from '../shared/backup-archive';
import { WorkbenchError, type ErrorCode } from '../shared/errors';
import { restoreBackupArchive, writeBackupArchive, type Workbench } from '../core/index';
import { refuseForeignSender } from './ipc';

/** The core's refusal in its own words; anything else said with what was being done. */
function failed(error: unknown, code: ErrorCode, doing: string): Envelope<never> {
  if (error instanceof WorkbenchError)
    return { ok: false, error: { code: error.code, message: error.message } };
  return { ok: false, error: { code, message: `${doing}: ${(error as Error).message}` } };
}

/** A payload refused: both channels take none, the dialog asks the user instead. */
const refusedInput = (message: string): Envelope<never> => ({
  ok: false,
  error: { code: 'INVALID_INPUT', message },
});

/**
 * Save dialog, then the core's zip written where the user chose (nothing if closed). The
 * workspace is the one open once the user has answered, as a switch may come between.
 */
export async function saveArchiveWithDialog(
  current: () => Workbench,
  win: BrowserWindow | null,
): Promise<Envelope<SavedArchive>> {
  const options: Electron.SaveDialogOptions = {
    title: 'Save the backup with originals',
    defaultPath: backupArchiveName(new Date()),
    filters: [{ name: 'Zip archive', extensions: ['zip'] }],
  };
  const target = win
    ? await dialog.showSaveDialog(win, options)
    : await dialog.showSaveDialog(options);
  if (target.canceled || !target.filePath) return { ok: true, value: { saved: false } };
  try {
    const written = await writeBackupArchive(current(), target.filePath);
    return { ok: true, value: { saved: true, fileName: basename(target.filePath), ...written } };
  } catch (error) {
    return failed(
      error,
      'WRITE_FAILED',
      `The backup with originals was not written to ${target.filePath}`,
    );
  }
}

/** Open dialog (.zip only), then the core's restore of the zip chosen (nothing if closed). */
export async function restoreArchiveWithDialog(
  current: () => Workbench,
  win: BrowserWindow | null,
): Promise<Envelope<RestoredArchive>> {
  const options: Electron.OpenDialogOptions = {
    title: 'Restore a backup with originals',
    properties: ['openFile'],
    filters: [{ name: 'Zip archive', extensions: ['zip'] }],
  };
  const chosen = win
    ? await dialog.showOpenDialog(win, options)
    : await dialog.showOpenDialog(options);
  const path = chosen.filePaths[0];
  if (chosen.canceled || !path) return { ok: true, value: { restored: false } };
  try {
    const outcome = await restoreBackupArchive(current(), path);
    return { ok: true, value: { restored: true, outcome } };
  } catch (error) {
    return failed(error, 'INVALID_INPUT', `${basename(path)} was not restored`);
  }
}

/**
 * A channel the window may call with no payload: only its own frame is answered, and any
 * payload is refused, so the page can never name a path; `run` asks the user instead.
 */
function bindNoInput<T>(channel: string, refusal: string, run: () => Promise<Envelope<T>>): void {
  ipcMain.handle(
    channel,
    async (event: IpcMainInvokeEvent, payload: unknown): Promise<Envelope<T>> => {
      const foreign = refuseForeignSender(event);
      if (foreign) return foreign;
      // A path from the page would let it write or restore any file this user can reach.
      if (!BackupArchiveInput.safeParse(payload).success) return refusedInput(refusal);
      return run();
    },
  );
}

export function bindBackupArchive(
  current: () => Workbench,
  window: () => BrowserWindow | null,
): void {
  bindNoInput(
    IPC_BACKUP_ARCHIVE_CHANNEL,
    'Saving the backup with originals takes no input: the save dialog asks where.',
    () => saveArchiveWithDialog(current, window()),
  );
}

export function bindRestoreArchive(
  current: () => Workbench,
  window: () => BrowserWindow | null,
): void {
  bindNoInput(
    IPC_RESTORE_ARCHIVE_CHANNEL,
    'Restoring a backup with originals takes no input: the open dialog asks which.',
    () => restoreArchiveWithDialog(current, window()),
  );
}
