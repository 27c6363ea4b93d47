// Keeps the drafts store on this machine, so that a reload, a crash of the window or
// closing the app loses nothing typed. Drafts live in the renderer's localStorage: in a
// browser that is the host's origin; in Electron it is the app:// origin's storage in the
// user-data folder, which Chromium writes to disk itself (no IPC, no file the core must
// validate, and a draft is never part of the workspace until it is saved). One entry per
// workspace folder, so switching workspaces shows each its own drafts: also in a window
// that did not make the switch (another tab of the browser host), which learns the new
// folder from the workspace's info, read again after the switch's reset.
import type { WorkbenchStore } from '../store/index';
import type { Draft } from '../store/drafts';
import { showError } from '../store/ui';

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'workbench.drafts:';
export const draftStorageKey = (workspacePath: string): string => `${PREFIX}${workspacePath}`;

const isDraft = (value: unknown): value is Draft => {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  return (
    typeof d.recordId === 'string' &&
    typeof d.field === 'string' &&
    typeof d.value === 'string' &&
    typeof d.base === 'string' &&
    typeof d.at === 'number'
  );
};

/** The drafts kept under a key; anything unreadable is left out, never trusted. */
export function parseDrafts(raw: string | null): Draft[] {
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isDraft) : [];
  } catch {
    return [];
  }
}

/**
 * Restores the open workspace's drafts once its folder is known, then writes them back at
 * every change, synchronously: a keystroke's draft is kept before the next one is typed.
 * When the folder changes, the drafts shown become the new folder's (the old folder's are
 * already written under its own key), and later changes are written under the new key.
 */
export function keepDrafts(store: WorkbenchStore, storage: DraftStorage | null): () => void {
  if (!storage) return () => undefined;
  let key: string | null = null;
  let written = store.getState().drafts.byKey;
  let warned = false;
  const write = (): void => {
    const byKey = store.getState().drafts.byKey;
    if (byKey === written || key === null) return;
    written = byKey;
    const drafts = Object.values(byKey);
    try {
      if (drafts.length) storage.setItem(key, JSON.stringify(drafts));
      else storage.removeItem(key);
      warned = false;
    } catch (error) {
      // Full or refused storage: the drafts still live in this window; say so once.
      if (warned) return;
      warned = true;
      const reason = error instanceof Error ? error.message : String(error);
      store.dispatch(
        showError(
          `Drafts could not be kept on this machine (${reason}); save what you are writing.`,
        ),
      );
    }
  };
  const follow = (): void => {
    const path = store.getState().workspace.info?.path;
    const next = path === undefined ? null : draftStorageKey(path);
    if (next !== null && next !== key) {
      const switched = key !== null;
      key = next;
      let kept: Draft[] = [];
      try {
        kept = parseDrafts(storage.getItem(key));
      } catch {
        // Unreadable storage: nothing to restore.
      }
      // Written before the restore is seen, so drafts typed meanwhile are kept too.
      written = {};
      store.dispatch({
        type: 'drafts/restored',
        drafts: kept,
        ...(switched ? { replace: true as const } : {}),
      });
    }
    write();
  };
  follow();
  return store.subscribe(follow);
}

/** The window's localStorage, or null where it is refused (a locked-down profile). */
export function windowStorage(): DraftStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
