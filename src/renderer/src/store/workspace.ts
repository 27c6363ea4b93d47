// The workspace concern: where it is, whether it may be written (and if not, why and who
// holds it), the files that could not be read, the last repair's report, and a count of
// content changes that lets derived views such as search results know to ask again.
import type { RepairReport, WorkspaceInfo } from '../../../shared/api';
import type { Action, State } from './index';

export interface WorkspaceState {
  info: WorkspaceInfo | undefined;
  repairReport: RepairReport | undefined;
  /** Goes up by one for each change event about content (not about history alone). */
  contentChanges: number;
}

export type WorkspaceAction =
  | { type: 'workspace/infoLoaded'; info: WorkspaceInfo }
  | { type: 'workspace/repaired'; report: RepairReport | undefined }
  | { type: 'workspace/contentChanged' };

export const initialWorkspace: WorkspaceState = {
  info: undefined,
  repairReport: undefined,
  contentChanges: 0,
};

export function workspaceReducer(state: WorkspaceState, action: Action): WorkspaceState {
  switch (action.type) {
    case 'workspace/infoLoaded':
      return { ...state, info: action.info };
    case 'workspace/repaired':
      return { ...state, repairReport: action.report };
    case 'core/changed':
    case 'workspace/contentChanged':
      return { ...state, contentChanges: state.contentChanges + 1 };
    default:
      return state;
  }
}

export const selectInfo = (state: State): WorkspaceInfo | undefined => state.workspace.info;
export const selectRepairReport = (state: State): RepairReport | undefined =>
  state.workspace.repairReport;
export const selectContentChanges = (state: State): number => state.workspace.contentChanges;

/** Nothing may be written to the workspace (until it is known, assume it may). */
export const selectWorkspaceReadOnly = (state: State): boolean =>
  state.workspace.info?.readOnly ?? false;
