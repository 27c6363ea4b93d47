// Candidate entities not yet in the registry: proper-name sequences that compromise (an
// offline English tagger, no model download) reads as people, places or organisations,
// counted across documents and ranked by frequency; a name after a title ("Interior
// Minister Ahmad Vahidi") is a person, and a name's last word may say its type better
// than the tagger does (candidate-types.ts). English only: for other scripts the
// researcher still has find mentions and the entity form.
import nlp from 'compromise';
import type { Candidate } from '../../shared/methods/mentions';
import type { Document, DocumentFile, Entity } from '../../shared/model';
import { foldForMatch } from '../../shared/text';
import { headedNames, headsFrom, typeOf, type Heads } from './candidate-types';

/** Tagging is the slow part (about 1 MB/s), so only the newest documents are read. */
export const CANDIDATE_DOCUMENTS = 300;

/** A name as found; `titled` when a title before it made it a person. */
type Found = { name: string; type: string; titled?: true }[];
const perDocument = new WeakMap<Document, Found>();

const tidy = (s: string): string =>
  s
    .replace(/[’']s$/u, '')
    .replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, (edge) =>
      // An acronym keeps its last full stop ("U.S."), anything else loses its punctuation.
      edge.startsWith('.') && /\.\p{L}$/u.test(s.slice(0, s.length - edge.length)) ? '.' : '',
    )
    .replace(/\s+/g, ' ');

/**
 * Offices that come before a person's name in news and reports ("Foreign Minister Hossein
 * Amir Abollahian", "Secretary Ali Shamkhani"). The tagger often misses a name after a
 * title, or takes the title into it; the title itself is the surest sign of a person.
 */
const TITLED = new RegExp(
  String.raw`\b(?:Minister|Secretary|Chief|President|Vice-President|Ayatollah|Prosecutor|Judge|` +
    String.raw`General|Commander|Speaker|Spokesman|Spokeswoman|Spokesperson|Ambassador|Governor|` +
    String.raw`Mayor|Senator|Envoy|Rapporteur|Cleric|Dr\.?|Mr\.?|Mrs\.?|Ms\.?)\s+` +
    // Two to four capitalised words, the last not followed by another capitalised one.
    String.raw`(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,3})\b`,
  'gu',
);

/** People named after a title, each time they are. */
function titledPeople(text: string): Found {
  return [...text.matchAll(TITLED)].map((m) => ({
    name: tidy(m[1]!),
    type: 'person',
    titled: true as const,
  }));
}

function namesIn(document: Document): Found {
  const cached = perDocument.get(document);
  if (cached) return cached;
  const doc = nlp(document.text);
  const titled = titledPeople(document.text);
  // A name found after a title is a person, whatever the tagger took it for; it is counted
  // from the titled pass alone so that one mention is not counted twice.
  const people = new Set(titled.map((t) => foldForMatch(t.name)));
  const found: Found = [...titled];
  const kinds = [
    ['person', doc.people()],
    ['place', doc.places()],
    ['organization', doc.organizations()],
  ] as const;
  for (const [type, view] of kinds) {
    for (const text of view.not('(#Honorific|#Title|#Actor)').out('array') as string[]) {
      const name = tidy(text);
      // A proper name: at least one capital letter and more than two characters.
      if (name.length > 2 && /\p{Lu}/u.test(name) && !people.has(foldForMatch(name)))
        found.push({ name, type });
    }
  }
  perDocument.set(document, found);
  return found;
}

/**
 * The names of one document with the types the registry and the heads give them, plus
 * those the tagger missed that a head names ("Evin Prison"); terms ("Cross-Site
 * Scripting") are left out.
 */
function typedNamesIn(document: Document, heads: Heads): Found {
  const tagged = namesIn(document);
  const seen = new Set(tagged.map((f) => foldForMatch(f.name)));
  const headed = headedNames(document.text, heads).filter((f) => !seen.has(foldForMatch(f.name)));
  const typed: Found = [];
  const all: Found = [...tagged, ...headed];
  for (const found of all) {
    const type = found.titled ? found.type : typeOf(found.name, found.type, heads);
    if (type) typed.push({ name: found.name, type });
  }
  return typed;
}

export function findCandidates(
  files: readonly DocumentFile[],
  entities: readonly Entity[],
): Candidate[] {
  const known = new Set(entities.flatMap((e) => [e.name, ...e.aliases]).map(foldForMatch));
  const heads = headsFrom(entities);
  const newest = [...files]
    .sort((a, b) => b.document.createdAt.localeCompare(a.document.createdAt))
    .slice(0, CANDIDATE_DOCUMENTS);
  const counts = new Map<string, Candidate>();
  for (const { document } of newest) {
    for (const { name, type } of typedNamesIn(document, heads)) {
      const folded = foldForMatch(name);
      if (known.has(folded)) continue;
      const entry = counts.get(folded) ?? { name, type, count: 0 };
      entry.count++;
      counts.set(folded, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
