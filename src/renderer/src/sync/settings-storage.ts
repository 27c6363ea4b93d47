// Keeps the settings store module on this machine: read once when the window starts,
// written whenever a setting changes. Storage that refuses is not an error: the setting
// holds for this session.
import type { WorkbenchStore } from '../store/index';
import { restoreSettings } from '../store/settings';
import type { DraftStorage } from './draft-storage';

export const SETTINGS_KEY = 'workbench.settings';

export function keepSettings(store: WorkbenchStore, storage: DraftStorage | null): () => void {
  if (!storage) return () => undefined;
  try {
    const saved = restoreSettings(storage.getItem(SETTINGS_KEY));
    store.dispatch({ type: 'settings/mentionExtent', extent: saved.mentionExtent });
  } catch {
    // Unreadable storage: the defaults.
  }
  let written = store.getState().settings;
  return store.subscribe(() => {
    const settings = store.getState().settings;
    if (settings === written) return;
    written = settings;
    try {
      storage.setItem(SETTINGS_KEY, JSON.stringify(settings));
    } catch {
      // Not kept: the setting still holds in this window.
    }
  });
}
