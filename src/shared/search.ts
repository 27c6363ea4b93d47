// Search results as the API returns them, and the snippet builder: a short excerpt around
// the first matched word, split into plain and matched parts so the UI can mark matches
// without ever rendering HTML.
import { z } from 'zod';
import { AnnotationKind, Id } from './model';
import { foldForMatch, WORD } from './text';

export const SEARCH_KINDS = ['entity', 'highlight', 'document', 'block', 'note'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SearchInput = z.strictObject({
  query: z.string().trim().min(1, 'type something to search for').max(500),
  kinds: z.array(z.enum(SEARCH_KINDS)).max(SEARCH_KINDS.length).optional(),
  entityId: Id.optional(),
  documentId: Id.optional(),
  annotationKind: AnnotationKind.optional(),
  limit: z.number().int().min(1).max(500).default(50),
});

export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  kind: SearchKind;
  /** The entity, annotation or document id; for a block, `<documentId>:<block index>`. */
  id: string;
  documentId?: string;
  documentTitle?: string;
  /** Where in the document's text the hit is, for blocks and highlights. */
  start?: number;
  end?: number;
  title: string;
  snippet: SnippetPart[];
  annotationKind?: z.infer<typeof AnnotationKind>;
  entityType?: string;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Hits found before the limit was applied. */
  total: number;
}

/** Offsets of every word in `text` that starts with one of the folded query tokens. */
export function matchedWords(
  text: string,
  queryTokens: readonly string[],
): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  if (queryTokens.length === 0) return found;
  for (const word of text.matchAll(WORD)) {
    const folded = foldForMatch(word[0]);
    if (queryTokens.some((q) => folded.startsWith(q))) {
      found.push({ start: word.index, end: word.index + word[0].length });
    }
  }
  return found;
}

/** About `width` characters around the first match, with every match in it marked. */
export function buildSnippet(
  text: string,
  queryTokens: readonly string[],
  width = 160,
): SnippetPart[] {
  const words = matchedWords(text, queryTokens);
  const first = words[0]?.start ?? 0;
  let from = Math.max(0, first - Math.floor(width / 3));
  let to = Math.min(text.length, from + width);
  if (from > 0) from = text.lastIndexOf(' ', from) + 1; // a whole first word, or the start
  if (to < text.length) to = text.indexOf(' ', to) >= 0 ? text.indexOf(' ', to) : text.length;
  const parts: SnippetPart[] = [];
  let at = from;
  const push = (end: number, match: boolean): void => {
    if (end > at) parts.push({ text: text.slice(at, end).replace(/\s+/g, ' '), match });
    at = end;
  };
  if (from > 0) parts.push({ text: '…', match: false });
  for (const word of words) {
    if (word.end <= from || word.start >= to) continue;
    push(Math.max(at, word.start), false);
    push(Math.min(to, word.end), true);
  }
  push(to, false);
  if (to < text.length) parts.push({ text: '…', match: false });
  return parts;
}
