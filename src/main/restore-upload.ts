// A backup with originals chosen in the desktop window (Import files… or a drop). Main takes
// no path from the page, and asking again in its own dialog would make the user pick the
// file twice, so the page sends the file's bytes instead, with the browser host's rules
// (src/server/restore-upload.ts): a plain .zip name, a declared size within the limit,
// bytes in order and exactly that many, in chunks of at most RESTORE_CHUNK_BYTES, into a
// private temp file (mkdtemp: this user only; the file 0600, created new). Only the
// window's own frame may call. Once complete the core restores it; the folder is removed
// whatever happens: after the restore, on abort, when a new upload begins (one at a time,
// so the disk holds one archive at most), or when the page falls silent.
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../shared/api';
import {
  IPC_RESTORE_UPLOAD_CHANNEL,
  RestoreUploadStep,
  type RestoreUploadAnswer,
} from '../shared/backup-archive';
import { WorkbenchError } from '../shared/errors';
import { describeIssues } from '../shared/issues';
import { restoreBackupArchive, type Workbench } from '../core/index';
import { refuseForeignSender } from './ipc';

interface Upload {
  id: string;
  fileName: string;
  folder: string;
  path: string;
  file: FileHandle;
  size: number;
  /** Bytes taken so far: the next chunk must start here. */
  received: number;
  /** A chunk is being written: the next waits for its answer. */
  busy: boolean;
  /** Ends the upload when the page falls silent. */
  silence?: NodeJS.Timeout;
}

const refused = (message: string): Envelope<never> => ({
  ok: false,
  error: { code: 'INVALID_INPUT', message },
});

export function bindRestoreUpload(current: () => Workbench, idleMs = 60_000): void {
  let upload: Upload | null = null;

  /** Ends an upload and removes its folder (again is harmless). */
  async function drop(which: Upload | null): Promise<void> {
    if (!which) return;
    if (upload === which) upload = null;
    clearTimeout(which.silence);
    await which.file.close().catch(() => undefined);
    await rm(which.folder, { recursive: true, force: true });
  }

  const quiet = (which: Upload): NodeJS.Timeout =>
    setTimeout(() => void drop(which), idleMs).unref();

  async function begin(fileName: string, size: number): Promise<Envelope<RestoreUploadAnswer>> {
    await drop(upload);
    const folder = await mkdtemp(join(tmpdir(), 'rw-restore-'));
    const path = join(folder, fileName);
    let file: FileHandle;
    try {
      file = await open(path, 'wx', 0o600);
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      return refused(`${fileName} could not be kept: ${(error as Error).message}`);
    }
    const id = randomBytes(16).toString('base64url');
    const started: Upload = { id, fileName, folder, path, file, size, received: 0, busy: false };
    started.silence = quiet(started);
    upload = started;
    return { ok: true, value: { id } };
  }

  async function chunk(which: Upload, offset: number, data: Uint8Array) {
    if (which.busy || offset !== which.received)
      return refused(`${which.fileName}: a part came out of order (at byte ${offset}).`);
    if (offset + data.byteLength > which.size) {
      await drop(which);
      return refused(`${which.fileName} is larger than the ${which.size} bytes it declared.`);
    }
    which.busy = true;
    clearTimeout(which.silence);
    try {
      await which.file.write(data, 0, data.byteLength, offset);
    } catch (error) {
      await drop(which);
      return refused(`${which.fileName} could not be kept: ${(error as Error).message}`);
    }
    which.busy = false;
    which.received += data.byteLength;
    which.silence = quiet(which);
    return { ok: true as const, value: { received: which.received } };
  }

  async function finish(which: Upload): Promise<Envelope<RestoreUploadAnswer>> {
    if (which.busy || which.received !== which.size) {
      await drop(which);
      return refused(
        `${which.fileName} arrived cut short (${which.received} of ${which.size} bytes): nothing was restored.`,
      );
    }
    // Detached while the core restores it: a new upload may begin meanwhile.
    upload = null;
    clearTimeout(which.silence);
    try {
      await which.file.close();
      const outcome = await restoreBackupArchive(current(), which.path);
      return { ok: true, value: { restored: true, outcome } };
    } catch (error) {
      if (error instanceof WorkbenchError)
        return { ok: false, error: { code: error.code, message: error.message } };
      return refused(`${which.fileName} was not restored: ${(error as Error).message}`);
    } finally {
      await drop(which);
    }
  }

  ipcMain.handle(
    IPC_RESTORE_UPLOAD_CHANNEL,
    async (event: IpcMainInvokeEvent, payload: unknown): Promise<Envelope<RestoreUploadAnswer>> => {
      const foreign = refuseForeignSender(event);
      if (foreign) return foreign;
      const step = RestoreUploadStep.safeParse(payload);
      if (!step.success) return refused(`Invalid restore: ${describeIssues(step.error.issues, 5)}`);
      const s = step.data;
      if (s.step === 'begin') return begin(s.fileName, s.size);
      // Only the upload under way, by its id: a stale or guessed one is refused.
      const which = upload?.id === s.id ? upload : null;
      if (!which) return refused('This restore is no longer under way: choose the file again.');
      if (s.step === 'chunk') return chunk(which, s.offset, s.data);
      if (s.step === 'abort') {
        await drop(which);
        return { ok: true, value: { received: 0 } };
      }
      return finish(which);
    },
  );
}
