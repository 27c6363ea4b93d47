// The workspace's export formats, defined once: the API's schema, the command line's
// `--format` names, the app's menu, the export buttons and the command palette all read
// this table; each exporter in src/core/export keeps only its function.
export const EXPORT_FORMATS = [
  {
    id: 'markdown',
    /** What the export buttons say. */
    label: 'Research notes (Markdown)',
    paletteLabel: 'Export research notes (Markdown)',
    /** What the command palette says (paletteLabel, above) and the desktop app's Export menu. */
    menuLabel: 'Research Notes (Markdown)…',
    /** Other names the command line takes for `--format` (the first is the one it shows). */
    aliases: ['md'],
    extension: 'md',
    mediaType: 'text/markdown; charset=utf-8',
  },
  {
    id: 'csv',
    label: 'Spreadsheet (CSV)',
    paletteLabel: 'Export spreadsheet (CSV)',
    menuLabel: 'Spreadsheet (CSV)…',
    aliases: [],
    extension: 'csv',
    mediaType: 'text/csv; charset=utf-8',
  },
  {
    id: 'json',
    label: 'Workspace backup (JSON)',
    paletteLabel: 'Export workspace backup (JSON)',
    menuLabel: 'Workspace Backup (JSON)…',
    aliases: [],
    extension: 'json',
    mediaType: 'application/json',
  },
  {
    id: 'w3c',
    label: 'W3C Web Annotations (JSON-LD)',
    paletteLabel: 'Export W3C Web Annotations (JSON-LD)',
    menuLabel: 'W3C Web Annotations (JSON-LD)…',
    aliases: [],
    extension: 'jsonld',
    mediaType: 'application/ld+json',
  },
  {
    id: 'bibtex',
    label: 'Bibliography (BibTeX)',
    paletteLabel: 'Export bibliography (BibTeX)',
    menuLabel: 'Bibliography (BibTeX)…',
    aliases: ['bib', 'biblatex'],
    extension: 'bib',
    mediaType: 'application/x-bibtex; charset=utf-8',
  },
  {
    id: 'ris',
    label: 'Bibliography (RIS)',
    paletteLabel: 'Export bibliography (RIS)',
    menuLabel: 'Bibliography (RIS)…',
    aliases: [],
    extension: 'ris',
    mediaType: 'application/x-research-info-systems; charset=utf-8',
  },
  {
    id: 'csl-json',
    label: 'Bibliography (CSL-JSON)',
    paletteLabel: 'Export bibliography (CSL-JSON)',
    menuLabel: 'Bibliography (CSL-JSON)…',
    aliases: ['csl'],
    extension: 'json',
    mediaType: 'application/vnd.citationstyles.csl+json',
  },
  {
    id: 'qdpx',
    label: 'REFI-QDA project (.qdpx)',
    paletteLabel: 'Export REFI-QDA project (NVivo, ATLAS.ti, MAXQDA, QualCoder)',
    menuLabel: 'REFI-QDA Project (.qdpx)…',
    aliases: ['refi'],
    extension: 'qdpx',
    mediaType: 'application/zip',
  },
  {
    id: 'qdc',
    label: 'Codebook (REFI-QDA .qdc)',
    paletteLabel: 'Export codebook (REFI-QDA .qdc)',
    menuLabel: 'Codebook (.qdc)…',
    aliases: ['codebook'],
    extension: 'qdc',
    mediaType: 'application/xml',
  },
] as const satisfies readonly {
  id: string;
  label: string;
  paletteLabel: string;
  menuLabel: string;
  aliases: readonly string[];
  extension: string;
  mediaType: string;
}[];

export type ExportFormat = (typeof EXPORT_FORMATS)[number]['id'];
export type ExportFormatSpec = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_IDS = EXPORT_FORMATS.map((f) => f.id) as [
  ExportFormat,
  ...ExportFormat[],
];

export function exportFormat(id: ExportFormat): ExportFormatSpec {
  return EXPORT_FORMATS.find((f) => f.id === id)!;
}

/** The format a command line's `--format` word names (its id or an alias), if any. */
export function exportFormatNamed(word: string): ExportFormat | undefined {
  const w = word.toLowerCase();
  return EXPORT_FORMATS.find((f) => f.id === w || (f.aliases as readonly string[]).includes(w))?.id;
}

/** Formats whose file is bytes (a zip), carried as base64 across the process boundary. */
export const BINARY_EXPORTS: readonly ExportFormat[] = ['qdpx'];

/** Formats that use the citation style and locale the user chose. */
export const STYLED_EXPORTS: readonly ExportFormat[] = ['markdown'];

/** "md|csv|json|w3c": the names the command line shows. */
export const EXPORT_FORMAT_WORDS = EXPORT_FORMATS.map(
  (f) => (f.aliases as readonly string[])[0] ?? f.id,
).join('|');

/** The workspace backup's name when the originals go in it: then it is a .zip, not JSON. */
export const BACKUP_WITH_ORIGINALS_LABEL = 'Workspace backup with originals (.zip)';

/**
 * The backup with originals where no window setting can be seen (the desktop app's menu)
 * or none should be hidden (the command palette): an item of its own beside the JSON
 * backup's, each saying what it writes, and the restore beside the import.
 */
export const BACKUP_WITH_ORIGINALS_ITEMS = {
  paletteLabel: 'Export workspace backup with originals (.zip)',
  menuLabel: 'Workspace Backup with Originals (.zip)…',
  restorePaletteLabel: 'Restore a backup with originals (.zip)…',
  restoreMenuLabel: 'Restore Backup with Originals (.zip)…',
} as const;

/** A format's label as the export menu shows it, naming truthfully what will be written. */
export function exportLabel(id: ExportFormat, includeOriginals: boolean): string {
  return id === 'json' && includeOriginals ? BACKUP_WITH_ORIGINALS_LABEL : exportFormat(id).label;
}
