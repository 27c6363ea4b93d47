// The ui concern: short-lived messages. Toasts confirm what was just done and may offer
// to undo or redo it; the error line says what failed; import outcomes list every file.
import type { FileOutcome, Reimport } from '../lib/import-files';
import type { Action, State } from './index';

/** A toast's button names a history step rather than holding a callback, so state stays data. */
export type ToastAction = 'undo' | 'redo';

export interface Toast {
  id: number;
  message: string;
  action?: ToastAction;
}

/** An operation under way that may take a while: what, how far, and whether it can stop. */
export interface Progress {
  label: string;
  done: number;
  /** Null when how much is left cannot be known. */
  total: number | null;
  cancellable: boolean;
}

export interface UiState {
  toasts: Toast[];
  error: string | null;
  outcomes: FileOutcome[];
  /** Imports that look like newer versions of documents here, waiting for the user's answer. */
  reimports: Reimport[];
  progress: Progress | null;
}

export type UiAction =
  | { type: 'ui/toastShown'; toast: Toast }
  | { type: 'ui/toastDismissed'; id: number }
  | { type: 'ui/error'; message: string | null }
  | { type: 'ui/outcomes'; outcomes: FileOutcome[] }
  | { type: 'ui/reimportAsked'; reimports: Reimport[] }
  | { type: 'ui/reimportAnswered' }
  | { type: 'ui/progress'; progress: Progress | null };

export const initialUi: UiState = {
  toasts: [],
  error: null,
  outcomes: [],
  reimports: [],
  progress: null,
};

/** At most this many toasts at once: older ones make way, newest last. */
export const MAX_TOASTS = 3;

export function uiReducer(state: UiState, action: Action): UiState {
  switch (action.type) {
    case 'ui/toastShown':
      return { ...state, toasts: [...state.toasts, action.toast].slice(-MAX_TOASTS) };
    case 'ui/toastDismissed':
      return state.toasts.some((t) => t.id === action.id)
        ? { ...state, toasts: state.toasts.filter((t) => t.id !== action.id) }
        : state;
    case 'ui/error':
      return state.error === action.message ? state : { ...state, error: action.message };
    case 'ui/outcomes':
      return { ...state, outcomes: action.outcomes };
    case 'ui/reimportAsked':
      return { ...state, reimports: [...state.reimports, ...action.reimports] };
    case 'ui/reimportAnswered':
      return { ...state, reimports: state.reimports.slice(1) };
    case 'ui/progress':
      return { ...state, progress: action.progress };
    default:
      return state;
  }
}

let toastCount = 0;
export const showToast = (message: string, action?: ToastAction): UiAction => ({
  type: 'ui/toastShown',
  toast: { id: ++toastCount, message, ...(action ? { action } : {}) },
});
export const dismissToast = (id: number): UiAction => ({ type: 'ui/toastDismissed', id });
export const showError = (message: string | null): UiAction => ({ type: 'ui/error', message });

export const selectToasts = (state: State): Toast[] => state.ui.toasts;
export const selectProgress = (state: State): Progress | null => state.ui.progress;
export const selectError = (state: State): string | null => state.ui.error;
export const selectOutcomes = (state: State): FileOutcome[] => state.ui.outcomes;
/** The first import waiting for "update or add as new". */
export const selectReimport = (state: State): Reimport | undefined => state.ui.reimports[0];
