// Word documents (.docx) to documents: mammoth turns the document's styles into plain
// semantic HTML (headings, lists, emphasis, links, tables, images as data: addresses,
// footnotes and endnotes with their references), which then goes through the same
// sanitiser and block builder as a web page, so a Word file can carry nothing a web page
// could not. Readability is skipped: the whole document is the content. What mammoth does
// not read (comments and where they are, the file's properties, what it leaves out) comes
// from the file's XML (./docx-parts.ts); comments become highlights with their notes.
import { COMMENT_HIGHLIGHT, COMMENT_HIGHLIGHTS, tally } from '../../shared/import-report';
import type { SourceMeta } from '../../shared/model';
import { readDocxParts, type DocxParts } from './docx-parts';
import { htmlToContent } from './html';
import { checkDocx } from './docx-check';
import { ImportError } from './import-error';
import { sha256 } from '../hash';
import { takeMarkers, unmarked } from './markers';
import type { ImportedComment, ImportedContent } from './plain-text';

function readParts(bytes: Uint8Array, fileName: string): DocxParts {
  try {
    return readDocxParts(bytes);
  } catch {
    throw new ImportError(fileName, 'it is not a readable Word document (.docx)');
  }
}

export async function importDocx(bytes: Uint8Array, fileName: string): Promise<ImportedContent> {
  const contentHash = sha256(bytes);
  // Parts that inflate too far or nest too deep are refused before anything reads them.
  checkDocx(bytes, fileName);
  const parts = readParts(bytes, fileName);
  // Loaded on first use, like pdf.js: only a workbench that imports Word files pays for it.
  const { default: mammoth } = await import('mammoth');
  const html = await mammoth
    .convertToHtml({ buffer: Buffer.from(parts.marked) })
    .then((result) => result.value)
    .catch(() => {
      throw new ImportError(fileName, 'it is not a readable Word document (.docx)');
    });
  const content = htmlToContent(`<!doctype html><body>${html}</body>`, fileName, {
    extractArticle: false,
  });
  const { text, blocks, marks, starts, ends } = takeMarkers(
    content.text,
    content.blocks,
    content.marks,
  );
  if (!text.trim()) throw new ImportError(fileName, 'it contains no readable text');
  const report = content.report;
  report.dropped.push(...parts.dropped);
  const comments: ImportedComment[] = [];
  for (const c of parts.comments) {
    const start = starts.get(c.id);
    const end = ends.get(c.id);
    if (start === undefined || end === undefined || end < start) {
      tally(
        report.dropped,
        'comment whose place in the text was not found',
        1,
        'comments whose place in the text was not found',
      );
      continue;
    }
    comments.push({
      start,
      end,
      text: c.text,
      ...(c.author ? { author: c.author } : {}),
      ...(c.date ? { date: c.date } : {}),
    });
  }
  tally(report.kept, COMMENT_HIGHLIGHT, comments.length, COMMENT_HIGHLIGHTS);
  const heading = blocks.find((b) => b.kind === 'heading');
  const title = heading ? text.slice(heading.start, heading.end) : undefined;
  const source: SourceMeta = { ...content.source };
  if (parts.creator) source.author = parts.creator;
  if (parts.created) source.fileCreated = parts.created;
  if (parts.modified) source.fileModified = parts.modified;
  if (parts.language) source.language = parts.language;
  if (parts.direction) source.direction = parts.direction;
  return {
    ...content,
    text,
    blocks,
    marks,
    source,
    title: unmarked(title ?? fileName.replace(/\.docx$/i, '')).slice(0, 500),
    format: 'docx',
    contentHash,
    comments,
    report,
  };
}
