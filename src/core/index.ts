// The core as the hosts see it: the one module the desktop app, the browser host and the
// command line import from src/core (lint refuses any other), so what a host may use is
// listed here. Importing it loads no parser and no language model: those load on first
// use, inside the core.
export { openWorkbench, type Workbench, type WorkbenchOptions } from './workbench';
export { APP_NAME, defaultWorkspaceDir, userDataDir, workspaceArg } from './default-workspace';
export { setInternalErrorLog } from './dispatch';

import { nodeFs, writeFileDurably } from './store/durable';

/** Writes a file the user asked for (an export) durably: temp file, fsync, rename. */
export function saveFileDurably(path: string, content: string | Uint8Array): Promise<void> {
  return writeFileDurably(nodeFs, path, content);
}
