// The application menu: workspace commands plus the standard Edit and View entries, so
// copy, paste, undo and zoom work the way every desktop app's do.
import { BACKUP_WITH_ORIGINALS_ITEMS, EXPORT_FORMATS } from '../shared/concepts/export-formats';
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { ExportFormat, HistoryInfo, RecentWorkspace } from '../shared/api';

export interface MenuActions {
  newWorkspace: () => void;
  openWorkspace: () => void;
  openRecent: (path: string) => void;
  revealWorkspace: () => void;
  importFiles: () => void;
  exportAs: (format: ExportFormat) => void;
  /** The backup with originals (.zip) and its restore: main's own dialogs, picked once. */
  saveBackupArchive: () => void;
  restoreBackupArchive: () => void;
  /** Team sharing: the window opens its Share or Join dialog. */
  shareWorkspace: () => void;
  joinWorkspace: () => void;
  undo: () => void;
  redo: () => void;
}

/**
 * Undo and Redo name the workbench's next step and are enabled only when there is one.
 * Their shortcuts are shown but not registered, so the keys reach the page: in a text
 * field Chromium undoes typing, elsewhere the renderer asks the core to undo.
 */
function editMenu(actions: MenuActions, history: HistoryInfo): MenuItemConstructorOptions {
  return {
    label: '&Edit',
    submenu: [
      {
        id: 'undo',
        label: history.undoLabel ? `Undo ${history.undoLabel}` : 'Undo',
        accelerator: 'CmdOrCtrl+Z',
        registerAccelerator: false,
        enabled: history.canUndo,
        click: () => actions.undo(),
      },
      {
        id: 'redo',
        label: history.redoLabel ? `Redo ${history.redoLabel}` : 'Redo',
        accelerator: 'Shift+CmdOrCtrl+Z',
        registerAccelerator: false,
        enabled: history.canRedo,
        click: () => actions.redo(),
      },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
}

export function buildMenu(
  actions: MenuActions,
  history: HistoryInfo,
  recent: readonly RecentWorkspace[] = [],
): Menu {
  return Menu.buildFromTemplate(menuTemplate(actions, history, recent));
}

/** Open Recent: each workspace by name (its path shown too, as two may share a name). */
function recentMenu(
  actions: MenuActions,
  recent: readonly RecentWorkspace[],
): MenuItemConstructorOptions {
  return {
    label: 'Open Recent',
    enabled: recent.length > 0,
    submenu: recent.map((w) => ({
      label: `${w.name} — ${w.path}`,
      click: () => actions.openRecent(w.path),
    })),
  };
}

export function menuTemplate(
  actions: MenuActions,
  history: HistoryInfo,
  recent: readonly RecentWorkspace[] = [],
): MenuItemConstructorOptions[] {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Workspace…', click: () => actions.newWorkspace() },
        {
          label: 'Open Workspace…',
          accelerator: 'CmdOrCtrl+O',
          click: () => actions.openWorkspace(),
        },
        recentMenu(actions, recent),
        { label: 'Reveal Workspace Folder', click: () => actions.revealWorkspace() },
        { type: 'separator' },
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+I', click: () => actions.importFiles() },
        {
          label: BACKUP_WITH_ORIGINALS_ITEMS.restoreMenuLabel,
          click: () => actions.restoreBackupArchive(),
        },
        {
          label: 'Export',
          // The JSON backup and the one with originals are two items: main cannot see the
          // window's export options, so no item's output may depend on them.
          submenu: [
            ...EXPORT_FORMATS.map((f) => ({
              label: f.menuLabel,
              click: () => actions.exportAs(f.id),
            })),
            {
              label: BACKUP_WITH_ORIGINALS_ITEMS.menuLabel,
              click: () => actions.saveBackupArchive(),
            },
          ],
        },
        { type: 'separator' },
        { label: 'Share this workspace…', click: () => actions.shareWorkspace() },
        { label: 'Join a shared workspace…', click: () => actions.joinWorkspace() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    editMenu(actions, history),
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return template;
}
