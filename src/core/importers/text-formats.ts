// The text formats: plain text, Markdown and web pages, each decoded strictly, normalised
// and split into blocks. A file with no readable text is refused.
import { normaliseText } from '../../shared/text';
import { decodeText } from './decode';
import { htmlToContent } from './html';
import { ImportError } from './import-error';
import { markdownToBlocks } from './markdown';
import { sha256 } from '../hash';
import { textToContent, type ImportedContent } from './plain-text';

const nothing = (fileName: string): never => {
  throw new ImportError(fileName, 'it contains no readable text');
};

export function importText(bytes: Uint8Array, fileName: string): ImportedContent {
  const raw = normaliseText(decodeText(bytes, fileName, false));
  return textToContent(raw, fileName, sha256(bytes));
}

export function importMarkdown(bytes: Uint8Array, fileName: string): ImportedContent {
  const raw = normaliseText(decodeText(bytes, fileName, false));
  const { text, blocks, marks, title, report } = markdownToBlocks(raw);
  if (!text.trim()) nothing(fileName);
  return {
    title: (title ?? fileName).slice(0, 500),
    text,
    blocks,
    marks,
    source: { fileName },
    format: 'markdown',
    contentHash: sha256(bytes),
    report,
  };
}

export function importHtml(bytes: Uint8Array, fileName: string): ImportedContent {
  const raw = normaliseText(decodeText(bytes, fileName, true));
  const html = htmlToContent(raw, fileName);
  if (!html.text.trim() || html.blocks.every((b) => b.kind === 'heading')) nothing(fileName);
  return { ...html, format: 'html', contentHash: sha256(bytes) };
}
