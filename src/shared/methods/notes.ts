// notes.*: free-standing Markdown research notes, linked to entities, documents and
// highlights.
import { z } from 'zod';
import { Id, Label, type Note } from '../model';
import { Empty } from './workspace';
import { byId, method, namespace } from './define';

const NoteFields = z.strictObject({
  title: Label.max(500),
  body: z.string().max(200_000),
  entityIds: z.array(Id),
  documentIds: z.array(Id),
  annotationIds: z.array(Id),
});

export const CreateNoteInput = NoteFields.extend({
  title: NoteFields.shape.title.default(''),
  body: NoteFields.shape.body.default(''),
  entityIds: NoteFields.shape.entityIds.default([]),
  documentIds: NoteFields.shape.documentIds.default([]),
  annotationIds: NoteFields.shape.annotationIds.default([]),
});

export const UpdateNoteInput = z.strictObject({ id: Id, patch: NoteFields.partial() });

export const notesMethods = namespace('notes', {
  'notes.list': method<Note[]>()(Empty),
  'notes.create': method<Note>()(CreateNoteInput),
  'notes.update': method<Note>()(UpdateNoteInput),
  'notes.delete': method<{ id: string }>()(byId),
});
