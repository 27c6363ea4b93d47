// The desktop app's side of switching workspaces: the native folder dialog (the only way
// a folder the app has not listed before reaches the switcher: the window never names one
// itself), and the File menu's workspace commands, whose failures are shown in a box.
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { ChooseFolder, Workbench } from '../core/index';
import type { RecentWorkspace } from '../shared/api';

/** Asks for a folder with the native dialog, over the window when there is one. */
export function folderDialog(window: () => BrowserWindow | null): ChooseFolder {
  return async (create) => {
    const options: OpenDialogOptions = {
      title: create ? 'New Workspace' : 'Open Workspace',
      buttonLabel: create ? 'Create Workspace' : 'Open Workspace',
      message: create
        ? 'Choose or make an empty folder for the new workspace.'
        : 'Choose a workspace folder.',
      properties: ['openDirectory', 'createDirectory'],
    };
    const win = window();
    const result = win
      ? await dialog.showOpenDialog(win, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? undefined : result.filePaths[0];
  };
}

/** What of the window's contents a switch reloads. */
type WindowContents = Pick<BrowserWindow['webContents'], 'getURL' | 'loadURL'>;

/**
 * Runs a File-menu switch through the open workbench's API, then loads the window (if
 * there is one) at its start on the new workspace; a refusal is shown in a box, not thrown.
 */
export async function switchFromMenu(
  workbench: Workbench,
  input: { path?: string; create: boolean },
  contents: () => WindowContents | undefined,
): Promise<void> {
  const result = await workbench.call('workspaces.open', input);
  if (!result.ok) dialog.showErrorBox('The workspace could not be opened', result.error.message);
  else if (result.value.opened) {
    const window = contents();
    if (window) reloadAtStart(window);
  }
}

/**
 * Loads the window again at its start, without its route: the address (#/document/…)
 * names a document of the old workspace, which the new one would say it does not have.
 */
export function reloadAtStart(contents: WindowContents): void {
  void contents.loadURL(contents.getURL().replace(/#.*$/s, ''));
}

/** The recent workspaces for the File menu (none when the list cannot be read). */
export async function recentForMenu(workbench: Workbench): Promise<RecentWorkspace[]> {
  const list = await workbench.call('workspaces.list', {});
  return list.ok ? list.value.recent : [];
}
