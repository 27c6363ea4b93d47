// The team concern: where the workspace stands with its team (the status the core reports:
// synced, offline, changes waiting, last sync), the open conflicts with each value and who
// wrote it, and which team dialog is open (share, join, or the team's details). Fed by the
// team status sync (../sync/team-status.ts) and the team commands.
import type { RecordHistoryEntry, SyncConflict, SyncStatus } from '../../../shared/api';
import { plural } from '../lib/labels';
import type { Action, State } from './index';

export type TeamDialog = 'share' | 'join' | 'team';

export interface TeamState {
  /** Null until the core has answered once. */
  status: SyncStatus | null;
  conflicts: SyncConflict[];
  dialog: TeamDialog | null;
  /** The team history last asked for, by record (`kind/id`): who changed what, when. */
  history: { record: string; entries: RecordHistoryEntry[] } | null;
}

export type TeamAction =
  | { type: 'team/status'; status: SyncStatus }
  | { type: 'team/conflicts'; conflicts: SyncConflict[] }
  | { type: 'team/dialog'; dialog: TeamDialog | null }
  | { type: 'team/history'; record: string; entries: RecordHistoryEntry[] };

export const initialTeam: TeamState = { status: null, conflicts: [], dialog: null, history: null };

const sameStatus = (a: SyncStatus | null, b: SyncStatus): boolean =>
  a !== null && (Object.keys(b) as (keyof SyncStatus)[]).every((k) => a[k] === b[k]);

export function teamReducer(state: TeamState, action: Action): TeamState {
  switch (action.type) {
    case 'team/status':
      // The status is asked for every few seconds: the same answer changes nothing.
      return sameStatus(state.status, action.status) ? state : { ...state, status: action.status };
    case 'team/conflicts':
      return { ...state, conflicts: action.conflicts };
    case 'team/dialog':
      return state.dialog === action.dialog ? state : { ...state, dialog: action.dialog };
    case 'team/history':
      return { ...state, history: { record: action.record, entries: action.entries } };
    default:
      return state;
  }
}

export const openTeamDialog = (dialog: TeamDialog | null): TeamAction => ({
  type: 'team/dialog',
  dialog,
});

export const selectTeamStatus = (state: State): SyncStatus | null => state.team.status;
export const selectTeamDialog = (state: State): TeamDialog | null => state.team.dialog;
export const selectConflicts = (state: State): SyncConflict[] => state.team.conflicts;
/** The key a record's team history is kept under. */
export const historyKey = (kind: string, id: string): string => `${kind}/${id}`;
/** The team history of one record, once asked for (undefined until then). */
export const selectRecordHistory =
  (kind: string, id: string) =>
  (state: State): RecordHistoryEntry[] | undefined =>
    state.team.history?.record === historyKey(kind, id) ? state.team.history.entries : undefined;

/** One line of a record's team history: "Amira changed name, description". */
export function historyLine(entry: RecordHistoryEntry): string {
  if (entry.action !== 'changed') return `${entry.by} ${entry.action} it`;
  return `${entry.by} changed ${entry.fields.join(', ') || 'it'}`;
}

/** Whether the workspace belongs to a team (shared, whether connected or not). */
export const selectShared = (state: State): boolean =>
  state.team.status !== null && state.team.status.state !== 'unshared';

/** The status line's words: what a member needs to know at a glance. */
export function statusLabel(status: SyncStatus, now: Date = new Date()): string {
  const waiting = status.waiting > 0 ? `${plural(status.waiting, 'change')} waiting` : '';
  const since = status.lastSync
    ? `last sync ${ago(new Date(status.lastSync), now)}`
    : 'never synced';
  switch (status.state) {
    case 'unshared':
      return 'Not shared';
    case 'needs-key':
      return 'Shared: needs the team key';
    case 'refused':
      return 'Key refused by the relay';
    case 'connecting':
      return 'Connecting…';
    case 'syncing':
      return waiting ? `Syncing: ${waiting}` : 'Syncing…';
    case 'synced':
      return 'Synced';
    case 'offline':
      return ['Offline', waiting, since].filter(Boolean).join(' · ');
  }
}

/** "just now", "5 min ago", "3 h ago", or the date. */
export function ago(then: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - then.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ago`;
  return then.toISOString().slice(0, 10);
}
