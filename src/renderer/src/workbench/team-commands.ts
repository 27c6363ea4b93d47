// What the window does with team sharing: share this workspace, join a team's, sync now,
// settle a conflict on one value, set the name the team sees. Share, join and the name
// answer with the problem in words (or null), so the dialog that asked can show it beside
// the fields; the team key typed in is passed on once and kept nowhere in the window.
import type { z } from 'zod';
import type { SyncConflict, SyncRecordKind, SyncStatus, WorkbenchApi } from '../../../shared/api';
import type { ShareInput } from '../../../shared/methods/sync';
import type { WorkbenchStore } from '../store/index';
import { historyKey } from '../store/team';
import { showToast } from '../store/ui';

type Run = <T>(call: () => Promise<T>) => Promise<T | undefined>;

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export function createTeamCommands(api: WorkbenchApi, store: WorkbenchStore, run: Run) {
  const { dispatch } = store;
  const statusIs = (status: SyncStatus): void => dispatch({ type: 'team/status', status });

  async function refreshConflicts(): Promise<void> {
    const conflicts = await run(() => api['sync.conflicts']({}));
    if (conflicts) dispatch({ type: 'team/conflicts', conflicts });
  }

  /** Runs a call made from a dialog: null when it went through, else what went wrong. */
  async function asked(call: () => Promise<SyncStatus>, done: string): Promise<string | null> {
    try {
      statusIs(await call());
      dispatch(showToast(done));
      return null;
    } catch (error) {
      return message(error);
    }
  }

  return {
    /** Through a relay (its address and the key) or a shared folder (its path). */
    shareWorkspace: (place: z.input<typeof ShareInput>): Promise<string | null> =>
      asked(() => api['sync.share'](place), 'Workspace shared with the team.'),

    joinWorkspace: (shareId: string, place: z.input<typeof ShareInput>): Promise<string | null> =>
      asked(
        () => api['sync.join']({ shareId, ...place }),
        'Joined: the team’s work is in this workspace.',
      ),

    setDisplayName: (name: string): Promise<string | null> =>
      asked(() => api['sync.setDisplayName']({ name }), `The team will see you as ${name.trim()}.`),

    syncNow: async (): Promise<void> => {
      const round = await run(() => api['sync.now']({}));
      if (!round) return;
      dispatch(
        showToast(
          `Synced: ${round.sent} sent, ${round.received} received, ${round.conflicts} open conflicts.`,
        ),
      );
      const status = await run(() => api['sync.status']({}));
      if (status) statusIs(status);
      await refreshConflicts();
    },

    /** Keeps one value of a conflict; the others are gone from every member's list. */
    chooseValue: async (conflict: SyncConflict, index: number): Promise<void> => {
      const value = conflict.values[index];
      if (!value) return;
      const status = await run(() =>
        api['sync.choose']({
          kind: conflict.kind,
          id: conflict.id,
          field: conflict.field,
          index,
          expected: value.text,
        }),
      );
      await refreshConflicts();
      if (!status) return;
      statusIs(status);
      // Keeping the value shown changes no record: there is nothing to undo.
      dispatch(showToast(`Kept “${value.text}”.`, value.shown ? undefined : 'undo'));
    },

    refreshConflicts,

    /** Asks who changed a shared record, what and when; kept for the record's history view. */
    showHistory: async (kind: SyncRecordKind, id: string): Promise<void> => {
      const entries = await run(() => api['sync.history']({ kind, id }));
      if (entries) dispatch({ type: 'team/history', record: historyKey(kind, id), entries });
    },
  };
}
