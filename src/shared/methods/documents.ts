// documents.*: the library of sources: listing, reading, importing files and pasted text,
// correcting a source's details, editing its text (a new revision), deleting to trash.
import { z } from 'zod';
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from '../concepts/import-formats';
import { Id, Label, Sha256Hex, type Annotation, type Document, type OriginalFile } from '../model';
import type { PageRendering } from '../page-tree';
import { Empty } from './workspace';
import { byId, method, namespace } from './define';

/**
 * `documents.import` carries a file as base64 inside JSON, a third larger and decoded in
 * one piece: it keeps its old 20 MB limit. Larger files travel as bytes (importBytes).
 */
const MAX_BASE64_IMPORT_BYTES = 20 * 1024 * 1024;
const MAX_IMPORT_BASE64 = Math.ceil(MAX_BASE64_IMPORT_BYTES / 3) * 4 + 4;

/**
 * What to do when an imported file looks like a newer version of a document already here
 * (same URL, file name or title): ask (the default: nothing is stored, the match is
 * returned), update that document (`targetId`), or add it as a new document.
 */
export const ON_MATCH = ['ask', 'update', 'new'] as const;

const ImportFileName = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine((n) => !/[\\/\0]/.test(n), 'a file name, not a path');

const matchRule = <T extends { onMatch: string; targetId?: string }>(v: T): boolean =>
  (v.onMatch === 'update') === (v.targetId !== undefined);
const MATCH_RULE = {
  message: 'name the document to update (targetId) exactly when onMatch is "update"',
  path: ['targetId'],
};

export const ImportFileInput = z
  .strictObject({
    onMatch: z.enum(ON_MATCH).default('ask'),
    targetId: Id.optional(),
    fileName: ImportFileName,
    dataBase64: z
      .string()
      .max(MAX_IMPORT_BASE64, 'the file is larger than 20 MB (send it as bytes instead)')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the file data must be base64'),
  })
  .refine(matchRule, MATCH_RULE);

/**
 * What travels with a file's bytes: the browser host reads it from the upload address's
 * query before the body, the desktop app with the bytes themselves.
 */
export const ImportBytesMeta = z.strictObject({
  onMatch: z.enum(ON_MATCH).default('ask'),
  targetId: Id.optional(),
  fileName: ImportFileName,
});

/** A file as bytes (structured clone over IPC, the raw request body over HTTP). */
export const ImportBytesInput = ImportBytesMeta.extend({
  data: z
    .custom<Uint8Array>(
      (d) => d instanceof Uint8Array,
      'the file data must be bytes (a Uint8Array)',
    )
    .refine((d) => d.byteLength > 0, 'the file is empty')
    .refine((d) => d.byteLength <= MAX_IMPORT_BYTES, `the file is larger than ${MAX_IMPORT_LABEL}`),
}).refine(matchRule, MATCH_RULE);

/** A web address a researcher can open: http(s) only, so a source link runs nothing. */
const WebAddress = z
  .string()
  .trim()
  .max(2048)
  .refine((u) => u === '' || isWebAddress(u), 'a web address starting with http:// or https://');

