// Switching workspaces from the window: show the Workspaces dialog with the recent list,
// open or create one, take one off the list. A switch that succeeds reloads the window at
// no document (sync/switch-notice.ts), which then reads everything from the new workspace
// and says it was created or opened (drafts are kept per workspace folder, so none is
// lost); one that fails leaves everything as it was and says why in the dialog.
import type { WorkbenchApi } from '../../../shared/api';
import type { WorkbenchStore } from '../store/index';
import { restartWindow, switchedNotice } from '../sync/switch-notice';

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export function createWorkspaceCommands(
  api: WorkbenchApi,
  store: WorkbenchStore,
  restart: (notice: string) => void = restartWindow,
) {
  const { dispatch } = store;

  async function listWorkspaces(): Promise<void> {
    try {
      dispatch({ type: 'workspace/listLoaded', list: await api['workspaces.list']({}) });
    } catch (error) {
      dispatch({ type: 'workspace/switchEnded', error: message(error) });
    }
  }

  return {
    showWorkspaces: async (): Promise<void> => {
      dispatch({ type: 'workspace/switcherShown' });
      await listWorkspaces();
    },
    closeWorkspaces: (): void => dispatch({ type: 'workspace/switcherClosed' }),
    /** Without a path the desktop app asks with its folder dialog. */
    openWorkspace: async (input: { path?: string; create: boolean }): Promise<boolean> => {
      dispatch({ type: 'workspace/switching' });
      try {
        const result = await api['workspaces.open'](input);
        dispatch({ type: 'workspace/switchEnded' });
        if (result.opened) restart(switchedNotice(result.path, input.create));
        return result.opened;
      } catch (error) {
        dispatch({ type: 'workspace/switchEnded', error: message(error) });
        return false;
      }
    },
    forgetWorkspace: async (path: string): Promise<void> => {
      try {
        dispatch({ type: 'workspace/listLoaded', list: await api['workspaces.forget']({ path }) });
      } catch (error) {
        dispatch({ type: 'workspace/switchEnded', error: message(error) });
      }
    },
  };
}
