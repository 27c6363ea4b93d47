// The desktop app's "backup with originals", against a mocked `electron` and a real
// workspace: main asks where with the save dialog and the core writes the zip there. The
// window names no path (any payload is refused before a dialog opens), a call from another
// frame is refused, and closing the dialog writes nothing. Restoring is the reverse: main
// asks which zip with the open dialog and the core restores it into an empty workspace.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  IPC_BACKUP_ARCHIVE_CHANNEL,
  IPC_RESTORE_ARCHIVE_CHANNEL,
} from '../../src/shared/backup-archive';
import type { Workbench } from '../../src/core/workbench';
import { sha256Hex } from '../../src/core/originals/kept-files';
import { closeWorkbench, reopen, tempDir, unwrap } from '../integration/helpers';
import { handlerOf, mainFrame } from './electron-ipc-bridge';
import { electron } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electron);

const { bindBackupArchive, bindRestoreArchive } = await import('../../src/main/backup-archive');

const article = new TextEncoder().encode('# Field notes\n\nThe river rose two metres overnight.\n');
let wb: Workbench;
let dir: string;
let cleanup: () => Promise<void>;

// One workspace for the file: no test changes it, each writes its archive elsewhere.
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  wb = await reopen(join(dir, 'ws'));
  unwrap(await wb.call('documents.importBytes', { fileName: 'notes.md', data: article }));
});
beforeEach(() => {
  vi.clearAllMocks();
  bindBackupArchive(
    () => wb,
    () => null,
  );
});
afterAll(async () => {
  await closeWorkbench(join(dir, 'ws'));
  await cleanup();
});

const save = (payload: unknown, senderFrame: unknown = mainFrame) =>
  handlerOf(IPC_BACKUP_ARCHIVE_CHANNEL)({ senderFrame }, payload);

describe('saving the backup with originals from the desktop window', () => {
  it('writes the core’s zip where the user chose, with the original byte for byte', async () => {
    const target = join(dir, 'case.zip');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const reply = await save(undefined);
    expect(reply).toMatchObject({
      ok: true,
      value: { saved: true, fileName: 'case.zip', documents: 1, originals: 1 },
    });
    const entries = unzipSync(new Uint8Array(await readFile(target)));
    expect(entries[`originals/${sha256Hex(article)}`]).toEqual(article);
    expect(Object.keys(entries)).toContain('backup.json');
  });

  it('writes nothing when the dialog is closed', async () => {
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await save({})).toEqual({ ok: true, value: { saved: false } });
  });

  it('refuses a payload (a path from the page) and a foreign frame before any dialog', async () => {
    const named = await save({ path: join(dir, 'elsewhere.zip') });
    expect(named).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const foreign = await save(undefined, { parent: null, url: 'https://evil.example/' });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('restoring a backup with originals from the desktop window', () => {
  it('restores the zip the user chose in main’s dialog, and takes no path from the page', async () => {
    const archive = join(dir, 'restore-me.zip');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: archive });
    expect(await save(undefined)).toMatchObject({ ok: true });
    const into = await reopen(join(dir, 'empty'));
    bindRestoreArchive(
      () => into,
      () => null,
    );
    const restore = (payload: unknown, senderFrame: unknown = mainFrame) =>
      handlerOf(IPC_RESTORE_ARCHIVE_CHANNEL)({ senderFrame }, payload);
    const named = await restore({ path: archive });
    expect(named).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const foreign = await restore(undefined, { parent: null, url: 'https://evil.example/' });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(electron.dialog.showOpenDialog).not.toHaveBeenCalled();
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await restore(undefined)).toEqual({ ok: true, value: { restored: false } });
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [archive] });
    expect(await restore({})).toMatchObject({
      ok: true,
      value: { restored: true, outcome: { kind: 'backup', documents: 1 } },
    });
    // Restored twice: the core's refusal, in its words, reaches the window.
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [archive] });
    const twice = await restore(undefined);
    expect(twice.ok).toBe(false);
    expect(JSON.stringify(twice)).toContain('already in this workspace');
    await closeWorkbench(join(dir, 'empty'));
  });
});
