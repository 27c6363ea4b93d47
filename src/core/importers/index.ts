// Importing a file: detect its format from the name and the bytes, decode, extract and
// normalise to {text, blocks, marks, metadata}. Either a whole document comes back or an
// ImportError naming the file and the reason; nothing partial.
import { extname } from 'node:path';
import { IMPORT_EXTENSIONS_LABEL, importKindOf } from '../../shared/formats';
import { normaliseText } from '../../shared/text';
import { decodeText } from './decode';
import { importDocx } from './docx';
import { htmlToContent } from './html';
import { ImportError } from './import-error';
import { markdownToBlocks } from './markdown';
import { importPdf } from './pdf';
import { sha256, textToContent, type ImportedContent } from './plain-text';

export type ImportFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  const kind = importKindOf(fileName);
  if (kind === 'markdown' || kind === 'html' || kind === 'pdf' || kind === 'docx') return kind;
  if (kind === 'text') {
    const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
    return head.startsWith('<!doctype html') || head.startsWith('<html') ? 'html' : 'text';
  }
  throw new ImportError(
    fileName,
    `files of type "${extname(fileName).toLowerCase()}" are not supported (use ${IMPORT_EXTENSIONS_LABEL})`,
  );
}

/** Async because PDF and Word files are parsed by libraries that are. */
export async function importBytes(bytes: Uint8Array, fileName: string): Promise<ImportedContent> {
  const format = detectFormat(fileName, bytes);
  if (format === 'pdf') return importPdf(bytes, fileName, sha256(bytes));
  if (format === 'docx') return importDocx(bytes, fileName, sha256(bytes));
  const raw = normaliseText(decodeText(bytes, fileName, format === 'html'));
  const contentHash = sha256(bytes);
  const nothing = (): never => {
    throw new ImportError(fileName, 'it contains no readable text');
  };
  if (format === 'text') return textToContent(raw, fileName, contentHash);
  if (format === 'markdown') {
    const { text, blocks, marks, title } = markdownToBlocks(raw);
    if (!text.trim()) nothing();
    return {
      title: (title ?? fileName).slice(0, 500),
      text,
      blocks,
      marks,
      source: { fileName },
      format,
      contentHash,
    };
  }
  const html = htmlToContent(raw, fileName);
  if (!html.text.trim() || html.blocks.every((b) => b.kind === 'heading')) nothing();
  return { ...html, format, contentHash };
}

/** Pasted text: Markdown-aware when it looks like Markdown, else plain paragraphs. */
export function importPastedText(text: string, title: string | undefined): ImportedContent {
  const bytes = new TextEncoder().encode(text);
  const name = title?.trim() || 'Pasted text';
  const content = textToContent(normaliseText(text), name, sha256(bytes));
  return { ...content, title: title?.trim() || content.title, source: {} };
}
