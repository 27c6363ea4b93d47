// The drafts module: a keystroke keeps a draft per record and field, typing back to what is
// saved drops it, the base is the saved value the first keystroke started from, and drafts
// restored from storage never overwrite one typed in this window.
import { describe, expect, it } from 'vitest';
import { initialState, reduce } from '../../../src/renderer/src/store/index';
import {
  dropDrafts,
  selectDraft,
  selectHasDraft,
  typeDraft,
  type Draft,
} from '../../../src/renderer/src/store/drafts';

describe('drafts', () => {
  it('keeps what is typed per record and field, from the saved value it began at', () => {
    let state = reduce(initialState, typeDraft('ann_1', 'note', 'Evin', ''));
    state = reduce(state, typeDraft('ann_1', 'note', 'Evin prison', 'saved meanwhile'));
    expect(selectDraft(state, 'ann_1', 'note')).toMatchObject({ value: 'Evin prison', base: '' });
    expect(selectDraft(state, 'ann_1', 'title')).toBeUndefined();
    expect(selectHasDraft(state, 'ann_1')).toBe(true);
    expect(selectHasDraft(state, 'ann_2')).toBe(false);
  });

  it('drops a draft typed back to what is saved, and keeps the state when nothing changes', () => {
    const typed = reduce(initialState, typeDraft('note_1', 'body', 'x', ''));
    expect(reduce(typed, typeDraft('note_1', 'body', 'x', ''))).toBe(typed);
    expect(selectDraft(reduce(typed, typeDraft('note_1', 'body', '', '')), 'note_1', 'body')).toBe(
      undefined,
    );
    expect(reduce(initialState, typeDraft('note_1', 'body', 'same', 'same'))).toBe(initialState);
  });

  it('drops the fields named, or every field of a record', () => {
    let state = reduce(initialState, typeDraft('ent_1', 'name', 'Hamid Nouri', 'Hamid Noury'));
    state = reduce(state, typeDraft('ent_1', 'description', 'Deputy prosecutor', ''));
    state = reduce(state, typeDraft('ent_2', 'name', 'Evin', 'Evin prison'));
    const one = reduce(state, dropDrafts('ent_1', ['name']));
    expect(selectDraft(one, 'ent_1', 'name')).toBeUndefined();
    expect(selectDraft(one, 'ent_1', 'description')?.value).toBe('Deputy prosecutor');
    const all = reduce(state, dropDrafts('ent_1'));
    expect(selectHasDraft(all, 'ent_1')).toBe(false);
    expect(selectHasDraft(all, 'ent_2')).toBe(true);
    expect(reduce(all, dropDrafts('ent_9'))).toBe(all);
  });

  it('restores kept drafts under those typed in this window', () => {
    const typed = reduce(initialState, typeDraft('ann_1', 'note', 'typed now', ''));
    const kept: Draft[] = [
      { recordId: 'ann_1', field: 'note', value: 'kept before', base: '', at: 1 },
      { recordId: 'ann_2', field: 'note', value: 'another', base: '', at: 1 },
    ];
    const state = reduce(typed, { type: 'drafts/restored', drafts: kept });
    expect(selectDraft(state, 'ann_1', 'note')?.value).toBe('typed now');
    expect(selectDraft(state, 'ann_2', 'note')?.value).toBe('another');
    expect(reduce(state, { type: 'drafts/restored', drafts: [] })).toBe(state);
  });
});
