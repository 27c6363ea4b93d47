// @vitest-environment jsdom
// The notes view with no free-standing note: it says where a note written on a highlight
// went, instead of only "No notes yet" to a user who has just written one.
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { NotesView } from '../../src/renderer/src/features/notes/NotesView';
import { initialState } from '../../src/renderer/src/store/index';
import { entity, listItem } from './builders';
import { mountView } from './mount-view';

describe('the notes view, empty', () => {
  it('says that highlight notes stay with their highlights', async () => {
    const view = await mountView(
      createElement(NotesView),
      {
        'notes.list': () => [],
        'entities.list': () => [entity('e1')],
        'documents.list': () => [listItem('d1', 1)],
      },
      { notes: { ...initialState.notes, list: [] } },
    );
    const empty = view.container.querySelector('.notes-index p.muted')?.textContent ?? '';
    expect(empty).toMatch(/^No notes yet\./);
    expect(empty).toContain('A note written on a highlight stays with that highlight');
    view.unmount();
  });
});
