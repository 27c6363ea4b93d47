// The export formats, each a pure function from a snapshot to a file's text.
import { exportCsv } from './csv';
import { exportMarkdown } from './markdown';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type Snapshot } from './snapshot';
import { exportW3c } from './w3c';

import type { ExportFormat } from '../../shared/api';

export function exportJson(snapshot: Snapshot): string {
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: snapshot.exportedAt,
    entities: snapshot.entities,
    notes: snapshot.notes,
    documents: snapshot.documents,
  };
  return `${JSON.stringify(backup, null, 2)}\n`;
}

export const EXPORTERS: Record<
  ExportFormat,
  { extension: string; mimeType: string; render: (s: Snapshot) => string }
> = {
  markdown: { extension: 'md', mimeType: 'text/markdown; charset=utf-8', render: exportMarkdown },
  csv: { extension: 'csv', mimeType: 'text/csv; charset=utf-8', render: exportCsv },
  json: { extension: 'json', mimeType: 'application/json', render: exportJson },
  w3c: { extension: 'jsonld', mimeType: 'application/ld+json', render: exportW3c },
};
