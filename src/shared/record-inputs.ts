// The input schemas of the methods that create and change records (highlights, entities,
// notes, a document's text): kept apart from the method table so each file stays one idea.
import { z } from 'zod';
import {
  ANNOTATION_KINDS,
  AnnotationKind,
  EntityType,
  EventDate,
  Id,
  Participant,
  Tag,
} from './model';

const Text = (max: number) => z.string().max(max);
const Aliases = z.array(z.string().trim().min(1).max(300)).max(100);

export const CreateAnnotationInput = z
  .strictObject({
    documentId: Id,
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    kind: AnnotationKind.default(ANNOTATION_KINDS[0]),
    entityIds: z.array(Id).max(200).default([]),
    tags: z.array(Tag).max(100).default([]),
    note: Text(100_000).default(''),
  })
  .refine((v) => v.start < v.end, { message: 'start must be before end', path: ['end'] });

export const UpdateAnnotationInput = z.strictObject({
  id: Id,
  patch: z.strictObject({
    kind: AnnotationKind.optional(),
    entityIds: z.array(Id).max(200).optional(),
    tags: z.array(Tag).max(100).optional(),
    note: Text(100_000).optional(),
  }),
});

export const CreateEntityInput = z.strictObject({
  name: z.string().trim().min(1, 'a name cannot be empty').max(300),
  type: EntityType,
  aliases: Aliases.default([]),
  description: Text(20_000).default(''),
  externalId: z.string().trim().max(200).optional(),
});

export const UpdateEntityInput = z.strictObject({
  id: Id,
  patch: z.strictObject({
    name: z.string().trim().min(1, 'a name cannot be empty').max(300).optional(),
    type: EntityType.optional(),
    aliases: Aliases.optional(),
    description: Text(20_000).optional(),
    externalId: z.string().trim().max(200).optional(),
    /** null clears the event's date or place. */
    date: EventDate.nullable().optional(),
    placeId: Id.nullable().optional(),
    participants: z.array(Participant).max(200).optional(),
  }),
});

export const CreateNoteInput = z.strictObject({
  title: Text(500).default(''),
  body: Text(200_000).default(''),
  entityIds: z.array(Id).default([]),
  documentIds: z.array(Id).default([]),
  annotationIds: z.array(Id).default([]),
});

export const UpdateNoteInput = z.strictObject({
  id: Id,
  patch: z.strictObject({
    title: Text(500).optional(),
    body: Text(200_000).optional(),
    entityIds: z.array(Id).optional(),
    documentIds: z.array(Id).optional(),
    annotationIds: z.array(Id).optional(),
  }),
});

export const EditTextInput = z.strictObject({
  id: Id,
  /** The revision the edit was made against: an edit of an older revision is refused. */
  revision: z.number().int().positive(),
  text: z.string().min(1, 'a document cannot be empty').max(50_000_000),
});
