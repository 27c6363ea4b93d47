// A saved web page as the window may show it: a tree of plain elements from a short
// allow-list, text as text, links only to http(s) and mailto, and images only as data:
// addresses of raster images that were inside the file itself. The core builds it from
// the sanitised original; the renderer turns it into elements (never into HTML), so
// nothing in a page can run, load or restyle anything, and it needs no frame.
export const PAGE_TAGS = [
  'article', 'section', 'header', 'footer', 'main', 'aside', 'nav', 'div', 'span',
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'hr', 'br',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'em', 'i', 'strong', 'b', 'u', 's', 'small', 'sub', 'sup', 'mark', 'abbr', 'cite', 'q', 'time',
  'a', 'img', 'figure', 'figcaption',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
] as const; // prettier-ignore
export type PageTag = (typeof PAGE_TAGS)[number];

export interface PageElement {
  tag: PageTag;
  href?: string;
  /** Only `data:image/(png|jpeg|gif|webp);base64,...`. */
  src?: string;
  alt?: string;
  colSpan?: number;
  rowSpan?: number;
  dir?: 'ltr' | 'rtl' | 'auto';
  lang?: string;
  children: PageNode[];
}
export type PageNode = string | PageElement;

export interface PageRendering {
  title: string;
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
  body: PageNode[];
  /** What was in the file but is not shown: "3 scripts", "2 images not in the file". */
  left: string[];
}

const TAGS = new Set<string>(PAGE_TAGS);
export const isPageTag = (tag: string): tag is PageTag => TAGS.has(tag);

/** A data: address of a raster image, the only kind of image address a page may show. */
export const SAFE_IMAGE_SRC = /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$/;
