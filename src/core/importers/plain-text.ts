// Plain text files to documents: decode strictly as UTF-8, normalise, split into blocks.
import { createHash } from 'node:crypto';
import { plainTextToBlocks } from '../../shared/blocks';
import type { Block, Document, SourceMeta } from '../../shared/model';
import { normaliseText } from '../../shared/text';
import { decodeText } from './decode';
import { ImportError } from './import-error';

export function sha256(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export interface ImportedContent {
  title: string;
  text: string;
  blocks: Block[];
  marks: Document['marks'];
  source: SourceMeta;
  format: Document['format'];
  contentHash: string;
}

/** Plain text (already decoded and normalised) to a document's content. */
export function textToContent(
  text: string,
  fileName: string,
  contentHash: string,
): ImportedContent {
  const { text: canonical, blocks } = plainTextToBlocks(text);
  if (!canonical.trim()) throw new ImportError(fileName, 'it contains no readable text');
  const firstLine = canonical.split('\n', 1)[0] ?? '';
  return {
    title: firstLine.trim().slice(0, 200) || fileName,
    text: canonical,
    blocks,
    marks: [],
    source: { fileName },
    format: 'text',
    contentHash,
  };
}

export function importPlainText(bytes: Uint8Array, fileName: string): ImportedContent {
  const raw = normaliseText(decodeText(bytes, fileName, false));
  return textToContent(raw, fileName, sha256(bytes));
}
