// The settings concern: choices the user makes once and the window keeps (on this
// machine, ../sync/settings-storage.ts). For now one: what an accepted mention becomes
// when no highlight covers it, its sentence (the default: a passage worth quoting) or the
// name alone.
import type { MentionExtent } from '../../../shared/methods/mentions';
import type { Action, State } from './index';

export interface SettingsState {
  mentionExtent: MentionExtent;
}

export type SettingsAction = { type: 'settings/mentionExtent'; extent: MentionExtent };

export const initialSettings: SettingsState = { mentionExtent: 'sentence' };

export function settingsReducer(state: SettingsState, action: Action): SettingsState {
  switch (action.type) {
    case 'settings/mentionExtent':
      return state.mentionExtent === action.extent
        ? state
        : { ...state, mentionExtent: action.extent };
    default:
      return state;
  }
}

export const setMentionExtent = (extent: MentionExtent): SettingsAction => ({
  type: 'settings/mentionExtent',
  extent,
});

export const selectMentionExtent = (state: State): MentionExtent => state.settings.mentionExtent;

/** The settings kept as text; anything unreadable is left at its default, never trusted. */
export function restoreSettings(raw: string | null): SettingsState {
  try {
    const saved: unknown = raw ? JSON.parse(raw) : null;
    const extent = (saved as { mentionExtent?: unknown } | null)?.mentionExtent;
    return extent === 'name' || extent === 'sentence' ? { mentionExtent: extent } : initialSettings;
  } catch {
    return initialSettings;
  }
}
