// An area highlight in words and as a PDF fragment: "Area on page 3" where a quote would
// be shown, and `page=3&viewrect=72,100,200,150` (RFC 8118's PDF fragment identifier,
// left, top, width and height in PDF units) where an export names its place.
import type { Annotation, PageRegion } from './model';

const round = (n: number): number => Math.round(n * 10) / 10;

export function regionFragment(region: PageRegion): string {
  const { page, x, y, w, h } = region;
  return `page=${page}&viewrect=${[x, y, w, h].map(round).join(',')}`;
}

/** What a highlight shows where its quote would be: the quote, or the area it covers. */
export function quoteOf(annotation: Pick<Annotation, 'target'>): string {
  const { region, quote } = annotation.target;
  return region ? `Area on page ${region.page}` : quote.exact;
}
