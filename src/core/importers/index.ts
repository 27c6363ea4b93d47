// Importing a file: detect its format from the name and the bytes, decode, extract and
// normalise to {text, blocks, marks, metadata}. Either a whole document comes back or an
// ImportError naming the file and the reason; nothing partial.
import { extname } from 'node:path';
import {
  IMPORT_EXTENSIONS_LABEL,
  importKindOf,
  type DocumentKind,
} from '../../shared/concepts/import-formats';
import { normaliseText } from '../../shared/text';
import { ImportError } from './import-error';
import { sha256 } from '../hash';
import { textToContent, type ImportedContent } from './plain-text';
import { IMPORTERS } from './registry';

export function detectFormat(fileName: string, bytes: Uint8Array): DocumentKind {
  const kind = importKindOf(fileName);
  if (kind && kind !== 'text' && kind !== 'backup') return kind;
  if (kind === 'text') {
    const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
    return head.startsWith('<!doctype html') || head.startsWith('<html') ? 'html' : 'text';
  }
  throw new ImportError(
    fileName,
    `files of type "${extname(fileName).toLowerCase()}" are not supported (use ${IMPORT_EXTENSIONS_LABEL})`,
  );
}

/** The file's document, by the importer of the kind it is (see ./registry.ts). */
export function importBytes(bytes: Uint8Array, fileName: string): Promise<ImportedContent> {
  try {
    return IMPORTERS[detectFormat(fileName, bytes)](bytes, fileName);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** Pasted text: Markdown-aware when it looks like Markdown, else plain paragraphs. */
export function importPastedText(text: string, title: string | undefined): ImportedContent {
  const bytes = new TextEncoder().encode(text);
  const name = title?.trim() || 'Pasted text';
  const content = textToContent(normaliseText(text), name, sha256(bytes));
  return { ...content, title: title?.trim() || content.title, source: {} };
}
