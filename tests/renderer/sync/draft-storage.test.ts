// Drafts kept on this machine: restored when the workspace's folder is known (each folder
// its own drafts), written at every change, removed when none are left; unreadable
// storage is ignored, and storage that refuses a write is said once, keeping the drafts.
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
