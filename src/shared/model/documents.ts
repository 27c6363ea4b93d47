// A document as the workbench keeps it: its text, the blocks and marks that structure it,
// where it came from (source metadata, the original file) and its text revision. Part of
// src/shared/model.ts.
import { z } from 'zod';
import { DOCUMENT_FORMATS } from '../concepts/import-formats';
import { Id, Label, RecordTimes, Sha256Hex } from './primitives';

export const BlockKind = z.enum([
  'heading',
  'paragraph',
  'list-item',
  'quote',
  /** A table: its text is the cells, a tab between cells and a line break between rows. */
  'table',
  /** An image kept with the document; its text is the caption (or, lacking one, the alt text). */
  'figure',
  /** A footnote or endnote, in the notes section at the end; `note` names it. */
  'note',
]);

/** One cell of a table row: a [start, end) range of the text (empty for an empty cell). */
export const TableCell = z.strictObject({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  header: z.boolean().optional(),
  colSpan: z.number().int().min(2).max(1000).optional(),
  rowSpan: z.number().int().min(2).max(65534).optional(),
});
export const TableRow = z.strictObject({ cells: z.array(TableCell).max(1000) });

/** The image types kept and shown: raster formats only (an SVG can carry script). */
export const IMAGE_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export const FigureImage = z.strictObject({
  /** The image's bytes are `<workspace>/media/<sha256>`. */
  sha256: Sha256Hex,
  mediaType: z.enum(IMAGE_MEDIA_TYPES),
  alt: z.string().max(2000).optional(),
});

/** A footnote's or endnote's name, unique in its document. */
export const NoteName = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a note name');

export const Block = z.strictObject({
  kind: BlockKind,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  level: z.number().int().min(1).max(6).optional(),
  /** The page it is printed on, for documents that have pages (PDF), so quotes cite it. */
  page: z.number().int().positive().optional(),
  /** A table's rows (kind `table`). */
  rows: z.array(TableRow).max(100_000).optional(),
  /** A figure's image (kind `figure`). */
  image: FigureImage.optional(),
  /** A note's name (kind `note`): the `note-ref` marks in the text point at it. */
  note: NoteName.optional(),
});

export const Mark = z.strictObject({
  /**
   * `note-ref` is a footnote's reference in the text (its `note` names the note block);
   * `isolate` is a run written in the other direction, shown isolated from its neighbours.
   */
  kind: z.enum(['emphasis', 'strong', 'link', 'note-ref', 'isolate']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  href: z.string().max(2048).optional(),
  note: NoteName.optional(),
  dir: z.enum(['ltr', 'rtl']).optional(),
});

export const SourceMeta = z.strictObject({
  author: Label.max(500).optional(),
  publisher: Label.max(500).optional(),
  url: z.string().max(2048).optional(),
  /** A Digital Object Identifier ("10.1234/abc"), from a bibliography or typed in. */
  doi: z.string().max(300).optional(),
  /** The journal, book or site it appeared in, when a bibliography says (CSL container-title). */
  containerTitle: z.string().max(500).optional(),
  /** What kind of work it is in CSL's words ("article-journal", "report"), from a bibliography. */
  citationType: z.string().max(40).optional(),
  publishedDate: z.string().max(100).optional(),
  accessedDate: z.string().max(100).optional(),
  language: z.string().max(35).optional(),
  direction: z.enum(['ltr', 'rtl', 'auto']).optional(),
  fileName: z.string().max(500).optional(),
  /** When the file says it was made and last changed (a PDF's dates): not publication dates. */
  fileCreated: z.string().max(100).optional(),
  fileModified: z.string().max(100).optional(),
  /** A date printed near the start of the text: a suggestion for `publishedDate`, unconfirmed. */
  suggestedPublishedDate: z.string().max(100).optional(),
});

/** The imported file itself, kept byte for byte in `<workspace>/originals/<sha256>`. */
export const OriginalFile = z.strictObject({
  sha256: Sha256Hex,
  fileName: z.string().min(1).max(500),
  mediaType: z.string().min(1).max(200),
  size: z.number().int().nonnegative(),
});

export const DocumentFormat = z.enum(DOCUMENT_FORMATS);

export const Document = z.strictObject({
  id: Id,
  title: Label.min(1).max(500),
  text: z.string(),
  blocks: z.array(Block),
  marks: z.array(Mark),
  source: SourceMeta,
  format: DocumentFormat,
  /** SHA-256 of the file's bytes as imported: names the source a third party can fetch. */
  contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  /** The imported file, kept (documents imported before originals were kept have none). */
  original: OriginalFile.optional(),
  /**
   * SHA-256 of `text` (UTF-8) at this revision, recorded whenever the text is set, so a
   * changed text file is caught by `workspace.verify`. Absent on documents stored before.
   */
  textHash: z
    .string()
    .regex(/^sha256:[0-9a-f]{64}$/)
    .optional(),
  /** Goes up by one each time the text changes; highlights record which one they fit. */
  revision: z.number().int().positive(),
  ...RecordTimes,
});

export type Block = z.infer<typeof Block>;
export type TableRow = z.infer<typeof TableRow>;
export type TableCell = z.infer<typeof TableCell>;
export type FigureImage = z.infer<typeof FigureImage>;
export type ImageMediaType = (typeof IMAGE_MEDIA_TYPES)[number];
export type OriginalFile = z.infer<typeof OriginalFile>;
export type Mark = z.infer<typeof Mark>;
export type SourceMeta = z.infer<typeof SourceMeta>;
export type Document = z.infer<typeof Document>;
