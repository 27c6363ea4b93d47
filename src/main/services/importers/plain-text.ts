// Plain text to a document: blank lines separate paragraphs, bulleted or numbered lines
// become list items, and a short first line that reads like a title becomes the heading.
import { createHash } from 'node:crypto';
import type { Block, Document, SourceMeta } from '../../../shared/model';
import { normaliseText } from '../../../shared/text';

const BULLET = /^\s*(?:[•·▪◦‣●○■□\-*–]|\d{1,3}[.)])[\s\u00A0]+/;

interface DraftBlock {
  kind: Block['kind'];
  text: string;
  level?: number;
}

function looksLikeTitle(line: string): boolean {
  return line.length > 0 && line.length <= 200 && !/[.!?:;,]$/.test(line);
}

function draftBlocks(text: string): DraftBlock[] {
  const drafts: DraftBlock[] = [];
  const groups = text.split(/\n[ \t\u00A0]*\n/);
  for (const group of groups) {
    let paragraph: string[] = [];
    const flush = (): void => {
      const body = paragraph.join('\n').trim();
      if (body) drafts.push({ kind: 'paragraph', text: body });
      paragraph = [];
    };
    for (const line of group.split('\n')) {
      if (BULLET.test(line)) {
        flush();
        const item = line.replace(BULLET, '').trim();
        if (item) drafts.push({ kind: 'list-item', text: item });
      } else {
        paragraph.push(line.trimEnd());
      }
    }
    flush();
  }
  const first = drafts[0];
  if (first?.kind === 'paragraph' && !first.text.includes('\n') && looksLikeTitle(first.text)) {
    drafts[0] = { kind: 'heading', text: first.text, level: 1 };
  }
  return drafts;
}

/** Joins blocks into canonical text: a blank line between blocks, one break inside a list. */
export function assembleBlocks(drafts: DraftBlock[]): { text: string; blocks: Block[] } {
  let text = '';
  const blocks: Block[] = [];
  drafts.forEach((draft, i) => {
    if (i > 0) {
      const previous = drafts[i - 1];
      text += previous?.kind === 'list-item' && draft.kind === 'list-item' ? '\n' : '\n\n';
    }
    const start = text.length;
    text += draft.text;
    blocks.push({
      kind: draft.kind,
      start,
      end: text.length,
      ...(draft.level ? { level: draft.level } : {}),
    });
  });
  return { text, blocks };
}

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
  const { text, blocks } = assembleBlocks(draftBlocks(normaliseText(raw)));
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
