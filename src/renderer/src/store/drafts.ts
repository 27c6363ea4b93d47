// The drafts concern: what the user has typed into an editor and not yet saved, kept per
// record and field (a highlight's note, a note's title and body, an entity's fields, an
// event's date), so that closing an editor, opening something else or reloading the
// window never loses it. A draft is dropped when it is saved, when the user discards it,
// or when it comes to equal what is saved. ../sync/draft-storage.ts keeps them on disk.
import type { Action, State } from './index';

export interface Draft {
  /** The record the draft belongs to (ann_…, note_…, ent_…). */
  recordId: string;
  /** The field of that record, e.g. 'note', 'body', 'description', 'event.start'. */
  field: string;
  value: string;
  /** What was saved when the draft was begun: if the saved value moves on, the user is told. */
  base: string;
  /** When the draft was last typed into (ms since the epoch). */
  at: number;
}

export interface DraftsState {
  byKey: Readonly<Record<string, Draft>>;
}

export type DraftsAction =
  | { type: 'drafts/typed'; recordId: string; field: string; value: string; base: string }
  | { type: 'drafts/dropped'; recordId: string; fields?: readonly string[] }
  /** Kept drafts read back; `replace` when the window now shows another workspace. */
  | { type: 'drafts/restored'; drafts: readonly Draft[]; replace?: true };

export const initialDrafts: DraftsState = { byKey: {} };

export const draftKey = (recordId: string, field: string): string => `${recordId}\u0000${field}`;

function without(byKey: DraftsState['byKey'], drop: (d: Draft) => boolean): DraftsState['byKey'] {
  const next = Object.fromEntries(Object.entries(byKey).filter(([, d]) => !drop(d)));
  return Object.keys(next).length === Object.keys(byKey).length ? byKey : next;
}

export function draftsReducer(state: DraftsState, action: Action): DraftsState {
  switch (action.type) {
    case 'drafts/typed': {
      const key = draftKey(action.recordId, action.field);
      const current = state.byKey[key];
      // Typing back to what is saved leaves nothing to keep.
      if (action.value === action.base) {
        if (!current) return state;
        return { byKey: without(state.byKey, (d) => d === current) };
      }
      if (current?.value === action.value) return state;
      const draft: Draft = {
        recordId: action.recordId,
        field: action.field,
        value: action.value,
        // The base is the saved value the first keystroke started from.
        base: current?.base ?? action.base,
        at: Date.now(),
      };
      return { byKey: { ...state.byKey, [key]: draft } };
    }
    case 'drafts/dropped': {
      const fields = action.fields;
      const byKey = without(
        state.byKey,
        (d) => d.recordId === action.recordId && (!fields || fields.includes(d.field)),
      );
      return byKey === state.byKey ? state : { byKey };
    }
    case 'drafts/restored': {
      const restored = Object.fromEntries(
        action.drafts.map((d) => [draftKey(d.recordId, d.field), d]),
      );
      // Another workspace: the drafts shown were the last one's (kept under its folder).
      if (action.replace) return { byKey: restored };
      // What is already typed in this window wins over what was kept from before.
      return action.drafts.length ? { byKey: { ...restored, ...state.byKey } } : state;
    }
    default:
      return state;
  }
}

export const typeDraft = (
  recordId: string,
  field: string,
  value: string,
  base: string,
): DraftsAction => ({ type: 'drafts/typed', recordId, field, value, base });

/** Drops a record's drafts: the fields named, or all of them. */
export const dropDrafts = (recordId: string, fields?: readonly string[]): DraftsAction => ({
  type: 'drafts/dropped',
  recordId,
  ...(fields ? { fields } : {}),
});

export const selectDraft = (state: State, recordId: string, field: string): Draft | undefined =>
  state.drafts.byKey[draftKey(recordId, field)];

export const selectDrafts = (state: State): DraftsState['byKey'] => state.drafts.byKey;

/** Whether a record has any draft (a list marks it). */
export const selectHasDraft = (state: State, recordId: string): boolean =>
  Object.values(state.drafts.byKey).some((d) => d.recordId === recordId);
