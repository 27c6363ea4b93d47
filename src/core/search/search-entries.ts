// What the search index holds for each record: a document's metadata and each of its
// blocks, a highlight (quote, note, tags), an entity (name, aliases, description) and a
// free-standing note (title, body, its links), each as one entry keyed by kind and id;
// and an entry found by a query as the hit a search answers with.
import type { Annotation, Document, Entity, Note } from '../../shared/model';
import { markdownText } from '../../shared/markdown-text';
import { parseNoteLinks } from '../../shared/note-links';
import { buildSnippet, snippetWords, type QueryPlan } from '../../shared/search';
import type { SearchHit, SearchKind } from '../../shared/methods/search';

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
    // Snippets show the note's words, not its Markdown.
    snippetText: [a.target.quote.exact, markdownText(a.note), ...a.tags].filter(Boolean).join('\n'),
    documentId: a.documentId,
    start: a.target.position.start,
    end: a.target.position.end,
    entityIds: a.entityIds,
    annotationKind: a.kind,
  };
}

export function entityEntry(e: Entity): Entry {
  const text = [e.name, ...e.aliases, e.description].filter(Boolean).join('\n');
  const snippetText = [e.name, ...e.aliases, markdownText(e.description)]
    .filter(Boolean)
    .join('\n');
  return { key: `e:${e.id}`, kind: 'entity', title: e.name, text, snippetText, entityType: e.type };
}

export function noteEntry(note: Note): Entry {
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

/** An entry as a search hit: its snippet around the words `plan` matched, and where it is. */
export function hitOf(
  entry: Entry,
  plan: QueryPlan,
  titleOf: (documentId: string) => string | undefined,
): SearchHit {
  const text = entry.snippetText ?? entry.text;
  const words = snippetWords(text, plan);
  const id = entry.key.slice(2);
  const snippet = buildSnippet(text, words);
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
    hit.end = entry.start + (last?.end ?? entry.text.length);
  } else if (entry.kind === 'highlight') {
    hit.start = entry.start;
    hit.end = entry.end;
  }
  if (entry.annotationKind) hit.annotationKind = entry.annotationKind;
  if (entry.entityType) hit.entityType = entry.entityType;
  return hit;
}
