// The Electron host: app lifecycle, one hardened window, the menu and native dialogs.
// Everything the workbench does lives in the core (src/core); this file only wires it.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, shell } from 'electron';
import { IPC_EVENT_CHANNEL } from '../shared/api';
import {
  APP_NAME,
  defaultWorkspaceDir,
  openWorkbench,
  workspaceArg,
  type Workbench,
} from '../core/index';
import { bindIpc } from './ipc';
import { buildMenu, type MenuActions } from './menu';
import { exportWithDialog, importWithDialog } from './transfer';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, denyPermissions, guardWebContents } from './window';

app.setName(APP_NAME);
app.enableSandbox();
registerAppScheme();

const sampleArticle = app.isPackaged
  ? join(process.resourcesPath, 'sample-article.txt')
  : join(import.meta.dirname, '../../resources/sample-article.txt');

let workbench: Workbench;
let unsubscribe: () => void = () => undefined;
let win: BrowserWindow | null = null;

async function useWorkspace(dir: string): Promise<void> {
  const previous = workbench as Workbench | undefined;
  // Give the old workspace's lock back before taking the new one (it may be the same).
  await previous?.close();
  const next = await openWorkbench(dir, {
    sampleArticle,
    host: 'desktop app',
    liveSync: true,
    // Built next to this file (electron.vite.config.ts); Electron reads it inside the asar.
    importWorker: join(import.meta.dirname, 'import-worker.js'),
    searchWorker: join(import.meta.dirname, 'search-worker.js'),
  });
  unsubscribe();
  workbench = next;
  unsubscribe = next.subscribe((event) => {
    win?.webContents.send(IPC_EVENT_CHANNEL, event);
    // Every change carries the history, which the Edit menu's Undo and Redo show.
    void refreshMenu();
  });
  await refreshMenu();
}

const menuActions: MenuActions = {
  openWorkspace: () => void chooseWorkspace(),
  revealWorkspace: () => void shell.openPath(workbench.dir),
  importFiles: () => void importWithDialog(win, workbench),
  exportAs: (format) => void exportWithDialog(win, workbench, format),
  undo: () => void workbench.call('history.undo', {}),
  redo: () => void workbench.call('history.redo', {}),
};

/** Rebuilds the menu so Undo and Redo name the next step and are enabled only if there is one. */
async function refreshMenu(): Promise<void> {
  const info = await workbench.call('history.info', {});
  Menu.setApplicationMenu(
    buildMenu(menuActions, info.ok ? info.value : { canUndo: false, canRedo: false }),
  );
}

async function chooseWorkspace(): Promise<void> {
  const result = await dialog.showOpenDialog({
    title: 'Open Workspace',
    properties: ['openDirectory', 'createDirectory'],
  });
  const dir = result.filePaths[0];
  if (result.canceled || !dir) return;
  try {
    await useWorkspace(dir);
    win?.webContents.reload();
  } catch (error) {
    dialog.showErrorBox('Could not open the workspace', `${dir}\n\n${String(error)}`);
  }
}

async function start(): Promise<void> {
  await app.whenReady();
  denyPermissions();
  serveRenderer(join(import.meta.dirname, '../renderer'));
  await useWorkspace(workspaceArg(process.argv) ?? defaultWorkspaceDir(app.getPath('userData')));
  bindIpc(() => workbench);
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
