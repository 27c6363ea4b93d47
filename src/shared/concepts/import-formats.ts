// The files the workbench imports, defined once: the core's importer registry has one
// parser per document kind of this table (src/core/importers/registry.ts), the file dialogs
// offer its extensions, the API and the importer share its size limit, the command line's
// help is written from it, and a document records the kind it was imported from.

/**
 * What a file is imported as. `backup` restores a workspace; `bibliography` (BibTeX, RIS;
 * a CSL-JSON file is told from a backup by its content) fills in sources' details or adds
 * sources without text, as the user chooses; `qdpx` brings in a REFI-QDA project (sources,
 * codes, coded selections, notes) and `qdc` a REFI-QDA codebook; the others make a document.
 */
export const IMPORT_KINDS = [
  'text',
  'markdown',
  'html',
  'pdf',
  'docx',
  'backup',
  'bibliography',
  'qdpx',
  'qdc',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
/** The kinds that do not make one document from the file, each with its own import path. */
export const INTERCHANGE_KINDS = ['backup', 'bibliography', 'qdpx', 'qdc'] as const;
/** The kinds that make a document (everything but a backup and the interchange formats). */
export type DocumentKind = Exclude<ImportKind, (typeof INTERCHANGE_KINDS)[number]>;

export const IMPORT_FORMATS: readonly {
  kind: ImportKind;
  label: string;
  extensions: readonly string[];
  /** The media type a kept original of this kind is served and described as. */
  mediaType: string;
}[] = [
  { kind: 'text', label: 'plain text', extensions: ['.txt', '.text'], mediaType: 'text/plain' },
  {
    kind: 'markdown',
    label: 'Markdown',
    extensions: ['.md', '.markdown', '.mdown'],
    mediaType: 'text/markdown',
  },
  {
    kind: 'html',
    label: 'web page',
    extensions: ['.html', '.htm', '.xhtml', '.shtml'],
    mediaType: 'text/html',
  },
  { kind: 'pdf', label: 'PDF', extensions: ['.pdf'], mediaType: 'application/pdf' },
  {
    kind: 'docx',
    label: 'Word document',
    extensions: ['.docx'],
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  {
    kind: 'backup',
    label: 'workbench backup or CSL-JSON bibliography',
    extensions: ['.json'],
    mediaType: 'application/json',
  },
  {
    kind: 'bibliography',
    label: 'bibliography (BibTeX, RIS)',
    extensions: ['.bib', '.ris'],
    mediaType: 'text/plain',
  },
  { kind: 'qdpx', label: 'REFI-QDA project', extensions: ['.qdpx'], mediaType: 'application/zip' },
  { kind: 'qdc', label: 'REFI-QDA codebook', extensions: ['.qdc'], mediaType: 'application/xml' },
];

/** The media type of a file of this import kind. */
export const importMediaType = (kind: ImportKind): string =>
  IMPORT_FORMATS.find((f) => f.kind === kind)!.mediaType;

/**
 * The formats a stored document may name: the document kinds, and 'json' for documents
 * that came in through a JSON backup made before formats were recorded this way.
 */
export const DOCUMENT_FORMATS = [
  'text',
  'markdown',
  'html',
  'pdf',
  'docx',
  'json',
  /** A source added from a bibliography entry: its details, no text. */
  'reference',
  /** A text source brought in from a REFI-QDA project. */
  'qdpx',
] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** What a document's text came from, as a media type (the W3C export's `format`). */
export function documentMediaType(format: DocumentFormat): string {
  if (format === 'json' || format === 'reference' || format === 'qdpx') return 'text/plain';
  return importMediaType(format);
}

/** Every importable extension, as a file input's `accept` list. */
// A backup with originals (.zip) is offered too: the host restores it from a file, never
// through documents.importBytes (src/shared/backup-archive.ts).
export const IMPORT_ACCEPT = [...IMPORT_FORMATS.flatMap((f) => f.extensions), '.zip'].join(',');

/** The largest file accepted for import: room for a 500-page report with its images. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
export const MAX_IMPORT_LABEL = `${MAX_IMPORT_BYTES / 1024 / 1024} MB`;

/** The kind a file name says it is; '' (no extension) counts as text. */
export function importKindOf(fileName: string): ImportKind | undefined {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot).toLowerCase() : '';
  if (ext === '') return 'text';
  return IMPORT_FORMATS.find((f) => f.extensions.includes(ext))?.kind;
}

/** ".txt, .md, .html, .pdf, .docx or .json", for messages. */
export const IMPORT_EXTENSIONS_LABEL = ((): string => {
  const first = IMPORT_FORMATS.map((f) => f.extensions[0]!);
  return `${first.slice(0, -1).join(', ')} or ${first.at(-1)!}`;
})();
