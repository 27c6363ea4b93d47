// The data model (W3C Web Annotation compatible) as zod schemas: the one definition used
// to validate files loaded from disk, payloads crossing IPC/HTTP, and to type the code.
import { z } from 'zod';
import { cleanLabel } from './bidi';
import { HIGHLIGHT_KIND_IDS } from './concepts/highlight-kinds';
import { DOCUMENT_FORMATS } from './concepts/import-formats';

/**
 * Version 3: a document's text and its highlights live in two files, so saving a highlight
 * never rewrites the text.
 * Version 2: workspace.json no longer lists documents (the documents/ folder does), each
 * document carries a text revision and each highlight the revision it was last anchored
 * against. Records are strict: a field this version does not know is reported, never
 * silently dropped at the next write.
 */
export const SCHEMA_VERSION = 3;

/**
 * Names every JavaScript object already answers to ("__proto__", "constructor",
 * "hasOwnProperty", ...). An id equal to one of them, used as a key of a plain object
 * anywhere (in our code or a library's: cytoscape keys its traversals so), finds the
 * prototype's member instead of a record; ids that enter the workbench cannot be these.
 */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/**
 * The same rule as `Id`, without zod: for checking hundreds of thousands of ids at once
 * (the archive's manifest), where zod's per-value cost adds up to a visible pause.
 */
export const isId = (value: unknown): value is string =>
  typeof value === 'string' &&
  value.length >= 1 &&
  value.length <= 64 &&
  ID_PATTERN.test(value) &&
  !PROTOTYPE_NAMES.has(value);

export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(ID_PATTERN, 'ids are letters, digits, "_" or "-"')
  .refine((id) => !PROTOTYPE_NAMES.has(id), {
    message: 'an id cannot be a name every JavaScript object has (such as "constructor")',
  });
export const Timestamp = z.iso.datetime();
/**
 * A name, tag or title as it enters: direction overrides and control characters stripped
 * (bidi.ts says why), so two names that display alike are alike.
 */
export const Label = z.string().overwrite(cleanLabel);
/** A highlight's free-text tag: any words, trimmed. */
export const Tag = Label.trim().min(1, 'a tag cannot be empty').max(100);

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

/** A SHA-256 as 64 lower-case hex digits: the name of a content-addressed file. */
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');

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
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

/** Entity types are extensible; these are the ones the UI offers first. */
export const ENTITY_TYPES = ['person', 'organization', 'place', 'event', 'other'] as const;
export const EntityType = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N} _-]+$/u, 'a type is a word such as person or place');

/** An entity's name or one of its aliases. */
export const EntityName = Label.trim().min(1, 'a name cannot be empty').max(300);
export const Aliases = z.array(EntityName).max(100);
export const Description = z.string().max(20_000);
/** An identifier elsewhere, such as a Wikidata QID. */
export const ExternalId = z.string().trim().max(200);

