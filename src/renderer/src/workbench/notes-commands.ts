// What the user can do with notes and tags: make a note (about an entity, a document or a
// highlight, when asked from there), save its title, body and links, delete it with an
// offer to undo, open one, and show a tag's highlights. Each sends at most one method; the
// 'notes' and 'annotations' events that follow update the store.
import type { Input, WorkbenchApi } from '../../../shared/api';
import { nounLabel } from '../lib/labels';
import type { WorkbenchStore } from '../store/index';
import { openNote } from '../store/notes';
import { showTag } from '../store/research';
import { showToast } from '../store/ui';

type Run = <T>(call: () => Promise<T>) => Promise<T | undefined>;
export type NoteFields = Input<'notes.update'>['patch'];
export type NoteLinks = Pick<Input<'notes.create'>, 'entityIds' | 'documentIds' | 'annotationIds'>;

export function createNotesCommands(api: WorkbenchApi, store: WorkbenchStore, run: Run) {
  const { dispatch } = store;
  return {
    openNote: (id: string): void => dispatch(openNote(id)),
    closeNote: (): void => dispatch(openNote(null)),
    showTag: (tag: string): void => dispatch(showTag(tag)),

    /** Makes a note, linked to what it is about, and opens it in the notes view. */
    createNote: async (links: NoteLinks = {}): Promise<string | undefined> => {
      const created = await run(() => api['notes.create']({ title: '', body: '', ...links }));
      if (created) dispatch(openNote(created.id));
      return created?.id;
    },

    /** Saves some of a note's fields; says whether it was saved. */
    updateNote: async (id: string, patch: NoteFields): Promise<boolean> =>
      (await run(() => api['notes.update']({ id, patch }))) !== undefined,

    deleteNote: async (id: string): Promise<void> => {
      if (await run(() => api['notes.delete']({ id })))
        dispatch(showToast(`${nounLabel('note')} deleted.`, 'undo'));
    },
  };
}
