// export.*: the workspace as a file in one of the export formats, an entity's dossier as
// a brief, and the timeline of events.
import { z } from 'zod';
import { EXPORT_FORMAT_IDS } from '../concepts/export-formats';
import { byId, method, namespace } from './define';

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  content: string;
}

export const EVENT_EXPORT_FORMATS = ['csv', 'json'] as const;
export const ExportEventsInput = z.strictObject({ format: z.enum(EVENT_EXPORT_FORMATS) });

export const ExportInput = z.strictObject({ format: z.enum(EXPORT_FORMAT_IDS) });

export const exportMethods = namespace('export', {
  'export.create': method<ExportedFile>()(ExportInput),
  'export.dossier': method<ExportedFile>()(byId),
  'export.events': method<ExportedFile>()(ExportEventsInput),
});
