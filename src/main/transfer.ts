// Native-dialog import and export for the Electron menu: the same core calls the UI
// makes, with the operating system's file dialogs, and every outcome reported.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import type { ExportFormat } from '../shared/api';
import { IMPORT_FORMATS } from '../shared/concepts/import-formats';
import { saveFileDurably, type Workbench } from '../core/index';

export async function importWithDialog(
  win: BrowserWindow | null,
  workbench: Workbench,
): Promise<void> {
  const options: Electron.OpenDialogOptions = {
    title: 'Import Files',
    properties: ['openFile', 'multiSelections'],
    filters: [
      {
        name: 'Articles and backups',
        extensions: IMPORT_FORMATS.flatMap((f) => f.extensions.map((e) => e.slice(1))),
      },
    ],
  };
  const chosen = win
    ? await dialog.showOpenDialog(win, options)
    : await dialog.showOpenDialog(options);
  if (chosen.canceled || chosen.filePaths.length === 0) return;
  const lines: string[] = [];
  for (const file of chosen.filePaths) {
    try {
      const bytes = await readFile(file);
      const result = await workbench.call('documents.importBytes', {
        fileName: basename(file),
        data: bytes,
      });
      // A bibliography is only previewed here: the window's Import references… imports it.
      const preview = result.ok && result.value.kind === 'references';
      lines.push(
        !result.ok
          ? `✗ ${result.error.message}`
          : preview
            ? `? ${basename(file)}: a bibliography; nothing changed (use Import references… in the window to fill in sources or add them)`
            : `✓ ${basename(file)}`,
      );
    } catch (error) {
      lines.push(`✗ ${basename(file)} could not be read: ${(error as Error).message}`);
    }
  }
  const failed = lines.filter((l) => l.startsWith('✗')).length;
  const box: Electron.MessageBoxOptions = {
    type: failed ? 'warning' : 'info',
    message: `${lines.length - failed} of ${lines.length} files imported`,
    detail: lines.join('\n'),
  };
  await (win ? dialog.showMessageBox(win, box) : dialog.showMessageBox(box));
}

export async function exportWithDialog(
  win: BrowserWindow | null,
  workbench: Workbench,
  format: ExportFormat,
): Promise<void> {
  const result = await workbench.call('export.create', { format });
  if (!result.ok) {
    dialog.showErrorBox('Export failed', result.error.message);
    return;
  }
  const options: Electron.SaveDialogOptions = {
    title: 'Export',
    defaultPath: result.value.fileName,
  };
  const target = win
    ? await dialog.showSaveDialog(win, options)
    : await dialog.showSaveDialog(options);
  if (target.canceled || !target.filePath) return;
  try {
    const { content, encoding } = result.value;
    // A binary export (a .qdpx zip) crosses IPC as base64.
    await saveFileDurably(
      target.filePath,
      encoding === 'base64' ? Buffer.from(content, 'base64') : content,
    );
  } catch (error) {
    dialog.showErrorBox(
      'Export failed',
      `${target.filePath} could not be written: ${(error as Error).message}`,
    );
  }
}
