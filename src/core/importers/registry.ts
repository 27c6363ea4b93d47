// One parser per kind of document in src/shared/concepts/import-formats.ts, each loaded on
// first use (`await import()`), so a host that never imports a PDF never loads pdf.js, and
// one that imports nothing loads no parser at all. Adding an importer is one row in that
// table, one entry here, and its module.
import type { DocumentKind } from '../../shared/concepts/import-formats';
import type { ImportedContent } from './plain-text';

export type Importer = (bytes: Uint8Array, fileName: string) => Promise<ImportedContent>;

export const IMPORTERS: Record<DocumentKind, Importer> = {
  text: async (bytes, fileName) => (await import('./text-formats')).importText(bytes, fileName),
  markdown: async (bytes, fileName) =>
    (await import('./text-formats')).importMarkdown(bytes, fileName),
  html: async (bytes, fileName) => (await import('./html')).importHtml(bytes, fileName),
  pdf: async (bytes, fileName) => (await import('./pdf')).importPdf(bytes, fileName),
  docx: async (bytes, fileName) => (await import('./docx')).importDocx(bytes, fileName),
};
