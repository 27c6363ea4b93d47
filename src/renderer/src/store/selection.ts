// The selection concern: what the details column shows (a highlight, an entity, the new
// entity form, or the open document's highlight list) and what the reader should scroll
// to and flash.
import type { Annotation } from '../../../shared/model';
import type { Action, State } from './index';
import { selectView } from './documents';

export type Panel =
  | { type: 'annotation'; id: string; intent: 'tag' | 'note' | null }
  | { type: 'entity'; id: string }
  | { type: 'new-entity' }
  /** The open document's fuzzy and orphaned highlights; `reattach` waits for a selection. */
  | { type: 'review'; reattach: string | null }
  | null;

/** What to scroll to and flash: a highlight, or a passage by its text offsets. */
export interface ReaderFocus {
  documentId: string;
  annotationId?: string;
  start?: number;
  end?: number;
  /** Makes a second focus on the same target a new value, so it flashes again. */
  nonce: number;
}

export interface SelectionState {
  panel: Panel;
  focus: ReaderFocus | null;
}

export type SelectionAction =
  { type: 'selection/panel'; panel: Panel } | { type: 'selection/focus'; focus: ReaderFocus };

export const initialSelection: SelectionState = { panel: null, focus: null };

export function selectionReducer(state: SelectionState, action: Action): SelectionState {
  switch (action.type) {
    case 'selection/panel':
      return { ...state, panel: action.panel };
    case 'selection/focus':
      return { ...state, focus: action.focus };
    case 'documents/opened':
      // Opening another document closes a highlight, or the review, of the previous one.
      return state.panel?.type === 'annotation' || state.panel?.type === 'review'
        ? { ...state, panel: null }
        : state;
    default:
      return state;
  }
}

export const selectPanel = (state: State): Panel => state.selection.panel;
export const selectFocus = (state: State): ReaderFocus | null => state.selection.focus;

/** The highlight whose panel is open, if it is (still) in the open document. */
export function selectOpenAnnotation(state: State): Annotation | undefined {
  const panel = state.selection.panel;
  if (panel?.type !== 'annotation') return undefined;
  return selectView(state)?.annotations.find((a) => a.id === panel.id);
}

export function selectOpenEntityId(state: State): string | null {
  const panel = state.selection.panel;
  return panel?.type === 'entity' ? panel.id : null;
}

/** Action creators for the moves between panels that several components make. */
export const showAnnotation = (
  id: string,
  intent: 'tag' | 'note' | null = null,
): SelectionAction => ({ type: 'selection/panel', panel: { type: 'annotation', id, intent } });

export const showEntity = (id: string): SelectionAction => ({
  type: 'selection/panel',
  panel: { type: 'entity', id },
});

export const showReview = (reattach: string | null = null): SelectionAction => ({
  type: 'selection/panel',
  panel: { type: 'review', reattach },
});

/** The highlight waiting for a new selection to be re-attached to, if one is. */
export function selectReattachId(state: State): string | null {
  const panel = state.selection.panel;
  return panel?.type === 'review' ? panel.reattach : null;
}

export const closePanel = (): SelectionAction => ({ type: 'selection/panel', panel: null });

let focusCount = 0;
export const focusOn = (target: Omit<ReaderFocus, 'nonce'>): SelectionAction => ({
  type: 'selection/focus',
  focus: { ...target, nonce: ++focusCount },
});
