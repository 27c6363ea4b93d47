// The quotes of the Markdown research notes: each highlight once, under its source, with a
// number to refer to it by ("Quote 3"), its citation in the chosen style with where in the
// source it is (paragraph, or page and paragraph, or heading), its kind, all its entities,
// its codes with their place in the codebook, its links to other quotes, and the user's
// note as Markdown. Everything from the source or another tool is escaped as text.
import { isolate } from '../../shared/bidi';
import { codePath } from '../../shared/codebook/code-tree';
import { kindLabel, relationOf } from '../../shared/codebook/codebook';
import { ANCHOR_STATUS_LABELS } from '../../shared/concepts/anchor-status';
import type { Annotation, Document, Entity } from '../../shared/model';
import type { Citer, Locator } from './citations/engine';
import { citeLocation } from './locate';
import { blockquote, cslHtmlToMarkdown, escapeInline, userMarkdown } from './markdown-escape';
import type { Snapshot } from './snapshot';

export interface QuoteContext {
  snapshot: Snapshot;
  citer: Citer;
  /** The style prints a whole footnote (OSCOLA) rather than an in-text reference. */
  noteStyle: boolean;
  entities: ReadonlyMap<string, Entity>;
  /** Each highlight's number in the notes ("Quote 3"), in the order they are printed. */
  numbers: ReadonlyMap<string, number>;
}

export const quoteAnchor = (n: number): string => `[Quote ${n}](#quote-${n})`;

/** The citation of a quote: the style's reference with the place in the source. */
export function quoteCitation(a: Annotation, doc: Document, ctx: QuoteContext): string {
  const where = a.status === 'orphaned' ? undefined : citeLocation(doc, a.target.position.start);
  let locator: Locator | undefined;
  let after = '';
  if (where?.kind === 'paragraph') {
    if (where.page === undefined)
      locator = { label: 'paragraph', locator: String(where.paragraph) };
    else if (ctx.noteStyle)
      locator = { label: 'page', locator: `${where.page}, ¶ ${where.paragraph}` };
    else locator = { label: 'page', locator: String(where.page), suffix: `, ¶ ${where.paragraph}` };
  } else if (where?.kind === 'heading') {
    if (where.page !== undefined) locator = { label: 'page', locator: String(where.page) };
    after = `, heading “${escapeInline(where.heading)}”`;
  }
  const cited = cslHtmlToMarkdown(ctx.citer.citation(doc.id, locator)).replace(/\.$/, '');
  return `${cited}${after}.`;
}

function linksOf(a: Annotation, ctx: QuoteContext): string[] {
  const out: string[] = [];
  for (const link of ctx.snapshot.links) {
    if (link.from !== a.id && link.to !== a.id) continue;
    const n = ctx.numbers.get(link.from === a.id ? link.to : link.from);
    if (n === undefined) continue;
    const relation = escapeInline(relationOf(ctx.snapshot.codebook, link.relation).label);
    const note = link.note ? ` (${escapeInline(link.note)})` : '';
    out.push(
      link.from === a.id
        ? `${relation} ${quoteAnchor(n)}${note}`
        : `${quoteAnchor(n)} ${relation} this${note}`,
    );
  }
  return out;
}

export function quoteEntry(a: Annotation, doc: Document, ctx: QuoteContext): string {
  const n = ctx.numbers.get(a.id)!;
  const kind = escapeInline(kindLabel(ctx.snapshot.codebook, a.kind));
  const lines = [
    `#### Quote ${n}`,
    '',
    blockquote(a.target.quote.exact),
    '',
    `${quoteCitation(a, doc, ctx)} *${kind}.*`,
  ];
  if (a.status === 'fuzzy' || a.status === 'orphaned') {
    const confidence =
      a.status === 'fuzzy' && a.confidence !== undefined
        ? ` (confidence ${a.confidence.toFixed(2)})`
        : '';
    lines.push('', `*${ANCHOR_STATUS_LABELS[a.status].export}${confidence}.*`);
  }
  // Blank lines between the parts: in Markdown, adjacent lines would run into one paragraph.
  const names = a.entityIds.flatMap((id) => {
    const e = ctx.entities.get(id);
    // Each name isolated, so a Persian one among English ones keeps its place in the line.
    return e ? [isolate(escapeInline(e.name))] : [];
  });
  if (names.length) lines.push('', `Entities: ${names.join('; ')}`);
  if (a.tags.length) {
    const codes = a.tags.map((t) => escapeInline(codePath(ctx.snapshot.codebook, t)));
    lines.push('', `Codes: ${codes.join('; ')}`);
  }
  const links = linksOf(a, ctx);
  if (links.length) lines.push('', `Links: ${links.join('; ')}`);
  if (a.note.trim()) lines.push('', userMarkdown(a.note, 4));
  return lines.join('\n');
}
