// The one `[[link]]` grammar of the workbench: where links stand in a Markdown text (a
// note, a highlight's note, an entity's description), and which entity, document or note
// each names. The core's search (filtering notes by what they link) and the window
// (rendering links and backlinks) both read links here, so they cannot disagree.
//
// Syntax: `[[target]]` or `[[target|label]]`, on one line, with no brackets inside. A
// target is compared in search's folding (see linkKey), so "U.S." finds "US", "Noury's"
// finds "Noury", "Hamid-Noury" finds "Hamid Noury", and Persian written with a ZWNJ, a
// space or nothing finds the same name.
import type { Document, Entity, Note } from './model';
import { searchTokens } from './text';

export interface NoteLink {
  /** What the link names: the text before `|` (or all of it), trimmed. */
  target: string;
  /** What the link shows: the text after `|`, else the target. */
  label: string;
  /** Offsets of the whole link in the text, brackets included. */
  start: number;
  end: number;
}

export type NoteLinkKind = 'entity' | 'document' | 'note';

export interface NoteLinkTarget {
  kind: NoteLinkKind;
  id: string;
}

export interface LinkTargets {
  entities: Iterable<Pick<Entity, 'id' | 'name'> & { aliases: readonly string[] }>;
  documents: Iterable<Pick<Document, 'id' | 'title'>>;
  /** Notes, named by their titles: links between notes. */
  notes?: Iterable<Pick<Note, 'id' | 'title'>>;
}

// One line, no brackets inside: "[[a]] and [[b]]" is two links, "[[a\nb]]" none.
const LINK = /\[\[([^[\]\n]{1,500})\]\]/g;

/** The links of a text, in text order. Empty brackets (or an empty target) are no link. */
export function parseNoteLinks(text: string): NoteLink[] {
  const links: NoteLink[] = [];
  for (const match of text.matchAll(LINK)) {
    const inner = match[1]!;
    const bar = inner.indexOf('|');
    const target = (bar < 0 ? inner : inner.slice(0, bar)).trim();
    if (!target) continue;
    const label = (bar < 0 ? '' : inner.slice(bar + 1).trim()) || target;
    links.push({ target, label, start: match.index, end: match.index + match[0].length });
  }
  return links;
}

/**
 * The form two names are compared in: the search folding (case, accents, Arabic/Persian
 * letters, "U.S."/"US", a possessive, digit groups), words apart by any run of spaces or
 * punctuation, and two Arabic-script words joined, since Persian may write a ZWNJ, a space
 * or nothing there.
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
 * A resolver for link targets: an entity whose name folds equal to the target, else one
 * whose alias does, else a document whose title does, else a note whose title does; the
 * first in the given order wins a tie. Build it once per set of records and call it for
 * each link's target.
 */
export function noteLinkResolver(
  targets: LinkTargets,
): (target: string) => NoteLinkTarget | undefined {
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
  for (const n of targets.notes ?? []) offer(n.title, { kind: 'note', id: n.id });
  return (target) => byKey.get(linkKey(target));
}

/** A record a note can link: a highlight only by choice, the others by choice or by name. */
export type BacklinkTarget = { kind: NoteLinkKind | 'highlight'; id: string };

/**
 * Whether a note links the target, through the links chosen for it or a `[[...]]` in its
 * body resolved by `resolve` (a noteLinkResolver): the dossier's notes in the window and
 * in its export, and every backlink, are this one test.
 */
export function noteLinksTo(
  note: Pick<Note, 'id' | 'body' | 'entityIds' | 'documentIds' | 'annotationIds'>,
  target: BacklinkTarget,
  resolve: (text: string) => NoteLinkTarget | undefined,
): boolean {
  if (target.kind === 'highlight') return note.annotationIds.includes(target.id);
  if (target.kind === 'note' && note.id === target.id) return false;
  if (target.kind === 'entity' && note.entityIds.includes(target.id)) return true;
  if (target.kind === 'document' && note.documentIds.includes(target.id)) return true;
  return parseNoteLinks(note.body).some((link) => {
    const found = resolve(link.target);
    return found?.kind === target.kind && found.id === target.id;
  });
}
