/// <reference lib="dom" />
// A kept web page, for "Open original": the whole page (not only the article the import
// took), parsed with scripts and loading off, sanitised, and turned into the plain tree
// of src/shared/page-tree.ts. Only allow-listed elements come through (others give their
// text); links only to http(s) and mailto; images only when the file itself holds their
// bytes and they are raster images; what is left out is listed with the page.
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { emptyReport, tally } from '../../shared/import-report';
import {
  isPageTag,
  SAFE_IMAGE_SRC,
  type PageElement,
  type PageNode,
  type PageRendering,
} from '../../shared/page-tree';
import { plural, SAFE_HREF } from '../../shared/text';
import { decodeText } from '../importers/decode';
import { countNotKept, decodeDataImage } from '../importers/html-prepare';
import { plainTitle } from '../importers/plain-metadata';
import { imageTypeOf } from './media-type';

/** Elements whose content is never shown (counted where it is content). */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'link', 'meta']);
/** The most elements shown; a longer page says where it stops. */
const MAX_NODES = 60_000;
const LANG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/;

const direction = (el: Element): PageElement['dir'] => {
  const dir = el.getAttribute('dir')?.toLowerCase();
  return dir === 'ltr' || dir === 'rtl' || dir === 'auto' ? dir : undefined;
};

export function renderWebPage(bytes: Uint8Array, fileName: string): PageRendering {
  const html = decodeText(bytes, fileName, true);
  const dom = new JSDOM(html, { url: 'about:blank' });
  try {
    const { document } = dom.window;
    const report = emptyReport();
    if (document.body) countNotKept(document.body, report.dropped);
    const purify = createDOMPurify(dom.window);
    const clean = purify.sanitize(document.body ?? document.createElement('body'), {
      WHOLE_DOCUMENT: false,
      RETURN_DOM: true,
      ADD_ATTR: ['dir', 'lang'],
      ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|data:image\/(?:png|jpeg|gif|webp);)/i,
    });
    let budget = MAX_NODES;
    const convert = (node: Node): PageNode[] => {
      if (budget <= 0) return [];
      if (node.nodeType === 3) return [node.nodeValue ?? ''];
      if (node.nodeType !== 1) return [];
      budget -= 1;
      const el = node as Element;
      const tag = el.tagName.toLowerCase();
      if (SKIP.has(tag)) return [];
      const children = [...el.childNodes].flatMap(convert);
      if (!isPageTag(tag)) return children;
      const out: PageElement = { tag, children };
      const dir = direction(el);
      if (dir) out.dir = dir;
      const lang = el.getAttribute('lang');
      if (lang && LANG.test(lang)) out.lang = lang;
      if (tag === 'a') {
        const href = el.getAttribute('href') ?? '';
        if (SAFE_HREF.test(href)) out.href = href;
      } else if (tag === 'img') {
        const src = el.getAttribute('src') ?? '';
        const alt = (el.getAttribute('alt') ?? '').trim();
        const image = src.startsWith('data:') ? decodeDataImage(src) : undefined;
        if (!image || !imageTypeOf(image) || !SAFE_IMAGE_SRC.test(src)) {
          tally(report.dropped, 'image not in the file', 1, 'images not in the file');
          return alt ? [`[image not in the file: ${alt}]`] : [];
        }
        out.src = src;
        if (alt) out.alt = alt;
      } else if (tag === 'td' || tag === 'th') {
        const colSpan = Number(el.getAttribute('colspan'));
        const rowSpan = Number(el.getAttribute('rowspan'));
        if (Number.isInteger(colSpan) && colSpan > 1) out.colSpan = Math.min(colSpan, 1000);
        if (Number.isInteger(rowSpan) && rowSpan > 1) out.rowSpan = Math.min(rowSpan, 1000);
      }
      return [out];
    };
    const body = clean instanceof dom.window.Element ? [...clean.childNodes].flatMap(convert) : [];
    const lang = document.documentElement.getAttribute('lang') ?? '';
    const dir = direction(document.documentElement);
    return {
      title: plainTitle(document.title) || fileName,
      ...(LANG.test(lang) ? { lang } : {}),
      ...(dir ? { dir } : {}),
      body,
      left: [
        ...report.dropped.map((l) => plural(l.count, l.what, l.whats)),
        ...(budget <= 0
          ? [`the rest of the page (only its first ${MAX_NODES} elements are shown)`]
          : []),
      ],
    };
  } finally {
    dom.window.close();
  }
}
