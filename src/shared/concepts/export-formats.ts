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

/** "md|csv|json|w3c": the names the command line shows. */
export const EXPORT_FORMAT_WORDS = EXPORT_FORMATS.map(
  (f) => (f.aliases as readonly string[])[0] ?? f.id,
).join('|');
