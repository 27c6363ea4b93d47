// The notes concern: every free-standing note (newest first) and the one open in the notes
// view. Fed by 'notes' change events like the other lists; the open note is the user's
// choice and survives the note being deleted, so undoing the delete shows it again.
import type { Note } from '../../../shared/model';
import { patchList } from './changes';
import type { Action, State } from './index';

export interface NotesState {
  list: Note[] | undefined;
  openId: string | null;
}

export type NotesAction =
  { type: 'notes/listLoaded'; list: Note[] } | { type: 'notes/opened'; id: string | null };

export const initialNotes: NotesState = { list: undefined, openId: null };

const newestFirst = (a: Note, b: Note): number =>
  b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);

export function notesReducer(state: NotesState, action: Action): NotesState {
  switch (action.type) {
    case 'notes/listLoaded':
      return { ...state, list: [...action.list].sort(newestFirst) };
    case 'core/changed': {
      const { put, removed } = action.event.notes;
      if (!state.list || (!put.length && !removed.length)) return state;
      return { ...state, list: patchList(state.list, put, removed, (n) => n.id, newestFirst) };
    }
    case 'notes/opened':
      return state.openId === action.id ? state : { ...state, openId: action.id };
    default:
      return state;
  }
}

export const openNote = (id: string | null): NotesAction => ({ type: 'notes/opened', id });

const NONE: Note[] = [];

export const selectNotes = (state: State): Note[] => state.notes.list ?? NONE;
export const selectNotesLoaded = (state: State): boolean => state.notes.list !== undefined;
export const selectOpenNoteId = (state: State): string | null => state.notes.openId;

/** The open note, if it is (still) in the list. */
export function selectOpenNote(state: State): Note | undefined {
  const { openId, list } = state.notes;
  return openId === null ? undefined : list?.find((n) => n.id === openId);
}
