// The API method table: the single source of truth for every method's name, input schema
// and output type. IPC handlers, the preload bridge, the HTTP host and the renderer's
// clients are all derived from it, so adding a method is one entry plus its handler.
import { z } from 'zod';
import { Id, Tag, type Annotation, type Document, type Entity, type Note } from './model';
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from './formats';
import { SearchInput, type SearchResult } from './search';
import {
  AcceptAllMentionsInput,
  AcceptMentionsInput,
  AdoptCandidateInput,
  CandidatesInput,
  ConnectionsInput,
  CooccurrenceInput,
  ExportEventsInput,
  FindAllMentionsInput,
  FindMentionsInput,
  MergeInput,
  MergePreviewInput,
  SplitInput,
  type AcceptedAllMentions,
  type AcceptedMentions,
  type AllMentions,
  type Candidate,
  type Cooccurrence,
  type DateSuggestion,
  type Dossier,
  type MergePreview,
  type Mention,
  type TimelineEvent,
} from './research';
import {
  CreateAnnotationInput,
  CreateEntityInput,
  CreateNoteInput,
  EditTextInput,
  UpdateAnnotationInput,
  UpdateEntityInput,
  UpdateNoteInput,
} from './record-inputs';
import { ReattachInput, SourcePatch, UpdateMetadataInput } from './source-inputs';
import {
  ImportAnnotationsInput,
  PreviewAnnotationsInput,
  type AnnotationsPreview,
  type AnnotationsReport,
  type VerifyReport,
} from './interchange';

export { ReattachInput, SourcePatch, UpdateMetadataInput };

const Empty = z.strictObject({});

export const EXPORT_FORMATS = ['markdown', 'csv', 'json', 'w3c'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

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

export const PasteInput = z.strictObject({
  title: z.string().trim().max(500).optional(),
  source: SourcePatch.optional(),
  text: z.string().min(1, 'there is no text to add').max(5_000_000),
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

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  content: string;
}

export interface FileProblem {
  /** The file, relative to the workspace folder (e.g. `documents/doc_x.json`). */
  file: string;
  /** The record inside it, when the problem is one record (e.g. `annotations[3] (ann_x)`). */
  record?: string;
  reason: string;
  /** What `workspace.repair` would do about it. */
  repair: string;
}
/** Another process that holds the workspace for writing. */
export interface LockHolder {
  pid: number;
  host: string;
  hostname: string;
  since: string;
}
export interface WorkspaceInfo {
  path: string;
  schemaVersion: number;
  /** True when nothing may be written: workspace.json is damaged or another process holds the lock. */
  readOnly: boolean;
  /** Why it is read-only, in words for the user. */
  readOnlyReason?: string;
  lockedBy?: LockHolder;
  problems: FileProblem[];
}
export interface RepairReport {
  /** One line per change, naming the file and record. */
  changes: string[];
  /** Problems repair could not fix (the files were left as they are). */
  remaining: FileProblem[];
}
export interface HistoryInfo {
  canUndo: boolean;
  canRedo: boolean;
  /** What undo would undo, e.g. "Delete highlight". */
  undoLabel?: string;
  redoLabel?: string;
}
export interface DocumentListItem {
  id: string;
  title: string;
  createdAt: string;
  annotationCount: number;
  /** Set when the document's file could not be read; the document is then read-only. */
  problem?: string;
}
export interface DocumentView {
  document: Document;
  /** Annotations with positions re-anchored against the current text. */
  annotations: Annotation[];
  readOnly: boolean;
}
export type EntityWithUsage = Entity & { usage: number };
/** A free-text tag and how many highlights carry it. */
export interface TagCount {
  tag: string;
  count: number;
}
export interface EntityPassage {
  annotation: Annotation;
  documentTitle: string;
}

interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom field: carries the output type, never set at run time. */
  output?: O;
}
const method =
  <O>() =>
  <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input });
const byId = z.strictObject({ id: Id });

