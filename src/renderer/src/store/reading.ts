// The reading concern: how the open document is shown, as its text (the reader), as the
// pages of its original PDF, or as its original web page; and which page to go to, so
// that a citation's "p. N" can open that page. Opening another document shows its text.
import type { Action, State } from './index';

export const READING_MODES = ['text', 'pages', 'web'] as const;
export type ReadingMode = (typeof READING_MODES)[number];

export interface ReadingState {
  documentId: string | null;
  mode: ReadingMode;
  /** The page asked for, and a counter so asking for the same page again scrolls again. */
  page: number | null;
  request: number;
}

export type ReadingAction = {
  type: 'reading/show';
  documentId: string;
  mode: ReadingMode;
  page?: number;
};

export const initialReading: ReadingState = {
  documentId: null,
  mode: 'text',
  page: null,
  request: 0,
};

export function readingReducer(state: ReadingState, action: Action): ReadingState {
  switch (action.type) {
    case 'reading/show':
      return {
        documentId: action.documentId,
        mode: action.mode,
        page: action.page ?? null,
        request: state.request + 1,
      };
    case 'documents/opened':
      // Nothing to reset when this document is the one shown, or none was shown otherwise.
      return action.id === state.documentId || state.documentId === null
        ? state
        : { ...initialReading, request: state.request };
    default:
      return state;
  }
}

export const showReading = (
  documentId: string,
  mode: ReadingMode,
  page?: number,
): ReadingAction => ({ type: 'reading/show', documentId, mode, ...(page ? { page } : {}) });

/** How `documentId` is shown now. */
export const selectReadingMode = (state: State, documentId: string): ReadingMode =>
  state.reading.documentId === documentId ? state.reading.mode : 'text';

export const selectReading = (state: State): ReadingState => state.reading;
