// Word documents (.docx) to documents: mammoth turns the document's styles into plain
// semantic HTML (headings, lists, emphasis, links), which then goes through the same
// sanitiser and block builder as a web page, so a Word file can carry nothing a web
// page could not. Readability is skipped: the whole document is the content.
import { htmlToContent } from './html';
import { ImportError } from './import-error';
import { sha256 } from '../hash';
import { type ImportedContent } from './plain-text';

export async function importDocx(bytes: Uint8Array, fileName: string): Promise<ImportedContent> {
  const contentHash = sha256(bytes);
  // Loaded on first use, like pdf.js: only a workbench that imports Word files pays for it.
  const { default: mammoth } = await import('mammoth');
  const html = await mammoth
    .convertToHtml({ buffer: Buffer.from(bytes) })
    .then((result) => result.value)
    .catch(() => {
      throw new ImportError(fileName, 'it is not a readable Word document (.docx)');
    });
  const content = htmlToContent(`<!doctype html><body>${html}</body>`, fileName, {
    extractArticle: false,
  });
  if (!content.text.trim()) throw new ImportError(fileName, 'it contains no readable text');
  const heading = content.blocks.find((b) => b.kind === 'heading');
  const title = heading ? content.text.slice(heading.start, heading.end) : undefined;
  return {
    ...content,
    title: (title ?? fileName.replace(/\.docx$/i, '')).slice(0, 500),
    format: 'docx',
    contentHash,
  };
}
