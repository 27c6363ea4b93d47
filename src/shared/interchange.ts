// Annotations coming in from other tools (Hypothesis, any W3C Web Annotation JSON-LD) and
// the check of every quote against its text: the input schemas and what each returns.
// The file travels as text and is parsed in the core, so one size cap holds for every host.
import { z } from 'zod';
import { Id } from './model';

/** The largest annotations file accepted, in characters of JSON. */
export const MAX_ANNOTATIONS_JSON = 20 * 1024 * 1024;
/** The most annotations one import may hold. */
export const MAX_IMPORTED_ANNOTATIONS = 20_000;

const JsonText = z
  .string()
  .min(1, 'the file is empty')
  .max(MAX_ANNOTATIONS_JSON, `the file is larger than ${MAX_ANNOTATIONS_JSON / 1024 / 1024} MB`);

/** What the file's free-text tags become: tags, or entities (found by name, else created). */
export const TAG_MODES = ['tags', 'entities'] as const;
export type TagMode = (typeof TAG_MODES)[number];

export const PreviewAnnotationsInput = z.strictObject({ json: JsonText });

export const ImportAnnotationsInput = z.strictObject({
  json: JsonText,
  /** The document chosen for each address no document here has (or to override a match). */
  documents: z
    .array(z.strictObject({ url: z.string().min(1).max(4096), documentId: Id }))
    .max(1000)
    .default([]),
  tags: z.enum(TAG_MODES).default('tags'),
});

export type AnnotationsFormat = 'hypothesis' | 'w3c';

export interface AnnotationTargetSummary {
  /** The address the annotations point at, as written in the file. */
  url: string;
  /** The page's title, when the file gives one. */
  title?: string;
  count: number;
  /** The document here with the same address, if any. */
  documentId?: string;
  documentTitle?: string;
}

export interface AnnotationsPreview {
  format: AnnotationsFormat;
  total: number;
  targets: AnnotationTargetSummary[];
  /** Free-text tags in the file (what the tag mode applies to). */
  tags: string[];
  /** Entity tags (from a workbench export or semantic tags): these always become entities. */
  entities: string[];
}

export const IMPORT_STATUSES = ['anchored', 'fuzzy', 'orphaned', 'duplicate'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportedAnnotation {
  /** 1-based place of the annotation in the file. */
  index: number;
  /** Its id in the file, when it has one. */
  sourceId?: string;
  url: string;
  /** The quote it carried (cut to 200 characters), or '' if none. */
  quote: string;
  status: ImportStatus;
  documentId?: string;
  /** The highlight created, or (duplicate) the one already there. */
  annotationId?: string;
  confidence?: number;
  /** Why it was not created (orphaned) or what it duplicates. */
  reason?: string;
}

export interface AnnotationsReport {
  format: AnnotationsFormat;
  items: ImportedAnnotation[];
  counts: Record<ImportStatus, number>;
  /** Entities made for tags no entity here had. */
  entitiesCreated: string[];
}

export type MismatchKind = 'quote' | 'text-hash' | 'damaged';

export interface VerifyMismatch {
  kind: MismatchKind;
  /** The file it was found in, relative to the workspace (e.g. `documents/doc_x.json`). */
  file: string;
  documentId?: string;
  documentTitle?: string;
  annotationId?: string;
  /** What was expected and what was found, in words. */
  reason: string;
}

export interface VerifyReport {
  documents: number;
  highlights: number;
  /** Highlights whose quote is the text at their offsets. */
  confirmed: number;
  /** Fuzzy or orphaned highlights: flagged for review already, so not mismatches. */
  unconfirmed: number;
  /** Documents stored before text hashes were recorded: their text could not be checked. */
  unhashed: number;
  mismatches: VerifyMismatch[];
}
