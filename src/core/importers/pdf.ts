// PDF files to documents with pdf.js (the legacy build, which runs on plain Node): the
// text layer of every page, in reading order, as paragraphs that know their page, and the
// title and author of the info dictionary (as plain text), the file's own dates as the
// file's, and a publication date only where XMP's dc:date gives one (a date printed on
// the first page is kept as a suggestion to confirm). pdf.js runs here without eval, without
// fonts of the system and reading its character maps from its own package folder, so
// nothing is fetched. A PDF without a text layer (a scan) is refused: OCR is out of scope.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { assembleBlocks } from '../../shared/blocks';
import { emptyReport, tally } from '../../shared/import-report';
import type { SourceMeta } from '../../shared/model';
import { ImportError } from './import-error';
import { count, MAX_DOCUMENT_CHARS, MAX_PDF_PAGES } from './limits';
import { checkPdf } from './pdf-check';
import { dropRunningLines, itemsToLines, type PdfItem, type PdfPage } from './pdf-lines';
import { pagesToDrafts } from './pdf-paragraphs';
import { sha256 } from '../hash';
import { plainField } from './plain-metadata';
import type { ImportedContent } from './plain-text';
import { printedDate } from './printed-date';

const PACKAGE = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const RTL_CHARS = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/gu;
const LTR_CHARS = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/gu;

/** "D:20240305142000+01'00'" (the PDF date format) to an ISO date, if it is one. */
export function pdfDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(
    value,
  );
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h, mi = '00', s = '00', zone] = m;
  if (!h) return `${y}-${mo}-${d}`;
  const offset =
    !zone || zone === 'Z'
      ? 'Z'
      : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5) || '00'}`;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`;
}

/** An info dictionary field as plain text: markup in a title is text's, never markup. */
const infoString = (info: Record<string, unknown>, key: string): string | undefined => {
  const value = info[key];
  const plain = typeof value === 'string' ? plainField(value).slice(0, 500) : '';
  return plain || undefined;
};

/** XMP's dc:date, the one field that says when the work was published. */
function xmpDate(metadata: { get(name: string): unknown } | null | undefined): string | undefined {
  const value = metadata?.get('dc:date');
  const text = Array.isArray(value)
    ? String(value[0] ?? '')
    : typeof value === 'string'
      ? value
      : '';
  return /\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?)?)?/.exec(
    text,
  )?.[0];
}

/**
 * Ligatures spelt out ("ﬁ" as "fi") and every kind of space as a space, so the canonical
 * text reads and searches as typed; done to each run before lines are built, so every
 * offset counts in the text as stored.
 */
export const normaliseRun = (text: string): string =>
  text
    .replace(/[\uFB00-\uFB06]/g, (l) => l.normalize('NFKC'))
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u200B\uFEFF]/g, '');

async function readPages(bytes: Uint8Array, fileName: string) {
  // Loaded on first use: pdf.js is large, and a workbench that never sees a PDF should
  // neither pay for it at start nor fail to start if it cannot load.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    cMapUrl: `${join(PACKAGE, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(PACKAGE, 'standard_fonts')}/`,
    verbosity: 0,
  });
  try {
    const pdf = await task.promise.catch((error: unknown) => {
      throw new ImportError(
        fileName,
        error instanceof Error && error.name === 'PasswordException'
          ? 'it is protected by a password'
          : 'it is not a readable PDF (the file is damaged or not a PDF)',
      );
    });
    if (pdf.numPages > MAX_PDF_PAGES)
      throw new ImportError(
        fileName,
        `it claims ${count(pdf.numPages)} pages; at most ${count(MAX_PDF_PAGES)} are read`,
      );
    const pages: PdfPage[] = [];
    let characters = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
      const content = await page.getTextContent();
      const items: PdfItem[] = content.items
        .filter((item): item is TextItem => 'str' in item)
        .map((item) => {
          // The text matrix: [c, d] is the glyphs' vertical vector, [e, f] the origin.
          const [, , c = 0, d = 0, e = 0, f = 0] = item.transform as number[];
          return {
            text: normaliseRun(item.str),
            x: e - x0,
            y: f - y0,
            width: item.width,
            size: Math.hypot(c, d) || item.height,
          };
        });
      const all = items.map((i) => i.text).join('');
      characters += all.length;
      if (characters > MAX_DOCUMENT_CHARS)
        throw new ImportError(
          fileName,
          `its text is longer than ${count(MAX_DOCUMENT_CHARS)} characters (by page ${n}), the most one document may hold`,
        );
      const rtl = (all.match(RTL_CHARS)?.length ?? 0) > (all.match(LTR_CHARS)?.length ?? 0);
      pages.push({
        number: n,
        width: x1 - x0,
        height: y1 - y0,
        rtl,
        lines: itemsToLines(items, rtl),
      });
      page.cleanup();
    }
    const { info, metadata } = await pdf.getMetadata();
    return {
      pages,
      info: (info ?? {}) as Record<string, unknown>,
      published: xmpDate(metadata),
    };
  } finally {
    await task.destroy();
  }
}

export async function importPdf(bytes: Uint8Array, fileName: string): Promise<ImportedContent> {
  const contentHash = sha256(bytes);
  // Streams too large or nested too deep are refused before pdf.js decodes any of them.
  checkPdf(bytes, fileName);
  const { pages, info, published } = await readPages(bytes, fileName);
  // Running heads and page numbers are not text: a PDF with nothing else is a scan.
  const kept = dropRunningLines(pages);
  if (!kept.some((p) => p.lines.length))
    throw new ImportError(
      fileName,
      'it has no text layer (it looks like a scanned image; text recognition is not supported)',
    );
  const drafts = pagesToDrafts(kept);
  const { text, blocks } = assembleBlocks(drafts);
  const title = infoString(info, 'Title') ?? drafts.find((d) => d.kind === 'heading')?.text;
  const source: SourceMeta = { fileName };
  const author = infoString(info, 'Author');
  if (author) source.author = author;
  // The file's dates say when the file was made (often when a page was printed), not when
  // the work was published: they are kept as what they are.
  const created = pdfDate(info.CreationDate);
  const modified = pdfDate(info.ModDate);
  if (created) source.fileCreated = created;
  if (modified) source.fileModified = modified;
  if (published) source.publishedDate = published;
  else {
    const firstPage = drafts.filter((d) => d.page === pages[0]?.number).map((d) => d.text);
    const printed = printedDate(firstPage.join('\n').slice(0, 3000));
    if (printed) source.suggestedPublishedDate = printed;
  }
  const report = emptyReport();
  const lineCount = (ps: readonly PdfPage[]): number => ps.reduce((n, p) => n + p.lines.length, 0);
  tally(
    report.dropped,
    'running head, foot or page number',
    lineCount(pages) - lineCount(kept),
    'running heads, feet and page numbers',
  );
  const rtlPages = pages.filter((p) => p.rtl).length;
  if (rtlPages === pages.length) source.direction = 'rtl';
  else if (rtlPages > 0) source.direction = 'auto';
  return {
    title: plainField(title ?? fileName).slice(0, 500) || fileName,
    text,
    blocks,
    marks: [],
    source,
    format: 'pdf',
    contentHash,
    report,
  };
}
