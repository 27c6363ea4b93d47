// PDF files to documents with pdf.js (the legacy build, which runs on plain Node): the
// text layer of every page, in reading order, as paragraphs that know their page, and the
// title, author and dates of the info dictionary. pdf.js runs here without eval, without
// fonts of the system and reading its character maps from its own package folder, so
// nothing is fetched. A PDF without a text layer (a scan) is refused: OCR is out of scope.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { assembleBlocks } from '../../shared/blocks';
import type { SourceMeta } from '../../shared/model';
import { ImportError } from './import-error';
import { dropRunningLines, itemsToLines, type PdfItem, type PdfPage } from './pdf-lines';
import { pagesToDrafts } from './pdf-paragraphs';
import { sha256 } from '../hash';
import { type ImportedContent } from './plain-text';

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

const infoString = (info: Record<string, unknown>, key: string): string | undefined => {
  const value = info[key];
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, 500) : undefined;
};

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
    const pages: PdfPage[] = [];
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
            text: item.str,
            x: e - x0,
            y: f - y0,
            width: item.width,
            size: Math.hypot(c, d) || item.height,
          };
        });
      const all = items.map((i) => i.text).join('');
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
    const { info } = await pdf.getMetadata();
    return { pages, info: (info ?? {}) as Record<string, unknown> };
  } finally {
    await task.destroy();
  }
}

export async function importPdf(bytes: Uint8Array, fileName: string): Promise<ImportedContent> {
  const contentHash = sha256(bytes);
  const { pages, info } = await readPages(bytes, fileName);
  if (!pages.some((p) => p.lines.length))
    throw new ImportError(
      fileName,
      'it has no text layer (it looks like a scanned image; text recognition is not supported)',
    );
  const drafts = pagesToDrafts(dropRunningLines(pages));
  const { text, blocks } = assembleBlocks(drafts);
  const title = infoString(info, 'Title') ?? drafts.find((d) => d.kind === 'heading')?.text;
  const source: SourceMeta = { fileName };
  const author = infoString(info, 'Author');
  if (author) source.author = author;
  const published = pdfDate(info.CreationDate) ?? pdfDate(info.ModDate);
  if (published) source.publishedDate = published;
  const rtlPages = pages.filter((p) => p.rtl).length;
  if (rtlPages === pages.length) source.direction = 'rtl';
  else if (rtlPages > 0) source.direction = 'auto';
  return {
    title: (title ?? fileName).slice(0, 500),
    text,
    blocks,
    marks: [],
    source,
    format: 'pdf',
    contentHash,
  };
}
