// The dossier as a Markdown research brief: who or what the entity is, its events, the
// researcher's notes about it, and every passage tagged to it with its source and paragraph, its links to other highlights
// and its note, so each quote can be checked. Names, quotes and sources are third-party
// text, escaped so a Markdown renderer shows them as written; the user's notes stay
// Markdown with raw HTML made inert (./markdown-escape.ts).
import { relationOf } from '../../shared/codebook/codebook';
import type { Dossier } from '../../shared/methods/entities';
import type { Codebook, HighlightLink, Note } from '../../shared/model';
import { plural } from '../../shared/text';
import { formatEventDate } from '../../shared/labels';
import { isolate } from '../../shared/bidi';
import { blockquote, escapeInline, escapeMarkdown, userMarkdown } from './markdown-escape';

const wikidata = (id: string): string =>
  /^Q\d+$/.test(id) ? `[${id}](https://www.wikidata.org/wiki/${id})` : escapeInline(id);

/** What a passage's links need: the links, their relations, the other highlight's quote. */
export interface DossierLinks {
  links: readonly HighlightLink[];
  codebook: Codebook;
  quoteOf: (annotationId: string) => string | undefined;
  /** The notes about the entity, in the order to write them (the dossier's "Notes"). */
  notes?: readonly Pick<Note, 'title' | 'body'>[];
}

function linkLine(id: string, extra: DossierLinks | undefined): string | undefined {
  const links = extra?.links.filter((l) => l.from === id || l.to === id) ?? [];
  if (!extra || !links.length) return undefined;
  const parts = links.map((l) => {
    const other = extra.quoteOf(l.from === id ? l.to : l.from);
    const quote = other ? `“${escapeInline(other.slice(0, 120))}”` : 'another highlight';
    const relation = escapeInline(relationOf(extra.codebook, l.relation).label);
    return l.from === id ? `${relation} ${quote}` : `${quote} ${relation} this`;
  });
  return `Links: ${parts.join('; ')}`;
}

export function exportDossier(d: Dossier, exportedAt: string, extra?: DossierLinks): string {
  const { entity } = d;
  const passages = d.sources.reduce((n, s) => n + s.passages.length, 0);
  const out = [
    `# ${isolate(escapeInline(entity.name))}`,
    '',
    `*${escapeInline(entity.type)} · ${plural(passages, 'passage')} in ${plural(d.sources.filter((s) => s.passages.length).length, 'source')} · exported ${exportedAt.slice(0, 10)}*`,
  ];
  if (entity.aliases.length)
    out.push(
      '',
      `Also known as: ${entity.aliases.map((a) => isolate(escapeInline(a))).join('; ')}`,
    );
  if (entity.externalId) out.push('', `Identifier: ${wikidata(entity.externalId)}`);
  if (entity.description.trim()) out.push('', escapeMarkdown(entity.description.trim()));
  if (entity.date || d.place || d.participants.length) {
    out.push('', '## Event', '', `Date: ${formatEventDate(entity.date)}`);
    if (d.place) out.push('', `Place: ${isolate(escapeInline(d.place.name))}`);
    for (const p of d.participants)
      out.push('', `- ${isolate(escapeInline(p.entity.name))} (${escapeInline(p.role)})`);
  }
  if (d.events.length && !(d.events.length === 1 && d.events[0]!.entity.id === entity.id)) {
    out.push('', '## Events');
    for (const e of d.events) {
      if (e.entity.id === entity.id) continue;
      const where = e.place ? `, ${isolate(escapeInline(e.place.name))}` : '';
      out.push('', `- ${formatEventDate(e.date)}: ${isolate(escapeInline(e.entity.name))}${where}`);
    }
  }
  if (extra?.notes?.length) {
    out.push('', '## Notes');
    for (const note of extra.notes) {
      out.push('', `### ${escapeInline(note.title.trim() || 'Untitled note')}`);
      if (note.body.trim()) out.push('', userMarkdown(note.body, 3));
    }
  }
  if (d.cooccurring.length) {
    out.push('', '## Appears with', '');
    for (const c of d.cooccurring)
      out.push(
        `- ${isolate(escapeInline(c.entity.name))} (${plural(c.paragraphs, 'paragraph')}, ${plural(c.documents, 'document')})`,
      );
  }
  out.push('', '## Passages');
  if (!passages) out.push('', '*No highlight is tagged to it yet.*');
  for (const source of d.sources) {
    if (!source.passages.length) continue;
    const citation = escapeInline(source.citation);
    out.push('', `### ${isolate(escapeInline(source.title))}`, '', citation);
    for (const { annotation, paragraph } of source.passages) {
      const where = paragraph !== undefined ? `, ¶ ${paragraph}` : '';
      out.push('', blockquote(annotation.target.quote.exact), '', `— ${citation}${where}.`);
      const links = linkLine(annotation.id, extra);
      if (links) out.push('', links);
      if (annotation.note.trim()) out.push('', userMarkdown(annotation.note, 3));
    }
  }
  const untagged = d.sources.filter((s) => !s.passages.length);
  if (untagged.length) {
    out.push('', '## Also mentioned in', '');
    for (const s of untagged)
      out.push(`- ${escapeInline(s.citation)} (${plural(s.mentions, 'mention')})`);
  }
  return `${out.join('\n')}\n`;
}
