// The host's one open workspace, and switching it: each host (the desktop app, the browser
// host) keeps a WorkspaceSwitcher instead of a Workbench. A switch is checked, opens the
// new workspace first (if it cannot be opened, the old one simply stays), then records it
// in the recent list and closes the old one (its queued writes finished, its lock given
// back), and only then tells the host, which reloads its window. Switches run one at a
// time. The `workspaces.*` methods of every open workbench come here.
import { realpath } from 'node:fs/promises';
import type { FolderChoice, WorkspaceList, WorkspaceOpened } from '../../shared/methods/workspaces';
import { WorkbenchError } from '../../shared/errors';
import type { Workbench } from '../workbench';
import { checkWorkspaceFolder } from './folder-check';
import { asRecent, readRecent, withOpened, writeRecent, type RecentRead } from './recent-file';

/** What `workspaces.*` handlers need from the host: the switcher, seen from a workbench. */
export interface WorkspacesHost {
  list(): Promise<WorkspaceList>;
  open(input: { path?: string; create: boolean }): Promise<WorkspaceOpened>;
  forget(path: string): Promise<WorkspaceList>;
}

/** The desktop app's folder dialog: the chosen folder, or undefined when cancelled. */
export type ChooseFolder = (create: boolean) => Promise<string | undefined>;

export interface SwitcherOptions {
  /** Where the recent list lives: the app's user-data folder, outside every workspace. */
  settingsDir: string;
  /**
   * Opens a workbench the host's way (its workers, its host name), with these hooks.
   * `first` is true for the workspace the host starts on (only that one gets the sample).
   */
  open(dir: string, hooks: WorkspacesHost, first: boolean): Promise<Workbench>;
  /** A native folder dialog (desktop app), or 'path' when the user types paths (browser host). */
  choose: ChooseFolder | 'path';
  /** Told after each switch, once the old workspace is closed (the host reloads its window). */
  onSwitch?(next: Workbench): void | Promise<void>;
  now?: () => Date;
}

export class WorkspaceSwitcher implements WorkspacesHost {
  private workbench: Workbench | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** The open workspace's real path (links resolved), as the recent list names it. */
  private currentDir = '';
  /** A problem the recent list had this session: still said after the file was set aside. */
  private problem: string | undefined;

  constructor(private readonly options: SwitcherOptions) {}

  /** The open workbench (after `start`). */
  get current(): Workbench {
    if (!this.workbench) throw new Error('No workspace is open yet');
    return this.workbench;
  }

  /** Opens the first workspace (the default one or --workspace DIR) and lists it. */
  async start(dir: string): Promise<Workbench> {
    this.workbench = await this.options.open(dir, this, true);
    this.currentDir = await realpath(this.workbench.dir).catch(() => this.workbench!.dir);
    await this.remember(this.currentDir);
    return this.workbench;
  }

  list(): Promise<WorkspaceList> {
    return this.serial(() => this.listNow());
  }

  open(input: { path?: string; create: boolean }): Promise<WorkspaceOpened> {
    return this.serial(() => this.openNow(input));
  }

  forget(path: string): Promise<WorkspaceList> {
    return this.serial(async () => {
      const read = await this.read();
      await writeRecent(
        this.options.settingsDir,
        read.entries.filter((e) => e.path !== path),
        read.problem !== undefined,
      );
      this.problem = undefined;
      return this.listNow();
    });
  }

  /** Closes the open workspace (the host is stopping). */
  close(): Promise<void> {
    return this.serial(async () => {
      await this.workbench?.close();
      this.workbench = undefined;
    });
  }

  private async openNow({
    path,
    create,
  }: {
    path?: string;
    create: boolean;
  }): Promise<WorkspaceOpened> {
    const { choose } = this.options;
    let dir = path;
    if (dir === undefined) {
      if (choose === 'path')
        throw new WorkbenchError('INVALID_INPUT', 'Type the full path of the workspace’s folder.');
      dir = await choose(create);
      if (dir === undefined) return { opened: false };
    } else if (choose !== 'path' && !(await this.isListed(dir))) {
      // In the desktop app a path from the window is only one it was shown: any other
      // folder is chosen by the user in the native dialog, never named by the page.
      throw new WorkbenchError(
        'FORBIDDEN',
        'Only a workspace from the recent list can be opened by name: choose other folders in the folder dialog.',
      );
    }
    const real = await checkWorkspaceFolder(dir, create ? 'create' : 'open');
    const previous = this.current;
    if (real === this.currentDir) return { opened: true, path: real };
    const next = await this.options.open(real, this, false);
    this.workbench = next;
    this.currentDir = real;
    try {
      await this.remember(real);
    } finally {
      // Closing waits for queued commands and the files to be in place, then frees the lock.
      await previous.close();
    }
    await this.options.onSwitch?.(next);
    return { opened: true, path: real };
  }

  private async isListed(path: string): Promise<boolean> {
    if (path === this.currentDir) return true;
    return (await this.read()).entries.some((e) => e.path === path);
  }

  private async listNow(): Promise<WorkspaceList> {
    const read = await this.read();
    const current = this.currentDir;
    const problem = read.problem ?? this.problem;
    return {
      current,
      recent: read.entries.filter((e) => e.path !== current).map(asRecent),
      choose: (this.options.choose === 'path' ? 'path' : 'dialog') satisfies FolderChoice,
      ...(problem ? { problem } : {}),
    };
  }

  private async read(): Promise<RecentRead> {
    const read = await readRecent(this.options.settingsDir);
    if (read.problem) this.problem = read.problem;
    return read;
  }

  /** Puts a workspace first in the recent list; a list that cannot be written is not a reason to fail a switch. */
  private async remember(dir: string): Promise<void> {
    const read = await this.read();
    const now = (this.options.now ?? (() => new Date()))();
    try {
      await writeRecent(
        this.options.settingsDir,
        withOpened(read.entries, dir, now),
        read.problem !== undefined,
      );
    } catch (error) {
      console.error(`The recent workspaces list could not be saved: ${String(error)}`);
    }
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const result = this.queue.then(run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
