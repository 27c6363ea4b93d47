// Markdown research notes: every entity with its tagged quotes, then every document with
// its highlights. Each quote is cited to its source and paragraph, so the notes can be
// pasted into a report as they are; each document says which text its quotes come from
// (revision and SHA-256) and each quote where in it (character offsets), so a reader can
// check a quote against the source.
import { ANCHOR_STATUS_LABELS } from '../../shared/concepts/anchor-status';
import { isolate, isolatedList } from '../../shared/bidi';
import { KIND_LABELS } from '../../shared/labels';
import { languageLabel } from '../../shared/language';
import type { Annotation, Document, Entity } from '../../shared/model';
import { plural } from '../../shared/text';
import { sha256 } from '../hash';
import { citation, locate, locationLabel, type Snapshot } from './snapshot';

const blockquote = (text: string): string =>
  text
    .split('\n')
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');

function quoteEntry(a: Annotation, doc: Document, entities: Map<string, Entity>): string {
  // An orphaned highlight has no place in the current text, so no page or paragraph to cite.
  const where =
    a.status === 'orphaned'
      ? ''
      : `, ${locationLabel(locate(doc.blocks, a.target.position.start))}`;
  const tagged = a.entityIds
    .map((id) => entities.get(id)?.name)
    .filter((name) => name !== undefined);
  const { start, end } = a.target.position;
  // Offsets count UTF-16 code units of the revision's text (JavaScript string indices).
  const offsets =
    a.status === 'orphaned' ? '' : ` [characters ${start}–${end}, revision ${doc.revision}]`;
  const lines = [
    blockquote(a.target.quote.exact),
    '',
    `— ${citation(doc)}${where}. *${KIND_LABELS[a.kind]}.*${offsets}`,
  ];
  if (a.status === 'fuzzy' || a.status === 'orphaned') {
    const confidence =
      a.status === 'fuzzy' && a.confidence !== undefined
        ? ` (confidence ${a.confidence.toFixed(2)})`
        : '';
    lines.push('', `*${ANCHOR_STATUS_LABELS[a.status].export}${confidence}.*`);
  }
  // Blank lines between the parts: in Markdown, adjacent lines would run into one paragraph.
  // Each name isolated, so a Persian one among English ones keeps its place in the line.
  if (tagged.length) lines.push('', `Entities: ${isolatedList(tagged)}`);
  if (a.tags.length) lines.push('', `Tags: ${isolatedList(a.tags, ', ')}`);
  if (a.note.trim()) lines.push('', a.note.trim());
  return lines.join('\n');
}

export function exportMarkdown(snapshot: Snapshot): string {
  const entities = new Map(snapshot.entities.map((e) => [e.id, e]));
  const docs = new Map(snapshot.documents.map((d) => [d.document.id, d]));
  const all = snapshot.documents.flatMap((d) => d.annotations);
  const out: string[] = [
    '# Research notes',
    '',
    `*Exported from Research Workbench on ${snapshot.exportedAt.slice(0, 10)}: ` +
      `${plural(snapshot.documents.length, 'document')}, ${plural(snapshot.entities.length, 'entity', 'entities')}, ` +
      `${plural(all.length, 'highlight')}.*`,
    '',
    '## By entity',
  ];
  const sorted = [...snapshot.entities].sort(
    (a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name),
  );
  for (const entity of sorted) {
    out.push('', `### ${isolate(entity.name)} (${entity.type})`);
    if (entity.aliases.length) out.push('', `Also known as: ${isolatedList(entity.aliases)}`);
    if (entity.externalId) out.push('', `Identifier: ${entity.externalId}`);
    if (entity.description.trim()) out.push('', entity.description.trim());
    const tagged = all.filter((a) => a.entityIds.includes(entity.id));
    if (tagged.length === 0) out.push('', '*No highlights.*');
    for (const a of tagged) {
      const home = docs.get(a.documentId);
      if (home) out.push('', quoteEntry(a, home.document, entities));
    }
  }
  out.push('', '## By document');
  for (const { document, annotations } of snapshot.documents) {
    out.push('', `### ${isolate(document.title)}`, '', citation(document));
    // Markdown has no lang attribute: the language is said, for the reader and for tools.
    const language = languageLabel(document.source.language, document.source.direction);
    if (language) out.push('', `Language: ${language}.`);
    const from = document.source.fileName
      ? `Imported from ${document.source.fileName} (${document.contentHash}). `
      : `Source file ${document.contentHash}. `;
    out.push(
      '',
      `${from}Quotes are from revision ${document.revision} of its text, ${sha256(document.text)}.`,
    );
    const ordered = [...annotations].sort(
      (a, b) => a.target.position.start - b.target.position.start,
    );
    if (ordered.length === 0) out.push('', '*No highlights.*');
    for (const a of ordered) out.push('', quoteEntry(a, document, entities));
  }
  if (snapshot.notes.length) {
    out.push('', '## Notes');
    for (const note of snapshot.notes)
      out.push('', `### ${note.title || 'Untitled note'}`, '', note.body.trim());
  }
  return `${out.join('\n')}\n`;
}
