// What is known of where a source came from, said plainly: each field a citation needs
// (author, publisher, date published, address, date accessed) with its value, or "source
// not recorded" when the workspace does not have it. Nothing is guessed or filled in: a
// pasted text with no details is cited by its title and says which details are missing.
import type { Document } from '../../shared/model';

export const NOT_RECORDED = 'source not recorded';

export interface ProvenanceField {
  label: string;
  value: string | undefined;
}

export function provenance(doc: Pick<Document, 'source'>): ProvenanceField[] {
  const s = doc.source;
  const field = (label: string, value: string | undefined): ProvenanceField => ({
    label,
    value: value?.trim() || undefined,
  });
  return [
    field('Author', s.author),
    field('Publisher', s.publisher ?? s.containerTitle),
    field('Published', s.publishedDate),
    field('Address', s.url ?? (s.doi ? `https://doi.org/${s.doi}` : undefined)),
    field('Accessed', s.accessedDate),
  ];
}

/** "author, publisher and date" for the fields that are missing, or '' when none is. */
export function missingFields(doc: Pick<Document, 'source'>): string {
  const missing = provenance(doc)
    .filter((f) => f.value === undefined && f.label !== 'Accessed')
    .map((f) => (f.label === 'Published' ? 'date' : f.label.toLowerCase()));
  if (missing.length < 2) return missing.join('');
  return `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)!}`;
}

/**
 * A plain-text citation for views and briefs that do not use a citation style:
 * “Title”. Author. Publisher, date. Address — with what is missing named, e.g.
 * “Title” (author, publisher, date and address: source not recorded).
 */
export function plainCitation(doc: Pick<Document, 'title' | 'source'>): string {
  const { author, publisher, publishedDate, url } = doc.source;
  const date = publishedDate ? publishedDate.slice(0, 10) : undefined;
  const parts = [`“${doc.title}”`, author, [publisher, date].filter(Boolean).join(', '), url];
  const known = parts.filter(Boolean).join('. ');
  const missing = missingFields(doc);
  return missing ? `${known} (${missing}: ${NOT_RECORDED})` : known;
}
