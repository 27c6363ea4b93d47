// Drafts kept on this machine: restored when the workspace's folder is known (each folder
// its own drafts), written at every change, removed when none are left; a window that
// learns of a switch to another workspace (another tab) takes the new folder's drafts and
// writes under its key; unreadable storage is ignored, and storage that refuses a write is
// said once, keeping the drafts.
import { describe, expect, it } from 'vitest';
import { createWorkbenchStore } from '../../../src/renderer/src/store/index';
import { selectDraft, typeDraft } from '../../../src/renderer/src/store/drafts';
import { selectError } from '../../../src/renderer/src/store/ui';
import {
  draftStorageKey,
  keepDrafts,
  parseDrafts,
  type DraftStorage,
} from '../../../src/renderer/src/sync/draft-storage';
import type { WorkspaceInfo } from '../../../src/shared/api';

const info = (path: string): WorkspaceInfo => ({
  path,
  schemaVersion: 3,
  readOnly: false,
  problems: [],
});

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  let refuse = false;
  const storage: DraftStorage = {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      if (refuse) throw new Error('QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key) => void items.delete(key),
  };
  return { storage, items, refuse: () => (refuse = true) };
}

describe('draft storage', () => {
  it('restores the workspace’s drafts once its folder is known, and writes each change', () => {
    const kept = [{ recordId: 'ann_1', field: 'note', value: 'half a thought', base: '', at: 5 }];
    const { storage, items } = memoryStorage({
      [draftStorageKey('/ws/a')]: JSON.stringify(kept),
      [draftStorageKey('/ws/b')]: JSON.stringify([{ ...kept[0], value: 'other workspace' }]),
    });
    const store = createWorkbenchStore();
    const stop = keepDrafts(store, storage);
    expect(selectDraft(store.getState(), 'ann_1', 'note')).toBeUndefined();
    store.dispatch({ type: 'workspace/infoLoaded', info: info('/ws/a') });
    expect(selectDraft(store.getState(), 'ann_1', 'note')?.value).toBe('half a thought');

    store.dispatch(typeDraft('ann_1', 'note', 'half a thought, finished', ''));
    expect(parseDrafts(items.get(draftStorageKey('/ws/a')) ?? null)[0]?.value).toBe(
      'half a thought, finished',
    );
    store.dispatch(typeDraft('ann_1', 'note', '', ''));
    expect(items.has(draftStorageKey('/ws/a'))).toBe(false);
    expect(items.has(draftStorageKey('/ws/b'))).toBe(true);
    stop();
  });

  it('follows a switch made in another window: the new folder’s drafts, written there', () => {
    const a = [{ recordId: 'ann_1', field: 'note', value: 'in a', base: '', at: 5 }];
    const b = [{ recordId: 'note_9', field: 'body', value: 'in b', base: '', at: 6 }];
    const { storage, items } = memoryStorage({
      [draftStorageKey('/ws/a')]: JSON.stringify(a),
      [draftStorageKey('/ws/b')]: JSON.stringify(b),
    });
    const store = createWorkbenchStore();
    const stop = keepDrafts(store, storage);
    store.dispatch({ type: 'workspace/infoLoaded', info: info('/ws/a') });
    store.dispatch(typeDraft('ann_1', 'note', 'in a, more', ''));
    // The host switched (from another tab): this window's reset reads the info again.
    store.dispatch({ type: 'workspace/infoLoaded', info: info('/ws/b') });
    expect(selectDraft(store.getState(), 'ann_1', 'note')).toBeUndefined();
    expect(selectDraft(store.getState(), 'note_9', 'body')?.value).toBe('in b');
    store.dispatch(typeDraft('note_9', 'body', 'in b, more', ''));
    expect(parseDrafts(items.get(draftStorageKey('/ws/b')) ?? null).map((d) => d.value)).toEqual([
      'in b, more',
    ]);
    // The old folder keeps what was typed for it, untouched by the new one's.
    expect(parseDrafts(items.get(draftStorageKey('/ws/a')) ?? null).map((d) => d.value)).toEqual([
      'in a, more',
    ]);
    stop();
  });

  it('ignores what it cannot read', () => {
    expect(parseDrafts('not json')).toEqual([]);
    expect(parseDrafts('{"a":1}')).toEqual([]);
    expect(parseDrafts('[{"recordId":"a","field":"b","value":3}, null]')).toEqual([]);
  });

  it('says once that drafts cannot be kept, and keeps them in the window', () => {
    const { storage, refuse } = memoryStorage();
    const store = createWorkbenchStore();
    keepDrafts(store, storage);
    store.dispatch({ type: 'workspace/infoLoaded', info: info('/ws/a') });
    refuse();
    store.dispatch(typeDraft('note_1', 'body', 'a', ''));
    expect(selectError(store.getState())).toMatch(/Drafts could not be kept.*QuotaExceededError/);
    store.dispatch({ type: 'ui/error', message: null });
    store.dispatch(typeDraft('note_1', 'body', 'ab', ''));
    expect(selectError(store.getState())).toBeNull();
    expect(selectDraft(store.getState(), 'note_1', 'body')?.value).toBe('ab');
  });
});
