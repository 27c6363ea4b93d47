// The notes and tags modules: the list newest first, the open note kept while it is
// deleted and undone, the notes view opened with a note, and the tag view with a tag.
import { describe, expect, it } from 'vitest';
import { initialState, reduce, type Action } from '../../../src/renderer/src/store/index';
import {
  openNote,
  selectNotes,
  selectNotesLoaded,
  selectOpenNote,
} from '../../../src/renderer/src/store/notes';
import {
  selectResearchView,
  selectTag,
  showTag,
  showView,
} from '../../../src/renderer/src/store/research';
import { selectTags } from '../../../src/renderer/src/store/tags';
import { note } from '../builders';

const older = note('n1', 'Raisi sat on the committee.', { updatedAt: '2026-01-01T10:00:00.000Z' });
const newer = note('n2', 'Ask Amnesty for the list.', { updatedAt: '2026-01-02T10:00:00.000Z' });
const loaded = (...list: (typeof older)[]): Action => ({ type: 'notes/listLoaded', list });

describe('notes', () => {
  it('is empty and not loaded at first, then lists the notes newest first', () => {
    expect(selectNotes(initialState)).toEqual([]);
    expect(selectNotesLoaded(initialState)).toBe(false);
    const state = reduce(initialState, loaded(older, newer));
    expect(selectNotes(state).map((n) => n.id)).toEqual(['n2', 'n1']);
    expect(selectNotesLoaded(state)).toBe(true);
  });

  it('opens a note in the notes view, and shows it again when a deleted note comes back', () => {
    let state = reduce(reduce(initialState, loaded(older, newer)), openNote('n1'));
    expect(selectResearchView(state)).toBe('notes');
    expect(selectOpenNote(state)?.body).toBe('Raisi sat on the committee.');
    state = reduce(state, loaded(newer));
    expect(selectOpenNote(state)).toBeUndefined();
    state = reduce(state, loaded(older, newer));
    expect(selectOpenNote(state)?.id).toBe('n1');
  });

  it('leaves the view alone when no note is opened, and the state when the same one is', () => {
    const reading = reduce(initialState, openNote(null));
    expect(selectResearchView(reading)).toBe('reader');
    const open = reduce(initialState, openNote('n1'));
    expect(reduce(open, openNote('n1'))).toBe(open);
  });

  it('goes back to the reader when a document is opened from a note', () => {
    const state = reduce(reduce(initialState, openNote('n1')), {
      type: 'documents/opened',
      id: 'd1',
    });
    expect(selectResearchView(state)).toBe('reader');
  });
});

describe('tags', () => {
  it('lists the tags as loaded, and shows one tag’s view, kept when switching away and back', () => {
    expect(selectTags(initialState)).toEqual([]);
    let state = reduce(initialState, {
      type: 'tags/listLoaded',
      list: [{ tag: 'trial', count: 2 }],
    });
    expect(selectTags(state)).toEqual([{ tag: 'trial', count: 2 }]);
    state = reduce(state, showTag('trial'));
    expect(selectResearchView(state)).toBe('tag');
    state = reduce(reduce(state, showView('notes')), showView('tag'));
    expect(selectTag(state)).toBe('trial');
  });
});
