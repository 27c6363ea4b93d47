// The files a workspace is stored in (workspace.json, documents/, highlights/ and trash/),
// and the one SCHEMA_VERSION they all carry. Part of src/shared/model.ts.
import { z } from 'zod';
import { Annotation } from './annotations';
import { Codebook, HighlightLink } from './codebook';
import { Document } from './documents';
import { Entity } from './entities';
import { Note } from './notes';
import { Id } from './primitives';

/**
 * Version 3: a document's text and its highlights live in two files, so saving a highlight
 * never rewrites the text.
 * Version 2: workspace.json no longer lists documents (the documents/ folder does), each
 * document carries a text revision and each highlight the revision it was last anchored
 * against. Records are strict: a field this version does not know is reported, never
 * silently dropped at the next write.
 */
export const SCHEMA_VERSION = 3;

/** `<workspace>/workspace.json` */
export const WorkspaceFile = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  entities: z.array(Entity),
  notes: z.array(Note),
  /** Optional (no schema change): absent until the user first changes the codebook. */
  codebook: Codebook.optional(),
  /** Optional: absent until the first link between highlights. */
  links: z.array(HighlightLink).max(100_000).optional(),
});

/**
 * A document with its highlights: how the core holds it, how trash/ keeps a deleted one,
 * and how schema versions 1 and 2 stored it in `documents/<id>.json`.
 */
export const DocumentFile = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  document: Document,
  annotations: z.array(Annotation),
});

/** `<workspace>/documents/<id>.json`: the document's text, structure and metadata. */
export const DocumentRecordFile = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  document: Document,
});

/** `<workspace>/highlights/<id>.json`: the highlights of document `<id>`. */
export const HighlightsFile = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  documentId: Id,
  annotations: z.array(Annotation),
});

export type WorkspaceFile = z.infer<typeof WorkspaceFile>;
export type DocumentFile = z.infer<typeof DocumentFile>;
export type DocumentRecordFile = z.infer<typeof DocumentRecordFile>;
export type HighlightsFile = z.infer<typeof HighlightsFile>;