export const api = {
  'workspace.info': method<WorkspaceInfo>()(Empty),
  'documents.list': method<DocumentListItem[]>()(Empty),
  'documents.get': method<DocumentView>()(byId),
  'documents.delete': method<{ id: string; highlights: number }>()(
    // As with entities: the caller confirms how many highlights go with the document.
    z.strictObject({ id: Id, confirmHighlights: z.number().int().nonnegative() }),
  ),
  'annotations.create': method<Annotation>()(CreateAnnotationInput),
  'annotations.update': method<Annotation>()(UpdateAnnotationInput),
  'annotations.delete': method<{ id: string }>()(byId),
  'annotations.byEntity': method<EntityPassage[]>()(z.strictObject({ entityId: Id })),
  /** Every highlight carrying a free-text tag, across all documents. */
  'annotations.byTag': method<EntityPassage[]>()(z.strictObject({ tag: Tag })),
  /** The highlights with these ids, in that order; ids of highlights not found are left out. */
  'annotations.byIds': method<EntityPassage[]>()(z.strictObject({ ids: z.array(Id).max(1000) })),
  'tags.list': method<TagCount[]>()(Empty),
  'entities.list': method<EntityWithUsage[]>()(Empty),
  'entities.create': method<Entity>()(CreateEntityInput),
  'entities.update': method<Entity>()(UpdateEntityInput),
  'entities.delete': method<{ id: string; untagged: number }>()(
    // The caller states how many highlights it was told use the entity: a delete
    // that would untag more than the user agreed to is refused, never silent.
    z.strictObject({ id: Id, confirmUsage: z.number().int().nonnegative() }),
  ),
  'entities.mergePreview': method<MergePreview>()(MergePreviewInput),
  'entities.merge': method<Entity>()(MergeInput),
  'entities.split': method<{ entity: Entity; moved: number }>()(SplitInput),
  'entities.dossier': method<Dossier>()(byId),
  'mentions.find': method<Mention[]>()(FindMentionsInput),
  'mentions.accept': method<AcceptedMentions>()(AcceptMentionsInput),
  'mentions.findAll': method<AllMentions>()(FindAllMentionsInput),
  'mentions.acceptAll': method<AcceptedAllMentions>()(AcceptAllMentionsInput),
  'mentions.candidates': method<Candidate[]>()(CandidatesInput),
  'mentions.adopt': method<{ entity: Entity } & AcceptedMentions>()(AdoptCandidateInput),
  'analysis.cooccurrence': method<Cooccurrence>()(CooccurrenceInput),
  'analysis.connections': method<EntityPassage[]>()(ConnectionsInput),
  'events.timeline': method<TimelineEvent[]>()(Empty),
  'events.suggestDates': method<DateSuggestion[]>()(byId),
  'export.dossier': method<ExportedFile>()(byId),
  'export.events': method<ExportedFile>()(ExportEventsInput),
  'search.query': method<SearchResult>()(SearchInput),
  /** How far building the search index has come; searches wait until it is complete. */
  'search.status': method<{ indexed: number; total: number; complete: boolean }>()(Empty),
  /** A file as base64 in JSON (up to 20 MB): kept for scripts that speak JSON only. */
  'documents.import': method<ImportOutcome>()(ImportFileInput),
  /** A file as bytes; the browser host takes these as a raw upload (see http-host.ts). */
  'documents.importBytes': method<ImportOutcome>()(ImportBytesInput),
  'documents.paste': method<ImportOutcome>()(PasteInput),
  'export.create': method<ExportedFile>()(z.strictObject({ format: z.enum(EXPORT_FORMATS) })),
  'notes.list': method<Note[]>()(Empty),
  'notes.create': method<Note>()(CreateNoteInput),
  'notes.update': method<Note>()(UpdateNoteInput),
  'notes.delete': method<{ id: string }>()(byId),
  'documents.editText': method<DocumentView>()(EditTextInput),
  'documents.updateMetadata': method<Document>()(UpdateMetadataInput),
  /** Confirms a fuzzy highlight where it was found: its quote becomes the text there. */
  'annotations.accept': method<Annotation>()(byId),
  /** Moves a fuzzy or orphaned highlight to a new selection in the current text. */
  'annotations.reattach': method<Annotation>()(ReattachInput),
  'workspace.repair': method<RepairReport>()(Empty),
  /** Reads an annotations file (Hypothesis or W3C): the documents its addresses match, its tags. */
  'annotations.importPreview': method<AnnotationsPreview>()(PreviewAnnotationsInput),
  /** Imports an annotations file as one undoable command, reporting on every annotation. */
  'annotations.import': method<AnnotationsReport>()(ImportAnnotationsInput),
  /** Checks every quote against its document's text and every text against its SHA-256. */
  'workspace.verify': method<VerifyReport>()(Empty),
  'history.info': method<HistoryInfo>()(Empty),
  'history.undo': method<HistoryInfo & { done: string }>()(Empty),
  'history.redo': method<HistoryInfo & { done: string }>()(Empty),
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
export const METHOD_NAMES = Object.keys(api) as MethodName[];
export const isMethodName = (name: string): name is MethodName => Object.hasOwn(api, name);

/** What a caller passes (defaults optional). */
export type Input<M extends MethodName> = z.input<Api[M]['input']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type Output<M extends MethodName> = NonNullable<Api[M]['output']>;

/** The whole API as a caller sees it: one async function per method. */
export type WorkbenchApi = { [M in MethodName]: (input: Input<M>) => Promise<Output<M>> };
/** The whole API as the core implements it. */
export type WorkbenchHandlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<Output<M>>;
};

export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'READ_ONLY',
  'IN_USE',
  'CONFLICT',
  'WRITE_FAILED',
  'UNKNOWN_METHOD',
  'FORBIDDEN',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The envelope every IPC and HTTP call answers with: errors are values, not throws. */
export type Envelope<T> =
  { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

export type ChangeTopic =
  'workspace' | 'documents' | 'annotations' | 'entities' | 'notes' | 'history';
/**
 * Sent after a change is on disk: the topic and the ids of the records that changed
 * (annotation ids for 'annotations', with the documents they belong to).
 */
export interface WorkbenchEvent {
  type: 'changed';
  topic: ChangeTopic;
  ids: string[];
  documentIds?: string[];
}

/** What the preload exposes as `window.workbench`. */
export type WorkbenchBridge = {
  [M in MethodName]: (input: unknown) => Promise<Envelope<Output<M>>>;
} & { onEvent(listener: (event: WorkbenchEvent) => void): () => void };

export const IPC_PREFIX = 'workbench:';
export const IPC_EVENT_CHANNEL = 'workbench:event';