/** How precisely an event's date is known; the date string has exactly that many parts. */
export const DATE_PRECISIONS = ['year', 'month', 'day'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
const DATE_SHAPES: Record<DatePrecision, RegExp> = {
  year: /^\d{4}$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  day: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
};

/**
 * An event's date or range, written as ISO dates cut to the precision ("1988",
 * "1988-07", "1988-07-19"), so that a plain string sort orders a timeline and a year
 * is never shown as the first of January.
 */
export const EventDate = z
  .strictObject({
    start: z.string().max(10),
    end: z.string().max(10).optional(),
    precision: z.enum(DATE_PRECISIONS),
  })
  .refine((d) => DATE_SHAPES[d.precision].test(d.start), {
    message: 'the date does not match its precision (YYYY, YYYY-MM or YYYY-MM-DD)',
    path: ['start'],
  })
  .refine((d) => d.end === undefined || DATE_SHAPES[d.precision].test(d.end), {
    message: 'the end date does not match its precision',
    path: ['end'],
  })
  .refine((d) => d.end === undefined || d.end >= d.start, {
    message: 'the range ends before it starts',
    path: ['end'],
  });

/** Someone or something taking part in an event, and how (official, victim, witness…). */
export const Participant = z.strictObject({
  entityId: Id,
  role: z.string().trim().min(1).max(60),
});

export const Entity = z.strictObject({
  id: Id,
  name: EntityName,
  type: EntityType,
  aliases: Aliases,
  description: Description,
  externalId: ExternalId.optional(),
  /** Event fields (optional, so older files need no migration). */
  date: EventDate.optional(),
  placeId: Id.optional(),
  participants: z.array(Participant).max(200).optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

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
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const Note = z.strictObject({
  id: Id,
  title: Label.max(500),
  body: z.string().max(200_000),
  entityIds: z.array(Id),
  documentIds: z.array(Id),
  annotationIds: z.array(Id),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

/** A colour as REFI-QDA and CSS both read it: `#RRGGBB`, nothing else (it is written into CSS). */
export const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #RRGGBB');

/** A kind of highlight the user can choose in the reader: a name and a colour. */
export const HighlightKindDef = z.strictObject({
  id: Id,
  label: z.string().trim().min(1, 'a kind needs a name').max(60),
  colour: Colour,
});

/** A code: a tag with a place in the codebook's hierarchy (tags on highlights name codes). */
export const Code = z.strictObject({
  id: Id,
  name: Tag,
  /** The code it is filed under; absent at the top level. */
  parentId: Id.optional(),
  colour: Colour.optional(),
  description: z.string().max(20_000).optional(),
  /** The REFI-QDA GUID it came with from another tool, kept so a round trip matches up. */
  guid: z.string().max(40).optional(),
});

/** What a link between two highlights says about them ("corroborates", "contradicts"…). */
export const LinkRelation = z.strictObject({
  id: Id,
  label: z.string().trim().min(1, 'a relation needs a name').max(60),
});

/**
 * The user's highlight kinds, codes and link relations, kept in workspace.json. Absent in
 * a workspace that never changed it: the default codebook (the four built-in kinds, no
 * codes, the four default relations) stands in.
 */
export const Codebook = z.strictObject({
  kinds: z.array(HighlightKindDef).min(1).max(60),
  codes: z.array(Code).max(10_000),
  relations: z.array(LinkRelation).min(1).max(60),
});

/** A typed link from one highlight to another, possibly in another document. */
export const HighlightLink = z.strictObject({
  id: Id,
  from: Id,
  to: Id,
  relation: Id,
  note: z.string().max(2_000).optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

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

export type Block = z.infer<typeof Block>;
export type TableRow = z.infer<typeof TableRow>;
export type TableCell = z.infer<typeof TableCell>;
export type FigureImage = z.infer<typeof FigureImage>;
export type ImageMediaType = (typeof IMAGE_MEDIA_TYPES)[number];
export type OriginalFile = z.infer<typeof OriginalFile>;
export type PageRegion = z.infer<typeof PageRegion>;
export type Mark = z.infer<typeof Mark>;
export type SourceMeta = z.infer<typeof SourceMeta>;
export type Document = z.infer<typeof Document>;
export type Entity = z.infer<typeof Entity>;
export type EventDate = z.infer<typeof EventDate>;
export type Participant = z.infer<typeof Participant>;
export type AnnotationKind = z.infer<typeof AnnotationKind>;
export type AnchorStatus = z.infer<typeof AnchorStatus>;
export type Annotation = z.infer<typeof Annotation>;
export type Note = z.infer<typeof Note>;
export type HighlightKindDef = z.infer<typeof HighlightKindDef>;
export type Code = z.infer<typeof Code>;
export type LinkRelation = z.infer<typeof LinkRelation>;
export type Codebook = z.infer<typeof Codebook>;
export type HighlightLink = z.infer<typeof HighlightLink>;
export type WorkspaceFile = z.infer<typeof WorkspaceFile>;
export type DocumentFile = z.infer<typeof DocumentFile>;
export type DocumentRecordFile = z.infer<typeof DocumentRecordFile>;
export type HighlightsFile = z.infer<typeof HighlightsFile>;
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;
