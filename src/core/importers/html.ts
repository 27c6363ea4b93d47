/// <reference lib="dom" />
// HTML and saved web pages. The markup is untrusted: it is parsed by jsdom with scripts
// and resource loading off, the article is extracted with Mozilla Readability, sanitised
// with DOMPurify to text, table and figure elements, and only then turned into plain
// text, blocks and marks (./html-blocks.ts). Scripts, handlers, frames, forms, styles and
// remote resources never leave this function; links keep only http(s) and mailto
// addresses; images only as the bytes the file itself held (./html-prepare.ts). What is
// left out is counted in the import's report.
import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { assembleBlocks } from '../../shared/blocks';
import { emptyReport, tally } from '../../shared/import-report';
import type { ImportReport } from '../../shared/methods/documents';
import type { Block, Mark, SourceMeta } from '../../shared/model';
import { normaliseText, SAFE_HREF } from '../../shared/text';
import { articleDrafts } from './html-blocks';
import {
  MEDIA_ATTR,
  MEDIA_TYPE_ATTR,
  NOTE_ATTR,
  NOTE_REF_ATTR,
  prepareArticle,
} from './html-prepare';
import { plainField, plainTitle } from './plain-metadata';
import type { ImportedContent, ImportedMedia } from './plain-text';
import { decodeText } from './decode';
import { noReadableText } from './import-error';
import { sha256 } from '../hash';

const ALLOWED_TAGS = [
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'em',
  'i',
  'strong',
  'b',
  'a',
  'br',
  'pre',
  'code',
  'div',
  'span',
  'bdi',
  'sup',
  'sub',
  'section',
  'article',
  'figure',
  'figcaption',
  'img',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
];
/**
 * No `src` among them: an image is kept only as the file prepareArticle took out of the
 * page, named by `data-media`; the sanitised markup cannot point anywhere.
 */
const ALLOWED_ATTR = [
  'href',
  'alt',
  'dir',
  'colspan',
  'rowspan',
  MEDIA_ATTR,
  MEDIA_TYPE_ATTR,
  NOTE_ATTR,
  NOTE_REF_ATTR,
];

export interface HtmlContent {
  title: string;
  text: string;
  blocks: Block[];
  marks: Mark[];
  source: SourceMeta;
  media: ImportedMedia[];
  report: ImportReport;
}

function meta(doc: Document, ...selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const value =
      doc.querySelector(selector)?.getAttribute('content') ??
      doc.querySelector(selector)?.getAttribute('href');
    if (value?.trim()) return value.trim();
  }
  return undefined;
}

export interface HtmlOptions {
  /**
   * Find the article with Readability (a saved web page: menus, adverts, comments around
   * it). Off for HTML that is all content, such as a Word document's, where Readability
   * would drop short documents and lists.
   */
  extractArticle?: boolean;
}

export function htmlToContent(
  html: string,
  fileName: string,
  { extractArticle = true }: HtmlOptions = {},
): HtmlContent {
  // No `runScripts` and no `resources`: jsdom then neither executes scripts nor fetches.
  const dom = new JSDOM(html, { url: 'about:blank' });
  const { document } = dom.window;
  const canonical = meta(document, 'link[rel="canonical"]', 'meta[property="og:url"]');
  const published = meta(
    document,
    'meta[property="article:published_time"]',
    'meta[name="date"]',
    'meta[name="pubdate"]',
  );
  const article = extractArticle
    ? new Readability(document.cloneNode(true) as Document, { charThreshold: 100 }).parse()
    : null;
  const report = emptyReport();
  // The article's own DOM, prepared (images taken out, notes marked, the rest counted)
  // before the sanitiser sees it.
  const holder = document.createElement('div');
  holder.innerHTML = article?.content ?? document.body?.innerHTML ?? '';
  const media = prepareArticle(holder, report);
  const purify = createDOMPurify(dom.window);
  const clean = purify.sanitize(holder, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: SAFE_HREF,
    RETURN_DOM: true,
  });
  const root = clean instanceof dom.window.Element ? clean : document.createElement('body');
  const { body, notes } = articleDrafts(root);
  const drafted = [...body, ...notes];
  tally(report.kept, 'table', body.filter((d) => d.draft.kind === 'table').length);
  const title = plainTitle(article?.title || document.title || '') || fileName;
  if (drafted[0]?.draft.text !== title && title !== fileName)
    drafted.unshift({ draft: { kind: 'heading', text: title, level: 1 }, marks: [] });
  const { text, blocks } = assembleBlocks(drafted.map((d) => d.draft));
  const marks = blocks.flatMap((block, i) =>
    drafted[i]!.marks.map((m) => ({
      ...m,
      start: m.start + block.start,
      end: m.end + block.start,
    })),
  );
  const source: SourceMeta = { fileName };
  const set = (key: keyof SourceMeta, value: string | null | undefined): void => {
    const plain = value ? plainField(value).slice(0, 500) : '';
    if (plain) (source as Record<string, string>)[key] = plain;
  };
  set('author', article?.byline);
  set('publisher', article?.siteName);
  set('publishedDate', article?.publishedTime ?? published);
  set('language', article?.lang ?? document.documentElement.lang);
  if (canonical && SAFE_HREF.test(canonical)) set('url', canonical);
  const dir = article?.dir ?? document.documentElement.dir;
  if (dir === 'rtl' || dir === 'ltr') source.direction = dir;
  dom.window.close();
  return { title: title.slice(0, 500), text, blocks, marks, source, media, report };
}

/** A web page's bytes, decoded as a browser would and refused when nothing readable is left. */
export function importHtml(bytes: Uint8Array, fileName: string): ImportedContent {
  const raw = normaliseText(decodeText(bytes, fileName, true));
  const html = htmlToContent(raw, fileName);
  if (!html.text.trim() || html.blocks.every((b) => b.kind === 'heading')) noReadableText(fileName);
  return { ...html, format: 'html', contentHash: sha256(bytes) };
}
