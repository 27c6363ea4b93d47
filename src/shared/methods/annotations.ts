// annotations.*: highlights (made, edited, deleted, confirmed or moved after a text
// change), the lookups across documents, and annotations brought in from other tools.
import { z } from 'zod';
import { ANNOTATION_KINDS, AnnotationKind, Id, PageRegion, Tag, type Annotation } from '../model';
import { byId, method, namespace } from './define';

export interface EntityPassage {
  annotation: Annotation;
  documentTitle: string;
}

const Range = {
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
};
const startBeforeEnd = (v: { start: number; end: number }): boolean => v.start < v.end;
const START_BEFORE_END = { message: 'start must be before end', path: ['end'] };

const AnnotationFields = z.strictObject({
  kind: AnnotationKind,
  entityIds: z.array(Id).max(200),
  tags: z.array(Tag).max(100),
  note: z.string().max(100_000),
});

export const CreateAnnotationInput = z
  .strictObject({
    documentId: Id,
    ...Range,
    kind: AnnotationKind.default(ANNOTATION_KINDS[0]),
    entityIds: AnnotationFields.shape.entityIds.default([]),
    tags: AnnotationFields.shape.tags.default([]),
    note: AnnotationFields.shape.note.default(''),
  })
  .refine(startBeforeEnd, START_BEFORE_END);

/** An area of a page highlighted (a table, a photo, a signature): a region, not words. */
export const CreateRegionInput = z.strictObject({
  documentId: Id,
  region: PageRegion,
  kind: AnnotationKind.default(ANNOTATION_KINDS[0]),
  entityIds: AnnotationFields.shape.entityIds.default([]),
  tags: AnnotationFields.shape.tags.default([]),
  note: AnnotationFields.shape.note.default(''),
});

export const UpdateAnnotationInput = z.strictObject({
  id: Id,
  patch: AnnotationFields.partial(),
});

export const ReattachInput = z
  .strictObject({ id: Id, ...Range })
  .refine(startBeforeEnd, START_BEFORE_END);

/**
 * How much placing imported annotations may take, so that no file can hold the workbench:
 * a quote longer than `fuzzyQuote` characters is placed only where it appears exactly
 * (approximate matching costs grow with the square of a quote's length); one annotation
 * may take `perAnnotationMs` and the whole import `importMs`; what is left when a budget
 * runs out is kept as an orphaned highlight, to place by hand, and reported.
 */
export const ANNOTATION_IMPORT_LIMITS = {
  fuzzyQuote: 2_000,
  perAnnotationMs: 1_000,
  importMs: 20_000,
} as const;

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

/** Names one import while it runs, so its progress can be asked for and it can be cancelled. */
export const ImportJobId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'an import id is 8 to 64 letters, digits, "_" or "-"');

export const ImportAnnotationsInput = z.strictObject({
  json: JsonText,
  jobId: ImportJobId.optional(),
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

/**
 * How each annotation of a file fared: placed exactly or approximately (anchored, fuzzy),
 * kept although its quote is not in the document (orphaned, for review), already here
 * (duplicate), kept as an orphaned highlight because placing it ran over its budget
 * (over-budget, see ANNOTATION_IMPORT_LIMITS), or not imported at all because it has no
 * document or no quote here (skipped).
 */
export const IMPORT_STATUSES = [
  'anchored',
  'fuzzy',
  'orphaned',
  'duplicate',
  'over-budget',
  'skipped',
] as const;
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
  /** Why it was not placed (orphaned), not created (skipped), or what it duplicates. */
  reason?: string;
}

export interface AnnotationsReport {
  format: AnnotationsFormat;
  items: ImportedAnnotation[];
  counts: Record<ImportStatus, number>;
  /** Entities made for tags no entity here had. */
  entitiesCreated: string[];
}

/**
 * Where an import is: reading the file, placing its annotations, saving them, or 'none'
 * when no import with that id is running (not begun, finished or cancelled).
 */
export interface ImportProgress {
  phase: 'none' | 'reading' | 'placing' | 'saving';
  /** Annotations placed so far, of `total` to place (placing). */
  placed: number;
  total: number;
}

export const annotationsMethods = namespace('annotations', {
  'annotations.create': method<Annotation>()(CreateAnnotationInput),
  'annotations.createRegion': method<Annotation>()(CreateRegionInput),
  'annotations.update': method<Annotation>()(UpdateAnnotationInput),
  'annotations.delete': method<{ id: string }>()(byId),
  'annotations.byEntity': method<EntityPassage[]>()(z.strictObject({ entityId: Id })),
  /** Every highlight carrying a free-text tag, across all documents. */
  'annotations.byTag': method<EntityPassage[]>()(z.strictObject({ tag: Tag })),
  /** The highlights with these ids, in that order; ids of highlights not found are left out. */
  'annotations.byIds': method<EntityPassage[]>()(z.strictObject({ ids: z.array(Id).max(1000) })),
  /** Confirms a fuzzy highlight where it was found: its quote becomes the text there. */
  'annotations.accept': method<Annotation>()(byId),
  /** Moves a fuzzy or orphaned highlight to a new selection in the current text. */
  'annotations.reattach': method<Annotation>()(ReattachInput),
  /** Reads an annotations file (Hypothesis or W3C): the documents its addresses match, its tags. */
  'annotations.importPreview': method<AnnotationsPreview>()(PreviewAnnotationsInput),
  /** Imports an annotations file as one undoable command, reporting on every annotation. */
  'annotations.import': method<AnnotationsReport>()(ImportAnnotationsInput),
  /** How far the import with this id has come. */
  'annotations.importStatus': method<ImportProgress>()(z.strictObject({ jobId: ImportJobId })),
  /** Stops the import with this id before it saves anything; false when it is past that. */
  'annotations.importCancel': method<{ cancelled: boolean }>()(
    z.strictObject({ jobId: ImportJobId }),
  ),
});
