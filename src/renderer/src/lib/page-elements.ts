// The tree of a saved web page (src/shared/page-tree.ts) as React elements, one
// allow-listed tag at a time and never through HTML. The core built the tree from the
// sanitised page; its tags, links and image addresses are checked again here, so a tree
// that came wrong (or from a changed core) still cannot make a script, a frame, a remote
// image or a javascript: link. Links open in the system browser like the reader's.
import { createElement, type ReactNode } from 'react';
import { isPageTag, SAFE_IMAGE_SRC, type PageNode } from '../../../shared/page-tree';
import { SAFE_HREF } from '../../../shared/text';

/** Headings inside the page start one level under the view's own. */
const SHIFTED: Record<string, string> = { h1: 'h2', h2: 'h3', h3: 'h4', h4: 'h5', h5: 'h6' };

export function pageElement(node: PageNode, key: number): ReactNode {
  if (typeof node === 'string') return node;
  // The tree comes from the core; its tags are checked again before any becomes an element.
  if (!isPageTag(node.tag)) return null;
  const children = node.children.map(pageElement);
  const common = {
    key,
    ...(node.dir ? { dir: node.dir } : {}),
    ...(node.lang ? { lang: node.lang } : {}),
  };
  switch (node.tag) {
    case 'a':
      return node.href && SAFE_HREF.test(node.href)
        ? createElement(
            'a',
            { ...common, href: node.href, target: '_blank', rel: 'noopener noreferrer nofollow' },
            ...children,
          )
        : createElement('span', common, ...children);
    case 'img':
      return node.src && SAFE_IMAGE_SRC.test(node.src)
        ? createElement('img', { ...common, src: node.src, alt: node.alt ?? '' })
        : null;
    case 'br':
    case 'hr':
      return createElement(node.tag, common);
    case 'td':
    case 'th':
      return createElement(
        node.tag,
        {
          ...common,
          ...(node.colSpan ? { colSpan: node.colSpan } : {}),
          ...(node.rowSpan ? { rowSpan: node.rowSpan } : {}),
        },
        ...children,
      );
    default:
      return createElement(SHIFTED[node.tag] ?? node.tag, common, ...children);
  }
}
