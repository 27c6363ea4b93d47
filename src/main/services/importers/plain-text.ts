// Plain text files to documents: decode strictly as UTF-8, normalise, split into blocks.
import { createHash } from 'node:crypto';
import { plainTextToBlocks } from '../../../shared/blocks';
import type { Block, Document, SourceMeta } from '../../../shared/model';
import { normaliseText } from '../../../shared/text';

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

export function importPlainText(bytes: Uint8Array, fileName: string): ImportedContent {
  const raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const { text, blocks } = plainTextToBlocks(normaliseText(raw));
  if (!text.trim()) throw new Error(`${fileName}: the file has no readable text`);
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : undefined);
  return {
    title: firstLine.trim().slice(0, 200) || fileName,
    text,
    blocks,
    marks: [],
    source: { fileName },
    format: 'text',
    contentHash: sha256(bytes),
  };
}
