// What the search index holds for each record: a document's metadata and each of its
// blocks, a highlight (quote, note, tags), an entity (name, aliases, description) and a
// free-standing note (title, body, its links), each as one entry keyed by kind and id; and
// an entry found by a query as the hit a search answers with. The texts of blocks and
// highlights are indexed and let go (a workspace of 20,000 documents would otherwise keep
// every text in memory); a hit's snippet is cut from its document when it is shown.
import type { Annotation, Document, Entity, Note } from '../../shared/model';
import { markdownText } from '../../shared/markdown-text';
import { parseNoteLinks } from '../../shared/note-links';
import { buildSnippet, snippetWords, type QueryPlan } from '../../shared/search';
import type { SearchHit, SearchKind } from '../../shared/methods/search';

export interface Entry {
  key: string;
  kind: SearchKind;
  title: string;
  /** What is indexed. Kept only for entities, notes and document details (all small). */
  text?: string;
  /** What the snippet is cut from, when not `text` (a note's body). */
  snippetText?: string;
  documentId?: string;
  /** Offset of a block in the document's canonical text, or the highlight's range. */
  start?: number;
  end?: number;
  entityIds?: readonly string[];
  /** A note's documents, and the texts of its `[[...]]` links. */
  documentIds?: readonly string[];
  links?: readonly string[];
  annotationKind?: Annotation['kind'];
  entityType?: string;
}

/** An entry with the text to index, as made from a record. */
export type Indexable = Entry & { text: string };

/** A note's name in results: its title, else the first line of its body. */
export function noteTitle(note: Pick<Note, 'title' | 'body'>): string {
  const line = note.title.trim() || (note.body.split('\n').find((l) => l.trim()) ?? '').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

type DocumentDetails = Pick<Document, 'id' | 'title' | 'source'>;

/** A document's details as one entry: what the library lists (title, author, site…). */
export function documentEntry(doc: DocumentDetails): Indexable {
  const { author, publisher, url, publishedDate, fileName } = doc.source;
  const text = [doc.title, author, publisher, url, publishedDate, fileName]
    .filter(Boolean)
    .join(' · ');
  return { key: `d:${doc.id}`, kind: 'document', title: doc.title, text, documentId: doc.id };
}

export const blockKey = (documentId: string, i: number): string => `b:${documentId}:${i}`;

export function documentEntries(doc: Document): Indexable[] {
  return [
    documentEntry(doc),
    ...doc.blocks.map((block, i): Indexable => ({
      key: blockKey(doc.id, i),
      kind: 'block',
      title: doc.title,
      text: doc.text.slice(block.start, block.end),
      documentId: doc.id,
      start: block.start,
      end: block.end,
    })),
  ];
}

/** What a highlight's entry indexes: its quote, note and tags. */
export const annotationText = (a: Annotation): string =>
  [a.target.quote.exact, a.note, ...a.tags].filter(Boolean).join('\n');

/**
 * What a highlight's snippet is cut from: the quote, the note's words (not its Markdown)
 * and the tags, set apart, as an entity's names are (a snippet makes line breaks spaces,
 * which ran the quote into the note).
 */
export const annotationSnippet = (a: Annotation): string =>
  [a.target.quote.exact, markdownText(a.note), a.tags.length ? `Tags: ${a.tags.join(' · ')}` : '']
    .filter(Boolean)
    .join(' — ');

export function annotationEntry(a: Annotation): Indexable {
  return {
    key: `a:${a.id}`,
    kind: 'highlight',
    title: a.target.quote.exact,
    text: annotationText(a),
    documentId: a.documentId,
    start: a.target.position.start,
    end: a.target.position.end,
    entityIds: a.entityIds,
    annotationKind: a.kind,
  };
}

export function entityEntry(e: Entity): Indexable {
  const text = [e.name, ...e.aliases, e.description].filter(Boolean).join('\n');
  // Snippets show the description's words, not its Markdown, and the aliases as a list in
  // brackets (a snippet makes every line break a space, which ran the names together), with
  // no label word a search for that word would mark.
  const names = e.aliases.length ? `${e.name} (${e.aliases.join(' · ')})` : e.name;
  const snippetText = [names, markdownText(e.description)].filter(Boolean).join(' — ');
  return { key: `e:${e.id}`, kind: 'entity', title: e.name, text, snippetText, entityType: e.type };
}

export function noteEntry(note: Note): Indexable {
  return {
    key: `n:${note.id}`,
    kind: 'note',
    title: noteTitle(note),
    text: `${note.title}\n${note.body}`,
    snippetText: markdownText(note.body),
    entityIds: note.entityIds,
    documentIds: note.documentIds,
    links: parseNoteLinks(note.body).map((l) => l.target),
  };
}

/** An entry as kept once indexed: the text of a block or a highlight goes. */
export function kept(entry: Indexable): Entry {
  if (entry.kind !== 'block' && entry.kind !== 'highlight') return entry;
  const { text: _text, ...rest } = entry;
  return rest;
}

/**
 * An entry as a search hit: its snippet around the words `plan` matched, and where it is.
 * `text` is what the entry indexed (for a block or a highlight, read from its document).
 */
export function hitOf(
  entry: Entry,
  text: string,
  plan: QueryPlan,
  titleOf: (documentId: string) => string | undefined,
): SearchHit {
  const source = entry.snippetText ?? text;
  const words = snippetWords(source, plan);
  const id = entry.key.slice(2);
  const snippet = buildSnippet(source, words);
  if (entry.kind === 'note') return { kind: 'note', id, title: entry.title, snippet };
  const hit: SearchHit = { kind: entry.kind, id, title: entry.title, snippet };
  if (entry.documentId) {
    hit.documentId = entry.documentId;
    hit.documentTitle = titleOf(entry.documentId) ?? entry.title;
  }
  if (entry.kind === 'block' && entry.start !== undefined) {
    // From the first matched word to the last one near it, so a phrase flashes whole.
    const first = words[0];
    const last = words.filter((w) => first && w.end - first.start <= 200).at(-1);
    hit.start = entry.start + (first?.start ?? 0);
    hit.end = entry.start + (last?.end ?? source.length);
  } else if (entry.kind === 'highlight') {
    hit.start = entry.start;
    hit.end = entry.end;
  }
  if (entry.annotationKind) hit.annotationKind = entry.annotationKind;
  if (entry.entityType) hit.entityType = entry.entityType;
  return hit;
}
