// Highlights (W3C Web Annotation compatible): what a highlight covers (text selectors or
// an area of a page), its kind, its anchoring status, and its tags and entities. Part of
// src/shared/model.ts.
import { z } from 'zod';
import { HIGHLIGHT_KIND_IDS } from '../concepts/highlight-kinds';
import { Id, RecordTimes, Tag } from './primitives';

export const TextPositionSelector = z.strictObject({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export const TextQuoteSelector = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  /** Empty only for an area highlight, which covers a region of a page, not words. */
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
});

/** An area of a PDF page (a table, a photo, a signature), in PDF units from the top left. */
export const PageRegion = z
  .strictObject({
    page: z.number().int().positive(),
    x: z.number().finite().nonnegative(),
    y: z.number().finite().nonnegative(),
    w: z.number().finite().positive(),
    h: z.number().finite().positive(),
  })
  .refine((r) => r.x + r.w <= 20_000 && r.y + r.h <= 20_000, 'the region is off the page');

/**
 * What a highlight covers: words of the text (position and quote), or an area of a page
 * (`region`), whose position is the start of that page's text and whose quote is empty.
 */
export const AnnotationTarget = z
  .strictObject({
    position: TextPositionSelector,
    quote: TextQuoteSelector,
    region: PageRegion.optional(),
  })
  .refine((t) => t.region !== undefined || t.quote.exact.length > 0, {
    message: 'a highlight of the text needs a quote',
    path: ['quote', 'exact'],
  });

/**
 * A highlight's kind: the id of one of the codebook's kinds. The four built-in kinds
 * (src/shared/concepts/highlight-kinds.ts) are the default codebook; a user-defined kind
 * has an id of the same shape, so the schema takes any id and the command that sets a
 * kind checks that the codebook has it.
 */
export const ANNOTATION_KINDS = HIGHLIGHT_KIND_IDS;
export const AnnotationKind = Id;
export const AnchorStatus = z.enum(['anchored', 'moved', 'fuzzy', 'orphaned']);

export const Annotation = z.strictObject({
  id: Id,
  documentId: Id,
  target: AnnotationTarget,
  entityIds: z.array(Id).max(200),
  tags: z.array(Tag).max(100),
  kind: AnnotationKind,
  note: z.string().max(100_000),
  /** How the highlight fits the text at `anchoredRevision` (the stored position). */
  status: AnchorStatus,
  anchoredRevision: z.number().int().positive(),
  /** For a fuzzy match: how close the text found is to the quote, 0 to 1. */
  confidence: z.number().min(0).max(1).optional(),
  ...RecordTimes,
});

export type PageRegion = z.infer<typeof PageRegion>;
export type AnnotationKind = z.infer<typeof AnnotationKind>;
export type AnchorStatus = z.infer<typeof AnchorStatus>;
export type Annotation = z.infer<typeof Annotation>;
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;
