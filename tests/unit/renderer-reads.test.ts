// Components read the store, never the core: no file of the window's components, hooks or
// helpers calls the API (the workbench context no longer hands it out). Reads go through
// the view sync (src/renderer/src/sync/) and writes through the commands
// (src/renderer/src/workbench/*-commands.ts), so a view refetching on its own fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDERER = join(import.meta.dirname, '../../src/renderer/src');
/** Folders whose files may reach the API: the client, the sync layer, the commands. */
const MAY_CALL = ['api/', 'sync/', 'workbench/', 'App.tsx'];
/** A helper the commands call with the API they hold (imports run file by file). */
const GIVEN_THE_API = ['lib/import-files.ts'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the window’s components', () => {
  it('never call the API: they read the store and watch views', () => {
    const calling = sources(RENDERER)
      .map((path) => ({ path: relative(RENDERER, path).replaceAll('\\', '/'), path_: path }))
      .filter(({ path }) => !MAY_CALL.some((p) => path.startsWith(p)))
      .filter(({ path }) => !GIVEN_THE_API.includes(path))
      .filter(({ path_ }) =>
        /\bapi\[|\bapi\.|useWorkbench\(\)\.api|api\/client/.test(readFileSync(path_, 'utf8')),
      )
      .map(({ path }) => path);
    expect(calling).toEqual([]);
  });
});
