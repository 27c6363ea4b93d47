// What each export format renders: a function from a snapshot (and the user's options) to
// a file's text, or its bytes for a zip. The formats themselves (names, extensions, media
// types) are src/shared/concepts/export-formats.ts. Formats that need a heavy library
// (citation-js, the XML writer) load it on first use.
import { exportCsv } from './csv';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  type ExportOptions,
  type KeptCopy,
  type Snapshot,
} from './snapshot';
import { exportW3c } from './w3c';

import type { ExportFormat } from '../../shared/concepts/export-formats';

export function exportJson(snapshot: Snapshot, kept?: readonly KeptCopy[]): string {
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: snapshot.exportedAt,
    entities: snapshot.entities,
    notes: snapshot.notes,
    documents: snapshot.documents,
    // Omitted when they were never used, so a backup of such a workspace is as before.
    ...(snapshot.codebookChanged ? { codebook: snapshot.codebook } : {}),
    ...(snapshot.links.length ? { links: snapshot.links } : {}),
    ...(kept ? { kept: [...kept] } : {}),
  };
  return `${JSON.stringify(backup, null, 2)}\n`;
}

export type Exporter = (s: Snapshot, o: ExportOptions) => Promise<string | Uint8Array>;

export const EXPORTERS: Record<ExportFormat, Exporter> = {
  markdown: async (s, o) => (await import('./markdown')).exportMarkdown(s, o),
  csv: (s) => Promise.resolve(exportCsv(s)),
  json: (s, o) => Promise.resolve(exportJson(s, o.kept)),
  w3c: (s) => Promise.resolve(exportW3c(s)),
  bibtex: async (s) => (await import('./bibliography')).exportBibtex(s),
  ris: async (s) => (await import('./bibliography')).exportRis(s),
  'csl-json': async (s) => (await import('./bibliography')).exportCslJson(s),
  qdpx: async (s) => (await import('./qdpx/qdpx')).exportQdpx(s),
  qdc: async (s) => (await import('./qdpx/qdpx')).exportQdc(s),
};
