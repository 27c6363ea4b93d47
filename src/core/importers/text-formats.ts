// The plain text formats: text and Markdown, each decoded strictly, normalised and split
// into blocks (web pages are in ./html.ts, which loads jsdom: a host that imports only
// text never pays for it). A file with no readable text is refused.
import { normaliseText } from '../../shared/text';
import { decodeText } from './decode';
import { noReadableText } from './import-error';
import { markdownToBlocks } from './markdown';
import { sha256 } from '../hash';
import { textToContent, type ImportedContent } from './plain-text';

export function importText(bytes: Uint8Array, fileName: string): ImportedContent {
  const raw = normaliseText(decodeText(bytes, fileName, false));
  return textToContent(raw, fileName, sha256(bytes));
}

export function importMarkdown(bytes: Uint8Array, fileName: string): ImportedContent {
  const raw = normaliseText(decodeText(bytes, fileName, false));
  const { text, blocks, marks, title, report } = markdownToBlocks(raw);
  if (!text.trim()) noReadableText(fileName);
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
