// Markdown research notes a researcher can paste into a report: the sources as a
// bibliography in the chosen citation style, then every highlight once, under its source,
// cited in that style with its place (body paragraph, page and paragraph, or heading), its
// entities, codes, links and note; the entities as an index that points to their quotes;
// the free-standing notes; and a verification appendix with the offsets, revisions and
// hashes that let anyone check a quote. Headings nest (# > ## > ### > ####). Text from
// sources and other tools is escaped as text; the user's notes stay Markdown without raw
// HTML (./markdown-escape.ts). A source's missing details are said to be missing. Each
// source says its language (Markdown has no lang attribute); names and titles in a
// right-to-left script are isolated (src/shared/bidi.ts) so they keep their place in a line.
import { citationStyle } from '../../shared/concepts/citation-styles';
import { isolate } from '../../shared/bidi';
import { languageLabel } from '../../shared/language';
import { plural } from '../../shared/text';
import { citerFor } from './citations/engine';
import { toCslItem } from './citations/csl-items';
import { cslHtmlToMarkdown, escapeInline } from './markdown-escape';
import { quoteEntry, type QuoteContext } from './markdown-quotes';
import { entityIndex, notesSection, verificationSection } from './markdown-sections';
import { NOT_RECORDED, provenance } from './provenance';
import type { ExportOptions, Snapshot } from './snapshot';
import type { Annotation, Document } from '../../shared/model';

const LOCALE_NAMES = { 'en-GB': 'English (UK)', 'en-US': 'English (US)' } as const;

/** The fields of a source that are not recorded, each said so, or nothing when all are. */
function missingLine(doc: Document): string[] {
  const missing = provenance(doc).filter((f) => f.value === undefined);
  if (!missing.length) return [];
  return ['', `*${missing.map((f) => `${f.label}: ${NOT_RECORDED}`).join('. ')}.*`];
}

export async function exportMarkdown(snapshot: Snapshot, options: ExportOptions): Promise<string> {
  const style = citationStyle(options.style);
  const citer = await citerFor(
    snapshot.documents.map((d) => toCslItem(d.document)),
    options.style,
    options.locale,
  );
  const ordered = snapshot.documents.map(({ document, annotations }) => ({
    document,
    annotations: [...annotations].sort(
      (a, b) =>
        Number(a.status === 'orphaned') - Number(b.status === 'orphaned') ||
        a.target.position.start - b.target.position.start,
    ),
  }));
  const quotes: Annotation[] = ordered.flatMap((d) => d.annotations);
  const numbers = new Map(quotes.map((a, i) => [a.id, i + 1]));
  const ctx: QuoteContext = {
    snapshot,
    citer,
    noteStyle: style.note,
    entities: new Map(snapshot.entities.map((e) => [e.id, e])),
    numbers,
  };
  const scope = options.code
    ? ` Only highlights coded “${escapeInline(options.code)}” or under it.`
    : '';
  const out: string[] = [
    '# Research notes',
    '',
    `*Exported from Research Workbench on ${snapshot.exportedAt.slice(0, 10)}: ` +
      `${plural(snapshot.documents.length, 'source')}, ${plural(snapshot.entities.length, 'entity', 'entities')}, ` +
      `${plural(quotes.length, 'quote')}. Citations: ${style.label}, ${LOCALE_NAMES[options.locale]}.${scope}*`,
    '',
    '## Sources',
    '',
  ];
  const bibliography = citer.bibliography();
  if (!bibliography.size) out.push('*No sources.*');
  for (const entry of bibliography.values()) out.push(`- ${cslHtmlToMarkdown(entry)}`);
  out.push('', '## Quotes');
  if (!quotes.length) out.push('', '*No highlights.*');
  for (const { document, annotations } of ordered) {
    if (!annotations.length && options.code) continue;
    // The full reference is in Sources above; here only what it lacks is said.
    out.push('', `### ${isolate(escapeInline(document.title))}`);
    const language = languageLabel(document.source.language, document.source.direction);
    if (language) out.push('', `Language: ${language}.`);
    out.push(...missingLine(document));
    if (!annotations.length) out.push('', '*No highlights.*');
    for (const a of annotations) out.push('', quoteEntry(a, document, ctx));
  }
  out.push(...entityIndex(snapshot, quotes, numbers));
  out.push(...notesSection(snapshot.notes));
  out.push(...verificationSection(snapshot, numbers));
  return `${out.join('\n')}\n`;
}
