// What an importer makes of a file (ImportedContent), and plain text (already decoded and
// normalised) split into paragraphs as a document's content.
import { plainTextToBlocks } from '../../shared/blocks';
import type { ImportReport } from '../../shared/methods/documents';
import type { Block, Document, ImageMediaType, OriginalFile, SourceMeta } from '../../shared/model';
import { ImportError } from './import-error';

/** An image taken out of an imported file, to be kept in media/ under its SHA-256. */
export interface ImportedMedia {
  sha256: string;
  mediaType: ImageMediaType;
  bytes: Uint8Array;
}

/** A comment on a passage (a Word file's), stored as a highlight with a note. */
export interface ImportedComment {
  start: number;
  end: number;
  author?: string;
  date?: string;
  text: string;
}

export interface ImportedContent {
  title: string;
  text: string;
  blocks: Block[];
  marks: Document['marks'];
  source: SourceMeta;
  format: Document['format'];
  contentHash: string;
  /** The file itself, once kept in originals/ (set by the core before storing). */
  original?: OriginalFile;
  media?: ImportedMedia[];
  comments?: ImportedComment[];
  /** What the importer kept beyond plain text and what it left out. */
  report?: ImportReport;
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
