// Checks a folder before the switcher opens it as a workspace. The browser host takes a
// path typed by the user, so this is where a mistyped or hostile path stops: it must be
// absolute, and a folder (never a file); opening wants a workspace or an empty folder,
// creating wants a new or empty one, so a workspace is never spread over a folder that
// already holds other things (a home folder, a project).
import { constants } from 'node:fs';
import { access, lstat, mkdir, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { WorkbenchError } from '../../shared/errors';

export type FolderMode = 'open' | 'create';

const WORKSPACE_FILE = 'workspace.json';

const invalid = (message: string): WorkbenchError => new WorkbenchError('INVALID_INPUT', message);

const exists = (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw invalid(`“${path}” cannot be read (${error.code ?? String(error)}).`);
    },
  );

/** The folder's real path (links resolved), once it is fit to open or create a workspace in. */
export async function checkWorkspaceFolder(typed: string, mode: FolderMode): Promise<string> {
  if (!isAbsolute(typed)) {
    throw invalid(
      `“${typed}” is not a full path: type it from the top, e.g. /home/me/Investigation.`,
    );
  }
  const path = resolve(typed);
  if (!(await exists(path))) {
    if (mode === 'open') {
      throw new WorkbenchError(
        'NOT_FOUND',
        `There is no folder “${path}”. To start a workspace there, create it.`,
      );
    }
    const parent = dirname(path);
    if (!(await exists(parent))) {
      throw invalid(`The folder “${parent}” does not exist, so “${path}” cannot be made in it.`);
    }
    try {
      await mkdir(path);
    } catch (error) {
      throw invalid(
        `The folder “${path}” could not be made (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
      );
    }
  }
  const real = await realpath(path);
  if (!(await stat(real)).isDirectory()) {
    throw invalid(`“${path}” is a file, not a folder: choose the folder that holds the workspace.`);
  }
  let names: string[];
  try {
    await access(real, constants.R_OK | constants.W_OK);
    names = await readdir(real);
  } catch (error) {
    throw invalid(
      `The folder “${path}” cannot be read and written (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
    );
  }
  const isWorkspace = names.includes(WORKSPACE_FILE);
  if (mode === 'open' && !isWorkspace && names.length > 0) {
    throw invalid(
      `“${path}” holds no workspace (no ${WORKSPACE_FILE}) and is not empty: choose a workspace folder, or create a new workspace in an empty one.`,
    );
  }
  if (mode === 'create' && isWorkspace) {
    throw invalid(`“${path}” already holds a workspace: open it instead.`);
  }
  if (mode === 'create' && names.length > 0) {
    throw invalid(`“${path}” is not empty: a new workspace needs a new or empty folder.`);
  }
  return real;
}
