// What an importer makes of a file (ImportedContent), and plain text (already decoded and
// normalised) split into paragraphs as a document's content.
import { plainTextToBlocks } from '../../shared/blocks';
import type { Block, Document, SourceMeta } from '../../shared/model';
import { ImportError } from './import-error';

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
