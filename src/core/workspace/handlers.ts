// workspace.*: the open workspace as a whole: what it is and whether it may be written,
// repairing what the integrity checks found, and verifying every quote and text.
import type { NamespaceHandlers } from '../../shared/api';
import { SCHEMA_VERSION } from '../../shared/model';
import type { CoreContext } from '../context';
import { repairWorkspace } from '../store/repair';
import { verifyWorkspace } from './verify';
import { verifyCustody } from './verify-custody';

export function workspaceHandlers(ctx: CoreContext): NamespaceHandlers<'workspace'> {
  const { store } = ctx;
  return {
    'workspace.info': () =>
      Promise.resolve({
        path: store.dir,
        schemaVersion: SCHEMA_VERSION,
        readOnly: store.readOnly,
        ...(store.readOnlyReason ? { readOnlyReason: store.readOnlyReason } : {}),
        ...(store.lockedBy ? { lockedBy: store.lockedBy } : {}),
        problems: store.problems,
      }),

    'workspace.repair': async () => {
      const report = await repairWorkspace(store);
      await ctx.reload();
      return report;
    },

    'workspace.verify': async () => {
      await store.settled();
      // Every document is read (a verify checks them all), a slice at a time, let go after.
      const report = await verifyWorkspace(store.stream(store.catalog.ids()), store.problems);
      const custody = await verifyCustody(store.fileSystem, store.dir);
      return {
        ...report,
        custodyLines: custody.lines,
        mismatches: [...report.mismatches, ...custody.mismatches],
      };
    },
  };
}
