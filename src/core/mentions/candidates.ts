// Candidate entities not yet in the registry: proper-name sequences that compromise (an
// offline English tagger, no model download) reads as people, places or organisations,
// counted across documents and ranked by frequency. English only: for other scripts the
// researcher still has find mentions and the entity form.
import nlp from 'compromise';
import type { Candidate } from '../../shared/methods/mentions';
import type { Document, DocumentFile, Entity } from '../../shared/model';
import { foldForMatch } from '../../shared/text';

/** Tagging is the slow part (about 1 MB/s), so only the newest documents are read. */
export const CANDIDATE_DOCUMENTS = 300;

type Found = { name: string; type: string }[];
const perDocument = new WeakMap<Document, Found>();

const tidy = (s: string): string =>
  s
    .replace(/[’']s$/u, '')
    .replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, (edge) =>
      // An acronym keeps its last full stop ("U.S."), anything else loses its punctuation.
      edge.startsWith('.') && /\.\p{L}$/u.test(s.slice(0, s.length - edge.length)) ? '.' : '',
    )
    .replace(/\s+/g, ' ');

function namesIn(document: Document): Found {
  const cached = perDocument.get(document);
  if (cached) return cached;
  const doc = nlp(document.text);
  const found: Found = [];
  const kinds = [
    ['person', doc.people()],
    ['place', doc.places()],
    ['organization', doc.organizations()],
  ] as const;
  for (const [type, view] of kinds) {
    for (const text of view.not('(#Honorific|#Title|#Actor)').out('array') as string[]) {
      const name = tidy(text);
      // A proper name: at least one capital letter and more than two characters.
      if (name.length > 2 && /\p{Lu}/u.test(name)) found.push({ name, type });
    }
  }
  perDocument.set(document, found);
  return found;
}

export function findCandidates(
  files: readonly DocumentFile[],
  entities: readonly Entity[],
): Candidate[] {
  const known = new Set(entities.flatMap((e) => [e.name, ...e.aliases]).map(foldForMatch));
  const newest = [...files]
    .sort((a, b) => b.document.createdAt.localeCompare(a.document.createdAt))
    .slice(0, CANDIDATE_DOCUMENTS);
  const counts = new Map<string, Candidate>();
  for (const { document } of newest) {
    for (const { name, type } of namesIn(document)) {
      const folded = foldForMatch(name);
      if (known.has(folded)) continue;
      const entry = counts.get(folded) ?? { name, type, count: 0 };
      entry.count++;
      counts.set(folded, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
