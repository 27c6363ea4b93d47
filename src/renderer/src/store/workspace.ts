// The workspace concern: where it is, whether it may be written (and if not, why and who
// holds it), the files that could not be read, the last repair's report, and the
// Workspaces dialog (the recent list, a switch under way, why one failed).
import type { RepairReport, WorkspaceInfo, WorkspaceList } from '../../../shared/api';
import type { Action, State } from './index';

export interface SwitcherState {
  open: boolean;
  list: WorkspaceList | undefined;
  /** A switch (or the folder dialog) is under way: the dialog's buttons wait. */
  busy: boolean;
  /** Why the last switch or listing failed, as the core said it. */
  error: string | undefined;
}

export interface WorkspaceState {
  info: WorkspaceInfo | undefined;
  repairReport: RepairReport | undefined;
  switcher: SwitcherState;
}

export type WorkspaceAction =
  | { type: 'workspace/infoLoaded'; info: WorkspaceInfo }
  | { type: 'workspace/repaired'; report: RepairReport | undefined }
  | { type: 'workspace/switcherShown' }
  | { type: 'workspace/switcherClosed' }
  | { type: 'workspace/listLoaded'; list: WorkspaceList }
  | { type: 'workspace/switching' }
  | { type: 'workspace/switchEnded'; error?: string };

const closedSwitcher: SwitcherState = {
  open: false,
  list: undefined,
  busy: false,
  error: undefined,
};

export const initialWorkspace: WorkspaceState = {
  info: undefined,
  repairReport: undefined,
  switcher: closedSwitcher,
};

function switcherReducer(state: SwitcherState, action: Action): SwitcherState {
  switch (action.type) {
    case 'workspace/switcherShown':
      return { ...state, open: true, error: undefined };
    case 'workspace/switcherClosed':
      return state.busy ? state : { ...closedSwitcher, list: state.list };
    case 'workspace/listLoaded':
      return { ...state, list: action.list };
    case 'workspace/switching':
      return { ...state, busy: true, error: undefined };
    case 'workspace/switchEnded':
      return { ...state, busy: false, error: action.error };
    default:
      return state;
  }
}

export function workspaceReducer(state: WorkspaceState, action: Action): WorkspaceState {
  switch (action.type) {
    case 'workspace/infoLoaded':
      return { ...state, info: action.info };
    case 'workspace/repaired':
      return { ...state, repairReport: action.report };
    default: {
      const switcher = switcherReducer(state.switcher, action);
      return switcher === state.switcher ? state : { ...state, switcher };
    }
  }
}

export const selectInfo = (state: State): WorkspaceInfo | undefined => state.workspace.info;
export const selectRepairReport = (state: State): RepairReport | undefined =>
  state.workspace.repairReport;

/** Nothing may be written to the workspace (until it is known, assume it may). */
export const selectWorkspaceReadOnly = (state: State): boolean =>
  state.workspace.info?.readOnly ?? false;

export const selectSwitcher = (state: State): SwitcherState => state.workspace.switcher;
