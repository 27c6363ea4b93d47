// notes.*: free-standing Markdown research notes, kept in workspace.json, each linking
// entities, documents and highlights that must exist when the link is made.
import type { NamespaceHandlers } from '../../shared/api';
import { notFound } from '../../shared/errors';
import type { Note } from '../../shared/model';
import type { CoreContext } from '../context';
import type { Tx } from '../store/tx';
import { requireNoteLinks } from './note-refs';

const unique = (ids: readonly string[]): string[] => [...new Set(ids)];

function note(tx: Tx, id: string): Note {
  const found = tx.notes.find((n) => n.id === id);
  if (!found) throw notFound('note', id);
  return found;
}

export function notesHandlers(ctx: CoreContext): NamespaceHandlers<'notes'> {
  return {
    'notes.list': () => Promise.resolve([...ctx.store.state.workspace.notes]),

    'notes.create': (input) =>
      ctx.command('Create note', (tx) => {
        requireNoteLinks(tx, input);
        const created: Note = {
          id: ctx.newId('note'),
          ...input,
          entityIds: unique(input.entityIds),
          documentIds: unique(input.documentIds),
          annotationIds: unique(input.annotationIds),
          createdAt: tx.now,
          updatedAt: tx.now,
        };
        tx.setNote(created.id, created);
        return created;
      }),

    'notes.update': ({ id, patch }) =>
      ctx.command('Edit note', (tx) => {
        const current = note(tx, id);
        requireNoteLinks(tx, patch);
        const updated: Note = {
          ...current,
          ...patch,
          entityIds: unique(patch.entityIds ?? current.entityIds),
          documentIds: unique(patch.documentIds ?? current.documentIds),
          annotationIds: unique(patch.annotationIds ?? current.annotationIds),
          updatedAt: tx.now,
        };
        tx.setNote(id, updated);
        return updated;
      }),

    'notes.delete': ({ id }) =>
      ctx.command('Delete note', (tx) => {
        note(tx, id);
        tx.setNote(id, undefined);
        return { id };
      }),
  };
}
