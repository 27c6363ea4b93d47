// The File menu's "Backup with Originals (.zip)…" and "Restore Backup with Originals…":
// main's own dialog, the core's archive, and what became of it in a message box, so the
// user picks the file once and the window plays no part (it follows the change events).
import { dialog, type BrowserWindow } from 'electron';
import type { Envelope, ImportOutcome } from '../shared/api';
import { describeArchive, type RestoredArchive, type SavedArchive } from '../shared/backup-archive';
import { describeMissingOriginals } from '../shared/import-report';
import { plural } from '../shared/text';
import type { Workbench } from '../core/index';
import { restoreArchiveWithDialog, saveArchiveWithDialog } from './backup-archive';

/** "Restored 2 documents, 1 entity and 3 highlights from case.zip; 1 original file …" */
export function describeRestore(outcome: ImportOutcome): string {
  if (outcome.kind !== 'backup') return `${outcome.fileName} was imported.`;
  const restored = `Restored ${plural(outcome.documents, 'document')}, ${plural(outcome.entities, 'entity', 'entities')} and ${plural(outcome.highlights, 'highlight')} from ${outcome.fileName}.`;
  const missing = describeMissingOriginals(outcome.missingOriginals);
  return missing ? `${restored} ${missing}.` : restored;
}

/** What the message box says; nothing when the user closed the dialog. */
export function archiveReport(
  envelope: Envelope<SavedArchive | RestoredArchive>,
): Electron.MessageBoxOptions | undefined {
  if (!envelope.ok)
    return { type: 'error', message: 'Nothing was changed', detail: envelope.error.message };
  const value = envelope.value;
  if ('saved' in value)
    return value.saved
      ? { type: 'info', message: `Saved ${value.fileName}`, detail: `${describeArchive(value)}.` }
      : undefined;
  return value.restored
    ? { type: 'info', message: 'Backup restored', detail: describeRestore(value.outcome) }
    : undefined;
}

async function report(
  win: BrowserWindow | null,
  envelope: Envelope<SavedArchive | RestoredArchive>,
): Promise<void> {
  const box = archiveReport(envelope);
  if (!box) return;
  await (win ? dialog.showMessageBox(win, box) : dialog.showMessageBox(box));
}

export async function saveArchiveFromMenu(
  current: () => Workbench,
  win: BrowserWindow | null,
): Promise<void> {
  await report(win, await saveArchiveWithDialog(current, win));
}

export async function restoreArchiveFromMenu(
  current: () => Workbench,
  win: BrowserWindow | null,
): Promise<void> {
  await report(win, await restoreArchiveWithDialog(current, win));
}