function isWebAddress(u: string): boolean {
  if (!/^https?:\/\//i.test(u)) return false;
  try {
    return new URL(u).hostname.length > 0;
  } catch {
    return false;
  }
}
/** Where a source came from, as the user corrects it; an empty string clears a field. */
export const SourcePatch = z.strictObject({
  author: Label.trim().max(500).optional(),
  publisher: Label.trim().max(500).optional(),
  url: WebAddress.optional(),
  doi: z.string().trim().max(300).optional(),
  publishedDate: z.string().trim().max(100).optional(),
  accessedDate: z.string().trim().max(100).optional(),
});
export type SourcePatch = z.infer<typeof SourcePatch>;

export const PasteInput = z.strictObject({
  title: Label.trim().max(500).optional(),
  source: SourcePatch.optional(),
  text: z.string().min(1, 'there is no text to add').max(5_000_000),
});

export const UpdateMetadataInput = z.strictObject({
  id: Id,
  patch: z.strictObject({
    title: Label.trim().min(1, 'a title cannot be empty').max(500).optional(),
    source: SourcePatch.optional(),
  }),
});

export const EditTextInput = z.strictObject({
  id: Id,
  /** The revision the edit was made against: an edit of an older revision is refused. */
  revision: z.number().int().positive(),
  text: z.string().min(1, 'a document cannot be empty').max(50_000_000),
});

export type MatchReason = 'url' | 'file name' | 'title';

/** One kind of thing an import kept or left out, and how many: "2 comments". */
export interface ReportLine {
  count: number;
  /** Singular: "table", "embedded video". */
  what: string;
  /** Its plural when it is not `what` + "s". */
  whats?: string;
}
/**
 * What an import kept beyond plain text and what it left out: nothing an importer drops is
 * dropped silently.
 */
export interface ImportReport {
  kept: ReportLine[];
  dropped: ReportLine[];
}

export type ImportOutcome =
  | {
      fileName: string;
      kind: 'document';
      documentId: string;
      title: string;
      report?: ImportReport;
    }
  /** The same bytes are already here (same SHA-256): nothing was stored. */
  | { fileName: string; kind: 'duplicate'; documentId: string; title: string }
  /** Looks like a newer version of this document: nothing was stored; ask the user. */
  | { fileName: string; kind: 'match'; documentId: string; title: string; reason: MatchReason }
  /** The document got the file's text as a new revision; `review` highlights need a look. */
  | {
      fileName: string;
      kind: 'updated';
      documentId: string;
      title: string;
      revision: number;
      review: number;
      report?: ImportReport;
    }
  | {
      fileName: string;
      kind: 'backup';
      documents: number;
      entities: number;
      highlights: number;
      /** Kept files (originals, figure images) put back from it, new or already here. */
      originals?: number;
      /**
       * Kept files its documents name that neither it nor this workspace holds (so their
       * documents cannot show or re-check their original); absent when there are none.
       */
      missingOriginals?: number;
    }
  /** A bibliography: nothing stored; `documents.importReferences` imports it as chosen. */
  | { fileName: string; kind: 'references'; report: ReferencesReport }
  /** A REFI-QDA project or codebook brought in as one undoable step. */
  | { fileName: string; kind: 'project'; report: ProjectReport };

/** What a bibliography import does with its entries. */
export const REFERENCE_MODES = ['preview', 'fill', 'add'] as const;
export type ReferenceMode = (typeof REFERENCE_MODES)[number];

export const ImportReferencesInput = z.strictObject({
  fileName: ImportFileName,
  /** The file's text (BibTeX, RIS or CSL-JSON). */
  text: z
    .string()
    .min(1, 'the file is empty')
    .max(20 * 1024 * 1024, 'the file is larger than 20 MB'),
  /**
   * `preview` stores nothing; `fill` fills in the missing details of the documents each
   * entry matches (by DOI, then address); `add` also adds the entries that match none as
   * sources without text.
   */
  mode: z.enum(REFERENCE_MODES).default('preview'),
});

export type ReferenceAction = 'filled' | 'unchanged' | 'added' | 'unmatched';

export interface ReferenceOutcome {
  /** 1-based place of the entry in the file. */
  index: number;
  title: string;
  action: ReferenceAction;
  /** The document it matched or was added as. */
  documentId?: string;
  documentTitle?: string;
  /** How it matched: by DOI, address, or (for a source added before) title. */
  matchedBy?: 'doi' | 'url' | 'title';
  /** Details filled in (or, in a preview, that would be). */
  filled: string[];
  /** Details the document has that the file gives differently (kept as they are). */
  differs: string[];
}

export interface ReferencesReport {
  format: 'bibtex' | 'ris' | 'csl-json';
  mode: ReferenceMode;
  items: ReferenceOutcome[];
  counts: Record<ReferenceAction, number>;
}

/** What a REFI-QDA project or codebook import brought in, and what it could not map. */
export interface ProjectReport {
  kind: 'project' | 'codebook';
  /** Where it came from (the file's `origin`), when it says. */
  origin?: string;
  documents: number;
  highlights: number;
  codes: number;
  kinds: number;
  entities: number;
  notes: number;
  links: number;
  /** Sources already here (the same text): not added again. */
  alreadyHere: number;
  /** Everything the file holds that has no place here, one line each. */
  unmapped: string[];
}

export interface DocumentListItem {
  id: string;
  title: string;
  createdAt: string;
  annotationCount: number;
  /** Its language and direction, for every list and panel that shows its words. */
  language?: string;
  direction?: 'ltr' | 'rtl' | 'auto';
  /** Set when the document's file could not be read; the document is then read-only. */
  problem?: string;
}
export interface DocumentView {
  document: Document;
  /** Annotations with positions re-anchored against the current text. */
  annotations: Annotation[];
  readOnly: boolean;
}

/** The file a document was imported from, as kept in originals/, checked against its hash. */
export interface OriginalView {
  original: OriginalFile;
  bytes: Uint8Array;
}

export const MediaInput = z.strictObject({ id: Id, sha256: Sha256Hex });

export const documentsMethods = namespace('documents', {
  'documents.list': method<DocumentListItem[]>()(Empty),
  'documents.get': method<DocumentView>()(byId),
  'documents.delete': method<{ id: string; highlights: number }>()(
    // As with entities: the caller confirms how many highlights go with the document.
    z.strictObject({ id: Id, confirmHighlights: z.number().int().nonnegative() }),
  ),
  /** A file as base64 in JSON (up to 20 MB): kept for scripts that speak JSON only. */
  'documents.import': method<ImportOutcome>()(ImportFileInput),
  /** A file as bytes; the browser host takes these as a raw upload (see http-host.ts). */
  'documents.importBytes': method<ImportOutcome>()(ImportBytesInput),
  'documents.paste': method<ImportOutcome>()(PasteInput),
  'documents.editText': method<DocumentView>()(EditTextInput),
  'documents.updateMetadata': method<Document>()(UpdateMetadataInput),
  /** Reads a bibliography; fills in matching documents' details or adds sources, as chosen. */
  'documents.importReferences': method<ReferencesReport>()(ImportReferencesInput),
  /** The imported file, byte for byte (refused if its bytes no longer match its hash). */
  'documents.original': method<OriginalView>()(byId),
  /** A saved web page as a tree of plain elements, for a script-free look at the original. */
  'documents.originalPage': method<PageRendering>()(byId),
  /** One of the document's figures' images, as a data: address. */
  'documents.media': method<{ dataUrl: string }>()(MediaInput),
});
