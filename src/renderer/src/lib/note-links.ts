// `[[...]]` links in a note's body: finding them, resolving each to an entity (by name or
// alias) or a document (by title), and the backlinks this gives. Kept in this one module so
// a shared resolver in src/shared can replace it without touching the components.
//
// Syntax: `[[target]]` or `[[target|shown text]]`, on one line, with no brackets inside.
// Matching ignores case, accents, Arabic/Persian letter variants and repeated spaces; an
// entity's name wins over another's alias, and any entity over a document's title.
import type { Note } from '../../../shared/model';
import { foldForMatch } from '../../../shared/text';

export interface NoteLink {
  /** What the link names, trimmed. */
  target: string;
  /** What the link shows: the text after `|`, else the target. */
  label: string;
  /** Where `[[` starts and `]]` ends in the text. */
  start: number;
  end: number;
}

export type LinkTarget =
  { kind: 'entity'; id: string; name: string } | { kind: 'document'; id: string; title: string };

export interface LinkIndex {
  resolve(target: string): LinkTarget | undefined;
}

const LINK = /\[\[([^[\]\n]{1,300})\]\]/g;

/** Every well-formed `[[...]]` link in `text`, in order. */
export function parseNoteLinks(text: string): NoteLink[] {
  const links: NoteLink[] = [];
  for (const match of text.matchAll(LINK)) {
    const inner = match[1]!;
    const bar = inner.indexOf('|');
    const target = (bar < 0 ? inner : inner.slice(0, bar)).trim();
    const label = bar < 0 ? target : inner.slice(bar + 1).trim() || target;
    if (!target) continue;
    links.push({ target, label, start: match.index, end: match.index + match[0].length });
  }
  return links;
}

const key = (name: string): string => foldForMatch(name.trim().replace(/\s+/g, ' '));

/** Resolves link targets against the workspace's entities and documents. */
export function buildLinkIndex(
  entities: readonly { id: string; name: string; aliases: readonly string[] }[],
  documents: readonly { id: string; title: string }[],
): LinkIndex {
  const byKey = new Map<string, LinkTarget>();
  // Filled from the weakest claim to the strongest, so a stronger one overwrites.
  for (const d of documents)
    byKey.set(key(d.title), { kind: 'document', id: d.id, title: d.title });
  for (const e of entities) {
    for (const alias of e.aliases)
      byKey.set(key(alias), { kind: 'entity', id: e.id, name: e.name });
  }
  for (const e of entities) byKey.set(key(e.name), { kind: 'entity', id: e.id, name: e.name });
  return { resolve: (target) => byKey.get(key(target)) };
}

/** The entities and documents a note links, chosen or named in its body. */
export function linkedRecords(
  note: Note,
  index: LinkIndex,
): { entityIds: Set<string>; documentIds: Set<string> } {
  const entityIds = new Set(note.entityIds);
  const documentIds = new Set(note.documentIds);
  for (const link of parseNoteLinks(note.body)) {
    const found = index.resolve(link.target);
    if (found) (found.kind === 'entity' ? entityIds : documentIds).add(found.id);
  }
  return { entityIds, documentIds };
}

export type BacklinkTarget = { kind: 'entity' | 'document' | 'highlight'; id: string };

/** Whether a note links the target, through its chosen links or its body's `[[...]]`. */
export function noteLinks(note: Note, target: BacklinkTarget, index: LinkIndex): boolean {
  if (target.kind === 'highlight') return note.annotationIds.includes(target.id);
  const chosen = target.kind === 'entity' ? note.entityIds : note.documentIds;
  if (chosen.includes(target.id)) return true;
  return parseNoteLinks(note.body).some((link) => {
    const found = index.resolve(link.target);
    return found?.kind === target.kind && found.id === target.id;
  });
}

/** The notes that link the target, most recently updated first. */
export function notesLinking(
  notes: readonly Note[],
  target: BacklinkTarget,
  index: LinkIndex,
): Note[] {
  return notes
    .filter((n) => noteLinks(n, target, index))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
