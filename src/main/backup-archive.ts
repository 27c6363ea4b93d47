// "Backup with originals" from the desktop window: main asks where to save it with the
// operating system's dialog and has the core write the zip there, a file at a time and
// hashed as it goes (the command line's archive, the same function). The window never
// names a path: the channel takes no payload, only the user's choice in the dialog does.
import { basename } from 'node:path';
import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../shared/api';
import {
  BackupArchiveInput,
  backupArchiveName,
  IPC_BACKUP_ARCHIVE_CHANNEL,
  type SavedArchive,
} from '../shared/backup-archive';
import { WorkbenchError } from '../shared/errors';
import { writeBackupArchive, type Workbench } from '../core/index';
import { refuseForeignSender } from './ipc';

export function bindBackupArchive(
  current: () => Workbench,
  window: () => BrowserWindow | null,
): void {
  ipcMain.handle(
    IPC_BACKUP_ARCHIVE_CHANNEL,
    async (event: IpcMainInvokeEvent, payload: unknown): Promise<Envelope<SavedArchive>> => {
      const refused = refuseForeignSender(event);
      if (refused) return refused;
      if (!BackupArchiveInput.safeParse(payload).success)
        return {
          ok: false,
          error: {
            code: 'INVALID_INPUT',
            message: 'Saving the backup with originals takes no input: the save dialog asks where.',
          },
        };
      const options: Electron.SaveDialogOptions = {
        title: 'Save the backup with originals',
        defaultPath: backupArchiveName(new Date()),
        filters: [{ name: 'Zip archive', extensions: ['zip'] }],
      };
      const win = window();
      const target = win
        ? await dialog.showSaveDialog(win, options)
        : await dialog.showSaveDialog(options);
      if (target.canceled || !target.filePath) return { ok: true, value: { saved: false } };
      try {
        const written = await writeBackupArchive(current(), target.filePath);
        return {
          ok: true,
          value: { saved: true, fileName: basename(target.filePath), ...written },
        };
      } catch (error) {
        // The core says what went wrong in words for the user; anything else is a bug.
        if (error instanceof WorkbenchError)
          return { ok: false, error: { code: error.code, message: error.message } };
        return {
          ok: false,
          error: {
            code: 'WRITE_FAILED',
            message: `The backup with originals was not written to ${target.filePath}: ${(error as Error).message}`,
          },
        };
      }
    },
  );
}
