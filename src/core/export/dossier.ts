// The dossier as a Markdown research brief: who or what the entity is, its events, and
// every passage tagged to it with its source and paragraph, so each quote can be checked.
import type { Dossier } from '../../shared/methods/entities';
import { plural } from '../../shared/text';
import { formatEventDate } from '../../shared/labels';
import { isolate, isolatedList } from '../../shared/bidi';

const blockquote = (text: string): string =>
  text
    .split('\n')
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');

const wikidata = (id: string): string =>
  /^Q\d+$/.test(id) ? `[${id}](https://www.wikidata.org/wiki/${id})` : id;

export function exportDossier(d: Dossier, exportedAt: string): string {
  const { entity } = d;
  const passages = d.sources.reduce((n, s) => n + s.passages.length, 0);
  const out = [
    `# ${isolate(entity.name)}`,
    '',
    `*${entity.type} · ${plural(passages, 'passage')} in ${plural(d.sources.filter((s) => s.passages.length).length, 'source')} · exported ${exportedAt.slice(0, 10)}*`,
  ];
  if (entity.aliases.length) out.push('', `Also known as: ${isolatedList(entity.aliases)}`);
  if (entity.externalId) out.push('', `Identifier: ${wikidata(entity.externalId)}`);
  if (entity.description.trim()) out.push('', entity.description.trim());
  if (entity.date || d.place || d.participants.length) {
    out.push('', '## Event', '', `Date: ${formatEventDate(entity.date)}`);
    if (d.place) out.push('', `Place: ${isolate(d.place.name)}`);
    for (const p of d.participants) out.push('', `- ${isolate(p.entity.name)} (${p.role})`);
  }
  if (d.events.length && !(d.events.length === 1 && d.events[0]!.entity.id === entity.id)) {
    out.push('', '## Events');
    for (const e of d.events) {
      if (e.entity.id === entity.id) continue;
      const where = e.place ? `, ${isolate(e.place.name)}` : '';
      out.push('', `- ${formatEventDate(e.date)}: ${isolate(e.entity.name)}${where}`);
    }
  }
  if (d.cooccurring.length) {
    out.push('', '## Appears with', '');
    for (const c of d.cooccurring)
      out.push(
        `- ${isolate(c.entity.name)} (${plural(c.paragraphs, 'paragraph')}, ${plural(c.documents, 'document')})`,
      );
  }
  out.push('', '## Passages');
  if (!passages) out.push('', '*No highlight is tagged to it yet.*');
  for (const source of d.sources) {
    if (!source.passages.length) continue;
    out.push('', `### ${isolate(source.title)}`, '', source.citation);
    for (const { annotation, paragraph } of source.passages) {
      const where = paragraph !== undefined ? `, ¶ ${paragraph}` : '';
      out.push('', blockquote(annotation.target.quote.exact), '', `— ${source.citation}${where}.`);
      if (annotation.note.trim()) out.push('', annotation.note.trim());
    }
  }
  const untagged = d.sources.filter((s) => !s.passages.length);
  if (untagged.length) {
    out.push('', '## Also mentioned in', '');
    for (const s of untagged) out.push(`- ${s.citation} (${plural(s.mentions, 'mention')})`);
  }
  return `${out.join('\n')}\n`;
}
