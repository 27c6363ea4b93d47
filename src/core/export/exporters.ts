// What each export format renders: a pure function from a snapshot to a file's text. The
// formats themselves (names, extensions, media types) are src/shared/concepts/export-formats.ts.
import { exportCsv } from './csv';
import { exportMarkdown } from './markdown';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type Snapshot } from './snapshot';
import { exportW3c } from './w3c';

import type { ExportFormat } from '../../shared/concepts/export-formats';

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

export const EXPORTERS: Record<ExportFormat, (s: Snapshot) => string> = {
  markdown: exportMarkdown,
  csv: exportCsv,
  json: exportJson,
  w3c: exportW3c,
};
