// documents.*: the library of sources: listing, reading, importing files and pasted text,
// correcting a source's details, editing its text (a new revision), deleting to trash.
import { z } from 'zod';
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from '../concepts/import-formats';
import { Id, type Annotation, type Document } from '../model';
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
  author: z.string().trim().max(500).optional(),
  publisher: z.string().trim().max(500).optional(),
  url: WebAddress.optional(),
  publishedDate: z.string().trim().max(100).optional(),
  accessedDate: z.string().trim().max(100).optional(),
});
export type SourcePatch = z.infer<typeof SourcePatch>;

export const PasteInput = z.strictObject({
  title: z.string().trim().max(500).optional(),
  source: SourcePatch.optional(),
  text: z.string().min(1, 'there is no text to add').max(5_000_000),
});

export const UpdateMetadataInput = z.strictObject({
  id: Id,
  patch: z.strictObject({
    title: z.string().trim().min(1, 'a title cannot be empty').max(500).optional(),
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
export type ImportOutcome =
  | { fileName: string; kind: 'document'; documentId: string; title: string }
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
    }
  | { fileName: string; kind: 'backup'; documents: number; entities: number; highlights: number };

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
});
