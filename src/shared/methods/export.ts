// export.*: the workspace as a file in one of the export formats, an entity's dossier as
// a brief, and the timeline of events.
import { z } from 'zod';
import { CITATION_LOCALE_IDS, CITATION_STYLE_IDS } from '../concepts/citation-styles';
import { EXPORT_FORMAT_IDS } from '../concepts/export-formats';
import { Id, Tag } from '../model';
import { byId, method, namespace } from './define';

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  /** The file's text, or (with `encoding: 'base64'`) its bytes as base64. */
  content: string;
  /** Set for a binary file (a .qdpx zip): `content` is base64, to decode before saving. */
  encoding?: 'base64';
}

export const EVENT_EXPORT_FORMATS = ['csv', 'json'] as const;
export const ExportEventsInput = z.strictObject({ format: z.enum(EVENT_EXPORT_FORMATS) });

export const ExportInput = z.strictObject({
  format: z.enum(EXPORT_FORMAT_IDS),
  /** The citation style and locale of the research notes (the style's own locale if none). */
  style: z.enum(CITATION_STYLE_IDS).optional(),
  locale: z.enum(CITATION_LOCALE_IDS).optional(),
  /** Only highlights carrying this code, or a code filed under it. */
  code: Tag.optional(),
  /** Only these documents (a selection); a bibliography lists just these sources. */
  documentIds: z.array(Id).min(1).max(100_000).optional(),
  /** The backup only: carry the original files and figure images inside it. */
  includeOriginals: z.boolean().optional(),
});

/** A bibliography of some sources, formatted in one of the styles the app ships. */
export const BibliographyInput = z.strictObject({
  documentIds: z.array(Id).min(1).max(10_000),
  style: z.enum(CITATION_STYLE_IDS).optional(),
  locale: z.enum(CITATION_LOCALE_IDS).optional(),
});

export interface FormattedBibliography {
  /** One entry per source, in the style's order, as plain text to paste. */
  entries: string[];
}

export const exportMethods = namespace('export', {
  'export.create': method<ExportedFile>()(ExportInput),
  'export.dossier': method<ExportedFile>()(byId),
  'export.events': method<ExportedFile>()(ExportEventsInput),
  'export.bibliography': method<FormattedBibliography>()(BibliographyInput),
});
