// The desktop app's "backup with originals", against a mocked `electron` and a real
// workspace: main asks where with the save dialog and the core writes the zip there. The
// window names no path (any payload is refused before a dialog opens), a call from another
// frame is refused, and closing the dialog writes nothing. Restoring is the reverse: main
// asks which zip with the open dialog and the core restores it into an empty workspace.
// The File menu's items do both with one dialog each and say the outcome in a message box.
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
const { describeRestore, restoreArchiveFromMenu, saveArchiveFromMenu } =
  await import('../../src/main/archive-menu');

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

describe('the File menu’s backup with originals and its restore', () => {
  it('saves and restores with one dialog each and says what became of it', async () => {
    const archive = join(dir, 'from-menu.zip');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: archive });
    await saveArchiveFromMenu(() => wb, null);
    expect(electron.dialog.showMessageBox).toHaveBeenLastCalledWith({
      type: 'info',
      message: 'Saved from-menu.zip',
      detail: 'A backup of 1 document with 1 original and 0 images.',
    });
    const into = await reopen(join(dir, 'menu-empty'));
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [archive] });
    await restoreArchiveFromMenu(() => into, null);
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledOnce();
    expect(electron.dialog.showMessageBox).toHaveBeenLastCalledWith({
      type: 'info',
      message: 'Backup restored',
      detail: 'Restored 1 document, 0 entities and 0 highlights from from-menu.zip.',
    });
    expect(unwrap(await into.call('documents.list', {}))).toHaveLength(1);
    // Again: the core's refusal in its words, and nothing changed.
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [archive] });
    await restoreArchiveFromMenu(() => into, null);
    const [box] = electron.dialog.showMessageBox.mock.lastCall as unknown as [
      { type: string; message: string; detail: string },
    ];
    expect(box).toMatchObject({ type: 'error', message: 'Nothing was changed' });
    expect(box.detail).toContain('already in this workspace');
    await closeWorkbench(join(dir, 'menu-empty'));
  });

  it('says nothing when a dialog is closed', async () => {
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await saveArchiveFromMenu(() => wb, null);
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await restoreArchiveFromMenu(() => wb, null);
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('names missing originals in the restore’s report', () => {
    const said = describeRestore({
      kind: 'backup',
      fileName: 'case.zip',
      documents: 2,
      entities: 1,
      highlights: 3,
      missingOriginals: 1,
    });
    expect(said).toMatch(
      /^Restored 2 documents, 1 entity and 3 highlights from case\.zip\. 1 original file .* in neither the backup nor this workspace/,
    );
  });
});
