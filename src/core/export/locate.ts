// Where a quote is, as a reader of the source counts: paragraphs of the body, numbered from
// 1 (a heading is not a paragraph, and neither is the headline a plain-text file opens
// with), and on a paged document (PDF) the page and the paragraph on that page. A quote
// that starts in a heading is cited as that heading.
import type { Block, Document } from '../../shared/model';

export type CiteLocation =
  | { kind: 'paragraph'; paragraph: number; page?: number }
  | { kind: 'heading'; heading: string; page?: number };

/** The block holding `offset`, or the next one after it (a quote starting in a gap). */
function blockAt(blocks: readonly Block[], offset: number): number {
  const inside = blocks.findIndex((b) => offset >= b.start && offset < b.end);
  if (inside >= 0) return inside;
  const after = blocks.findIndex((b) => b.start > offset);
  return after >= 0 ? after : blocks.length - 1;
}

/** Whether a block is a heading: marked so, or the headline that repeats the title. */
function isHeading(doc: Pick<Document, 'blocks' | 'text' | 'title'>, index: number): boolean {
  const block = doc.blocks[index]!;
  if (block.kind === 'heading') return true;
  return index === 0 && doc.text.slice(block.start, block.end).trim() === doc.title.trim();
}

export function citeLocation(
  doc: Pick<Document, 'blocks' | 'text' | 'title'>,
  offset: number,
): CiteLocation | undefined {
  const at = blockAt(doc.blocks, offset);
  const block = doc.blocks[at];
  if (!block) return undefined;
  const page = block.page !== undefined ? { page: block.page } : {};
  if (isHeading(doc, at)) {
    const heading = doc.text.slice(block.start, block.end).trim();
    return { kind: 'heading', heading, ...page };
  }
  let paragraph = 0;
  for (let i = 0; i <= at; i++) {
    if (isHeading(doc, i)) continue;
    if (block.page !== undefined && doc.blocks[i]!.page !== block.page) continue;
    paragraph++;
  }
  return { kind: 'paragraph', paragraph, ...page };
}

/** "¶ 7", "p. 2, ¶ 3", "heading “Events”" or "p. 2, heading “Events”". */
export function locationLabel(where: CiteLocation | undefined): string {
  if (!where) return '';
  const page = where.page !== undefined ? `p. ${where.page}, ` : '';
  if (where.kind === 'heading') return `${page}heading “${where.heading}”`;
  return `${page}¶ ${where.paragraph}`;
}
