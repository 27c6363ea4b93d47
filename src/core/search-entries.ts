// What the search index holds for each record: a document's metadata and each of its
// blocks, a highlight (quote, note, tags), an entity (name, aliases, description) and a
// free-standing note (title, body, its links), each as one entry keyed by kind and id.
import type { Annotation, Document, Entity, Note } from '../shared/model';
import { parseNoteLinks } from '../shared/note-links';
import type { SearchKind } from '../shared/search';

export interface Entry {
  key: string;
  kind: SearchKind;
  title: string;
  text: string;
  /** What the snippet is cut from, when not `text` (a note's body). */
  snippetText?: string;
  documentId?: string;
  /** Offset of `text` in the document's canonical text (blocks) or the highlight's range. */
  start?: number;
  end?: number;
  entityIds?: readonly string[];
  /** A note's documents, and the texts of its `[[...]]` links. */
  documentIds?: readonly string[];
  links?: readonly string[];
  annotationKind?: Annotation['kind'];
  entityType?: string;
}

/** A note's name in results: its title, else the first line of its body. */
export function noteTitle(note: Pick<Note, 'title' | 'body'>): string {
  const line = note.title.trim() || (note.body.split('\n').find((l) => l.trim()) ?? '').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

export function documentEntries(doc: Document): Entry[] {
  const { author, publisher, url, publishedDate, fileName } = doc.source;
  const meta = [doc.title, author, publisher, url, publishedDate, fileName]
    .filter(Boolean)
    .join(' · ');
  return [
    { key: `d:${doc.id}`, kind: 'document', title: doc.title, text: meta, documentId: doc.id },
    ...doc.blocks.map((block, i): Entry => ({
      key: `b:${doc.id}:${i}`,
      kind: 'block',
      title: doc.title,
      text: doc.text.slice(block.start, block.end),
      documentId: doc.id,
      start: block.start,
      end: block.end,
    })),
  ];
}

export function annotationEntry(a: Annotation): Entry {
  return {
    key: `a:${a.id}`,
    kind: 'highlight',
    title: a.target.quote.exact,
    text: [a.target.quote.exact, a.note, ...a.tags].filter(Boolean).join('\n'),
    documentId: a.documentId,
    start: a.target.position.start,
    end: a.target.position.end,
    entityIds: a.entityIds,
    annotationKind: a.kind,
  };
}

export function entityEntry(e: Entity): Entry {
  const text = [e.name, ...e.aliases, e.description].filter(Boolean).join('\n');
  return { key: `e:${e.id}`, kind: 'entity', title: e.name, text, entityType: e.type };
}

export function noteEntry(note: Note): Entry {
  return {
    key: `n:${note.id}`,
    kind: 'note',
    title: noteTitle(note),
    text: `${note.title}\n${note.body}`,
    snippetText: note.body,
    entityIds: note.entityIds,
    documentIds: note.documentIds,
    links: parseNoteLinks(note.body).map((l) => l.text),
  };
}
