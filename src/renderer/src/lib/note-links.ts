// `[[...]]` links as the window uses them: the grammar and the resolving are the shared
// ones (src/shared/note-links.ts, which search uses too); this adds the names the window
// shows for what a link resolves to, and the backlinks the links give.
import type { Note } from '../../../shared/model';
import {
  noteLinkResolver,
  noteLinksTo,
  parseNoteLinks,
  type BacklinkTarget,
} from '../../../shared/note-links';
import { noteTitle } from './labels';

export { parseNoteLinks, type BacklinkTarget, type NoteLink } from '../../../shared/note-links';

export type LinkTarget =
  | { kind: 'entity'; id: string; name: string }
  | { kind: 'document'; id: string; title: string }
  | { kind: 'note'; id: string; title: string };

export interface LinkIndex {
  resolve(target: string): LinkTarget | undefined;
}

/** Resolves link targets against the workspace's entities, documents and notes. */
export function buildLinkIndex(
  entities: readonly { id: string; name: string; aliases: readonly string[] }[],
  documents: readonly { id: string; title: string }[],
  notes: readonly Pick<Note, 'id' | 'title'>[] = [],
): LinkIndex {
  const resolve = noteLinkResolver({ entities, documents, notes });
  const entityName = new Map(entities.map((e) => [e.id, e.name]));
  const documentTitle = new Map(documents.map((d) => [d.id, d.title]));
  const note = new Map(notes.map((n) => [n.id, n]));
  return {
    resolve(target) {
      const found = resolve(target);
      if (!found) return undefined;
      const { kind, id } = found;
      if (kind === 'entity') return { kind, id, name: entityName.get(id) ?? '' };
      if (kind === 'document') return { kind, id, title: documentTitle.get(id) ?? '' };
      return { kind, id, title: noteTitle(note.get(id) ?? { title: '' }) };
    },
  };
}

/** The entities, documents and notes a text links by `[[...]]`, in the order first named. */
export function namedRecords(text: string, index: LinkIndex): LinkTarget[] {
  const seen = new Set<string>();
  const out: LinkTarget[] = [];
  for (const link of parseNoteLinks(text)) {
    const found = index.resolve(link.target);
    if (!found || seen.has(`${found.kind}:${found.id}`)) continue;
    seen.add(`${found.kind}:${found.id}`);
    out.push(found);
  }
  return out;
}

/** The entities and documents a note links, chosen or named in its body. */
export function linkedRecords(
  note: Note,
  index: LinkIndex,
): { entityIds: Set<string>; documentIds: Set<string>; noteIds: Set<string> } {
  const entityIds = new Set(note.entityIds);
  const documentIds = new Set(note.documentIds);
  const noteIds = new Set<string>();
  for (const found of namedRecords(note.body, index)) {
    if (found.kind === 'entity') entityIds.add(found.id);
    else if (found.kind === 'document') documentIds.add(found.id);
    else if (found.id !== note.id) noteIds.add(found.id);
  }
  return { entityIds, documentIds, noteIds };
}

/** Whether a note links the target, through its chosen links or its body's `[[...]]`. */
export const noteLinks = (note: Note, target: BacklinkTarget, index: LinkIndex): boolean =>
  noteLinksTo(note, target, (text) => index.resolve(text));

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
