// A research note: a titled text that cites entities, documents and highlights. Part of
// src/shared/model.ts.
import { z } from 'zod';
import { Id, Label, RecordTimes } from './primitives';

export const Note = z.strictObject({
  id: Id,
  title: Label.max(500),
  body: z.string().max(200_000),
  entityIds: z.array(Id),
  documentIds: z.array(Id),
  annotationIds: z.array(Id),
  ...RecordTimes,
});

export type Note = z.infer<typeof Note>;
