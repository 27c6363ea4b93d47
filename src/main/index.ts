// The Electron host: app lifecycle, one hardened window, the menu and native dialogs.
// Everything the workbench does lives in the core (src/core); this file only wires it.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, shell } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_MENU_CHANNEL, type RecentWorkspace } from '../shared/api';
import {
  APP_NAME,
  defaultWorkspaceDir,
  openWorkbench,
  workspaceArg,
  WorkspaceSwitcher,
  type Workbench,
} from '../core/index';
import { restoreArchiveFromMenu, saveArchiveFromMenu } from './archive-menu';
import { bindBackupArchive, bindRestoreArchive } from './backup-archive';
import { bindIpc } from './ipc';
import { bindRestoreUpload } from './restore-upload';
import { buildMenu, type MenuActions } from './menu';
import { exportWithDialog, importWithDialog } from './transfer';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, denyPermissions, guardWebContents } from './window';
import { folderDialog, recentForMenu, switchFromMenu } from './workspaces';

app.setName(APP_NAME);
app.enableSandbox();
registerAppScheme();

const sampleArticle = app.isPackaged
  ? join(process.resourcesPath, 'sample-article.txt')
  : join(import.meta.dirname, '../../resources/sample-article.txt');

let win: BrowserWindow | null = null;
let unsubscribe: () => void = () => undefined;
let recent: RecentWorkspace[] = [];

// One workspace open at a time; switching (menu or window) goes through the core's
// switcher, which closes the old one and gives its lock back (src/core/workspaces/).
const switcher = new WorkspaceSwitcher({
  settingsDir: app.getPath('userData'),
  open: (dir, workspaces, first) =>
    openWorkbench(dir, {
      // A workspace made later starts empty: the sample is for the first run.
      ...(first ? { sampleArticle } : {}),
      host: 'desktop app',
      liveSync: true,
      // Built next to this file (electron.vite.config.ts); Electron reads it inside the asar.
      importWorker: join(import.meta.dirname, 'import-worker.js'),
      searchWorker: join(import.meta.dirname, 'search-worker.js'),
      workspaces,
    }),
  choose: folderDialog(() => win),
  // The window reloads itself after a switch it asked for; the menu's reload theirs below.
  onSwitch: (next) => follow(next),
});
const workbench = (): Workbench => switcher.current;
// After a switch from the menu the window reads everything again from the new workspace (its
// drafts are kept per folder), at no document: the old route names one of the old workspace.
const windowContents = (): Electron.WebContents | undefined => win?.webContents;

/** Forwards the open workspace's change events to the window and keeps the menu current. */
async function follow(next: Workbench): Promise<void> {
  unsubscribe();
  unsubscribe = next.subscribe((event) => {
    win?.webContents.send(IPC_EVENT_CHANNEL, event);
    // Every change carries the history, which the Edit menu's Undo and Redo show.
    void refreshMenu();
  });
  recent = await recentForMenu(next);
  await refreshMenu();
}

const menuActions: MenuActions = {
  newWorkspace: () => void switchFromMenu(workbench(), { create: true }, windowContents),
  openWorkspace: () => void switchFromMenu(workbench(), { create: false }, windowContents),
  openRecent: (path) => void switchFromMenu(workbench(), { path, create: false }, windowContents),
  revealWorkspace: () => void shell.openPath(workbench().dir),
  importFiles: () => void importWithDialog(win, workbench()),
  exportAs: (format) => void exportWithDialog(win, workbench(), format),
  saveBackupArchive: () => void saveArchiveFromMenu(workbench, win),
  restoreBackupArchive: () => void restoreArchiveFromMenu(workbench, win),
  shareWorkspace: () => win?.webContents.send(IPC_MENU_CHANNEL, 'share-workspace'),
  joinWorkspace: () => win?.webContents.send(IPC_MENU_CHANNEL, 'join-workspace'),
  undo: () => void workbench().call('history.undo', {}),
  redo: () => void workbench().call('history.redo', {}),
};

/** Rebuilds the menu so Undo and Redo name the next step and are enabled only if there is one. */
async function refreshMenu(): Promise<void> {
  const info = await workbench().call('history.info', {});
  Menu.setApplicationMenu(
    buildMenu(menuActions, info.ok ? info.value : { canUndo: false, canRedo: false }, recent),
  );
}

async function start(): Promise<void> {
  await app.whenReady();
  denyPermissions();
  serveRenderer(join(import.meta.dirname, '../renderer'));
  await follow(
    await switcher.start(
      workspaceArg(process.argv) ?? defaultWorkspaceDir(app.getPath('userData')),
    ),
  );
  bindIpc(workbench);
  bindBackupArchive(workbench, () => win);
  bindRestoreArchive(workbench, () => win);
  bindRestoreUpload(workbench);
  win = createMainWindow();
  win.on('closed', () => (win = null));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) win = createMainWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

start().catch((error: unknown) => {
  dialog.showErrorBox('Research Workbench could not start', String(error));
  app.exit(1);
});
