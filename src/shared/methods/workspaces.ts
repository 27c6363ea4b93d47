// workspaces.*: the workspaces this machine knows (the open one and the recent list), and
// opening or creating another. The host answers them (its workspace switcher, in
// src/core/workspaces/), not the open workspace: switching closes that one. A host that
// opens one workspace for one command (the command line) refuses them.
import { z } from 'zod';
import { method, namespace } from './define';

/** A workspace opened on this machine before, most recent first. */
export interface RecentWorkspace {
  /** The folder's absolute path. */
  path: string;
  /** The folder's name, as the list shows it. */
  name: string;
  /** When it was last opened (ISO 8601). */
  openedAt: string;
}

/**
 * How this host lets the user choose a folder: the desktop app shows a native dialog (the
 * window never names a path itself); the browser host takes a path the user types.
 */
export type FolderChoice = 'dialog' | 'path';

export interface WorkspaceList {
  /** The open workspace's folder. */
  current: string;
  /** Other workspaces opened here before, most recent first (the open one is not listed). */
  recent: RecentWorkspace[];
  choose: FolderChoice;
  /** Why the recent list could not be read (it is then empty), in words for the user. */
  problem?: string;
}

/** `opened: false` when the user closed the folder dialog without choosing. */
export type WorkspaceOpened = { opened: true; path: string } | { opened: false };

/** A folder path as typed or listed: long paths exist, but not megabytes of them. */
const FolderPath = z.string().trim().min(1, 'type the folder’s full path').max(4096);

export const workspacesMethods = namespace('workspaces', {
  'workspaces.list': method<WorkspaceList>()(z.strictObject({})),
  /**
   * Opens (or, with `create`, makes) a workspace and closes the open one. Without a path
   * the desktop app asks with its folder dialog; with one, the desktop app opens only a
   * listed workspace, and the browser host checks the typed path (absolute, a folder).
   */
  'workspaces.open': method<WorkspaceOpened>()(
    z.strictObject({ path: FolderPath.optional(), create: z.boolean().default(false) }),
  ),
  /** Takes a workspace off the recent list (its folder is left as it is). */
  'workspaces.forget': method<WorkspaceList>()(z.strictObject({ path: FolderPath })),
});
