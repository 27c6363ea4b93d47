// `[[Name]]` links in a note's body: where they are, and which entity or document each
// names. One module for the core (search filters notes by what they link to) and the UI
// (rendering links and backlinks), so both read a link the same way.
import type { Document, Entity } from './model';
import { searchTokens } from './text';

export interface NoteLink {
  /** The text between the brackets, trimmed. */
  text: string;
  /** Offsets of the whole link in the body, brackets included. */
  start: number;
  end: number;
}

export interface NoteLinkTarget {
  kind: 'entity' | 'document';
  id: string;
}

export interface LinkTargets {
  entities: Iterable<Pick<Entity, 'id' | 'name' | 'aliases'>>;
  documents: Iterable<Pick<Document, 'id' | 'title'>>;
}

// One line, no brackets inside: "[[a]] and [[b]]" is two links, "[[a\nb]]" none.
const LINK = /\[\[([^[\]\n]{1,500})\]\]/g;

/** The links of a body, in text order. Empty brackets are no link. */
export function parseNoteLinks(body: string): NoteLink[] {
  const links: NoteLink[] = [];
  for (const match of body.matchAll(LINK)) {
    const text = match[1]!.trim();
    if (text) links.push({ text, start: match.index, end: match.index + match[0].length });
  }
  return links;
}

/**
 * The form two names are compared in: the search folding (case, accents, Arabic/Persian
 * letters, "U.S."/"US", digit groups), words apart by any run of spaces or punctuation, and
 * two Arabic-script words joined, since Persian may write a ZWNJ, a space or nothing there.
 */
export function linkKey(text: string): string {
  let key = '';
  for (const token of searchTokens(text)) {
    const joins = /[\u0600-\u06FF]$/.test(key) && /^[\u0600-\u06FF]/.test(token);
    key += key && !joins ? ` ${token}` : token;
  }
  return key;
}

/**
 * A resolver for link texts: an entity whose name folds equal to the text, else one whose
 * alias does, else a document whose title does; the first in the given order wins a tie.
 * Build it once per set of entities and documents and call it for each link.
 */
export function noteLinkResolver(
  targets: LinkTargets,
): (text: string) => NoteLinkTarget | undefined {
  const byKey = new Map<string, NoteLinkTarget>();
  const offer = (name: string, target: NoteLinkTarget): void => {
    const key = linkKey(name);
    if (key && !byKey.has(key)) byKey.set(key, target);
  };
  const entities = [...targets.entities];
  for (const e of entities) offer(e.name, { kind: 'entity', id: e.id });
  for (const e of entities)
    for (const alias of e.aliases) offer(alias, { kind: 'entity', id: e.id });
  for (const d of targets.documents) offer(d.title, { kind: 'document', id: d.id });
  return (text) => byKey.get(linkKey(text));
}
