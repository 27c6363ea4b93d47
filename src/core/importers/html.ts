/// <reference lib="dom" />
// HTML and saved web pages. The markup is untrusted: it is parsed by jsdom with scripts
// and resource loading off, the article is extracted with Mozilla Readability, sanitised
// with DOMPurify to a handful of text elements, and only then turned into plain text,
// blocks and marks. Scripts, handlers, frames, forms, styles and remote resources never
// leave this function; links keep only http(s) and mailto addresses.
import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { assembleBlocks, type DraftBlock } from '../../shared/blocks';
import type { Block, Mark, SourceMeta } from '../../shared/model';
import { SAFE_HREF } from '../../shared/text';

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
  'section',
  'article',
  'figcaption',
  'td',
  'th',
  'tr',
  'table',
  'tbody',
  'thead',
];
const BLOCK_TAGS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'PRE',
  'FIGCAPTION',
  'TD',
  'TH',
]);

export interface HtmlContent {
  title: string;
  text: string;
  blocks: Block[];
  marks: Mark[];
  source: SourceMeta;
}

interface Run {
  text: string;
  marks: Mark[];
}

/** Inline text of an element with HTML white-space collapsing, and marks relative to it. */
function inlineRun(element: Element): Run {
  let text = '';
  const marks: Mark[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      text += (node.nodeValue ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el.tagName === 'BR') {
      text = text.trimEnd() + '\n';
      return;
    }
    const start = text.length;
    el.childNodes.forEach(walk);
    const kind = { EM: 'emphasis', I: 'emphasis', STRONG: 'strong', B: 'strong', A: 'link' }[
      el.tagName
    ] as Mark['kind'] | undefined;
    if (!kind || text.length === start) return;
    const href = el.getAttribute('href') ?? '';
    if (kind === 'link' && !SAFE_HREF.test(href)) return;
    marks.push({ kind, start, end: text.length, ...(kind === 'link' ? { href } : {}) });
  };
  element.childNodes.forEach(walk);
  // Trim, moving marks with the text and clipping them to it.
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const shifted = marks
    .map((m) => ({
      ...m,
      start: Math.max(0, m.start - lead),
      end: Math.min(trimmed.length, m.end - lead),
    }))
    .filter((m) => m.end > m.start);
  return { text: trimmed, marks: shifted };
}

function kindOf(el: Element): DraftBlock['kind'] {
  if (/^H[1-6]$/.test(el.tagName)) return 'heading';
  if (el.tagName === 'LI') return 'list-item';
  return el.closest('blockquote') ? 'quote' : 'paragraph';
}

/** Block elements in document order; text loose in containers becomes a paragraph too. */
function blockElements(root: Element): Element[] {
  const found: Element[] = [];
  const visit = (el: Element): void => {
    if (BLOCK_TAGS.has(el.tagName) && !(el.tagName === 'LI' && el.querySelector('p, li'))) {
      found.push(el);
      return;
    }
    const hasLooseText = [...el.childNodes].some((n) => n.nodeType === 3 && n.nodeValue?.trim());
    if (hasLooseText && !el.querySelector([...BLOCK_TAGS].join(','))) {
      found.push(el);
      return;
    }
    for (const child of el.children) visit(child);
  };
  visit(root);
  return found;
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
  const purify = createDOMPurify(dom.window);
  const clean = purify.sanitize(article?.content ?? document.body?.innerHTML ?? '', {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href'],
    ALLOWED_URI_REGEXP: SAFE_HREF,
    RETURN_DOM: true,
  });
  const runs: Run[] = [];
  const drafts: DraftBlock[] = [];
  const root = clean instanceof dom.window.Element ? clean : document.createElement('body');
  for (const el of blockElements(root)) {
    const run = inlineRun(el);
    if (!run.text) continue;
    const kind = kindOf(el);
    drafts.push({
      kind,
      text: run.text,
      ...(kind === 'heading' ? { level: Number(el.tagName[1]) } : {}),
    });
    runs.push(run);
  }
  const title = (article?.title || document.title || '').trim() || fileName;
  if (drafts[0]?.text !== title && title !== fileName) {
    drafts.unshift({ kind: 'heading', text: title, level: 1 });
    runs.unshift({ text: title, marks: [] });
  }
  const { text, blocks } = assembleBlocks(drafts);
  const marks = blocks.flatMap((block, i) =>
    runs[i]!.marks.map((m) => ({ ...m, start: m.start + block.start, end: m.end + block.start })),
  );
  const source: SourceMeta = { fileName };
  const set = (key: keyof SourceMeta, value: string | null | undefined): void => {
    if (value?.trim()) (source as Record<string, string>)[key] = value.trim().slice(0, 500);
  };
  set('author', article?.byline);
  set('publisher', article?.siteName);
  set('publishedDate', article?.publishedTime ?? published);
  set('language', article?.lang ?? document.documentElement.lang);
  if (canonical && SAFE_HREF.test(canonical)) set('url', canonical);
  const dir = article?.dir ?? document.documentElement.dir;
  if (dir === 'rtl' || dir === 'ltr') source.direction = dir;
  dom.window.close();
  return { title: title.slice(0, 500), text, blocks, marks, source };
}
