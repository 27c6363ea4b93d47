// The original a document was imported from, as "Open original" shows it: the file's
// bytes (a PDF, for the page view's pdf.js) and a saved web page's sanitised tree, both
// checked by the core against the SHA-256 first; and a figure's image, kept in media/ and
// checked the same way. Keyed by the document and that hash: an
// original is content-addressed, so an answer never goes stale, and a document given
// another original is asked for under another key.
import type { OriginalView } from '../../../../shared/api';
import type { PageRendering } from '../../../../shared/page-tree';
import type { ViewSpec } from './view-cache';

export interface OriginalQuery {
  id: string;
  sha256: string;
}

const key = ({ id, sha256 }: OriginalQuery): string => `${id}:${sha256}`;
const never = (): boolean => false;

export const originalView: ViewSpec<OriginalQuery, OriginalView> = {
  key,
  staleAfter: never,
  // A PDF may be many megabytes: only the last two are kept.
  keep: 2,
};

export const originalPageView: ViewSpec<OriginalQuery, PageRendering> = {
  key,
  staleAfter: never,
  keep: 4,
};

/** A figure's image as a data: address. Content-addressed too, so never stale. */
export const mediaView: ViewSpec<OriginalQuery, { dataUrl: string }> = {
  key,
  staleAfter: never,
  // Enough images to fill a long report; the least recently shown go first.
  keep: 200,
};
