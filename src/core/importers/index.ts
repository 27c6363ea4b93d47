// Importing a file: detect its format from the name and the bytes, decode, extract and
// normalise to {text, blocks, marks, metadata}. Either a whole document comes back or an
// ImportError naming the file and the reason; nothing partial.
import { extname } from 'node:path';
import {
  IMPORT_EXTENSIONS_LABEL,
  importKindOf,
  INTERCHANGE_KINDS,
  type DocumentKind,
} from '../../shared/concepts/import-formats';
import { cleanLabel } from '../../shared/bidi';
import { normaliseText } from '../../shared/text';
import { ImportError } from './import-error';
import { count, MAX_DOCUMENT_CHARS } from './limits';
import { sha256 } from '../hash';
import { textToContent, type ImportedContent } from './plain-text';
import { IMPORTERS } from './registry';

export function detectFormat(fileName: string, bytes: Uint8Array): DocumentKind {
  const kind = importKindOf(fileName);
  if (kind && kind !== 'text' && !(INTERCHANGE_KINDS as readonly string[]).includes(kind))
    return kind as DocumentKind;
  if (kind === 'text') {
    const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
    return head.startsWith('<!doctype html') || head.startsWith('<html') ? 'html' : 'text';
  }
  throw new ImportError(
    fileName,
    `files of type "${extname(fileName).toLowerCase()}" are not supported (use ${IMPORT_EXTENSIONS_LABEL})`,
  );
}

/**
 * What a file says about itself (title, author, publisher) as names are stored: without
 * direction overrides or control characters (src/shared/bidi.ts).
 */
function asStored(content: ImportedContent, fileName: string): ImportedContent {
  const { author, publisher } = content.source;
  return {
    ...content,
    title: cleanLabel(content.title).trim() || fileName,
    source: {
      ...content.source,
      ...(author !== undefined ? { author: cleanLabel(author) } : {}),
      ...(publisher !== undefined ? { publisher: cleanLabel(publisher) } : {}),
    },
  };
}

/** The file's document, by the importer of the kind it is (see ./registry.ts). */
export async function importBytes(bytes: Uint8Array, fileName: string): Promise<ImportedContent> {
  const content = await IMPORTERS[detectFormat(fileName, bytes)](bytes, fileName);
  if (content.text.length > MAX_DOCUMENT_CHARS)
    throw new ImportError(
      fileName,
      `its text is ${count(content.text.length)} characters long; one document may hold at most ${count(MAX_DOCUMENT_CHARS)}`,
    );
  return asStored(content, fileName);
}

/** Pasted text: Markdown-aware when it looks like Markdown, else plain paragraphs. */
export function importPastedText(text: string, title: string | undefined): ImportedContent {
  const bytes = new TextEncoder().encode(text);
  const name = title?.trim() || 'Pasted text';
  const content = textToContent(normaliseText(text), name, sha256(bytes));
  return asStored({ ...content, title: title?.trim() || content.title, source: {} }, name);
}
