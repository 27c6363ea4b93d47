// The workspace concern: where it is, whether it may be written (and if not, why and who
// holds it), the files that could not be read, and the last repair's report.
import type { RepairReport, WorkspaceInfo } from '../../../shared/api';
import type { Action, State } from './index';

export interface WorkspaceState {
  info: WorkspaceInfo | undefined;
  repairReport: RepairReport | undefined;
}

export type WorkspaceAction =
  | { type: 'workspace/infoLoaded'; info: WorkspaceInfo }
  | { type: 'workspace/repaired'; report: RepairReport | undefined };

export const initialWorkspace: WorkspaceState = {
  info: undefined,
  repairReport: undefined,
};

export function workspaceReducer(state: WorkspaceState, action: Action): WorkspaceState {
  switch (action.type) {
    case 'workspace/infoLoaded':
      return { ...state, info: action.info };
    case 'workspace/repaired':
      return { ...state, repairReport: action.report };
    default:
      return state;
  }
}

export const selectInfo = (state: State): WorkspaceInfo | undefined => state.workspace.info;
export const selectRepairReport = (state: State): RepairReport | undefined =>
  state.workspace.repairReport;

/** Nothing may be written to the workspace (until it is known, assume it may). */
export const selectWorkspaceReadOnly = (state: State): boolean =>
  state.workspace.info?.readOnly ?? false;
