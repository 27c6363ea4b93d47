// search.*: the workspace searched as you type, and how far its index has come.
import { z } from 'zod';
import { AnnotationKind, Id, Tag } from '../model';
import { Empty } from './workspace';
import { method, namespace } from './define';

export const SEARCH_KINDS = ['entity', 'highlight', 'note', 'document', 'block'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SearchInput = z.strictObject({
  query: z.string().trim().min(1, 'type something to search for').max(500),
  kinds: z.array(z.enum(SEARCH_KINDS)).max(SEARCH_KINDS.length).optional(),
  entityId: Id.optional(),
  documentId: Id.optional(),
  annotationKind: AnnotationKind.optional(),
  /** Only highlights carrying this code or one filed under it. */
  code: Tag.optional(),
  limit: z.number().int().min(1).max(500).default(50),
});

export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  kind: SearchKind;
  /** The entity, annotation, note or document id; for a block, `<documentId>:<block index>`. */
  id: string;
  documentId?: string;
  documentTitle?: string;
  /** Where in the document's text the hit is, for blocks and highlights. */
  start?: number;
  end?: number;
  /** For a note, its title or else the first line of its body. */
  title: string;
  /** For a note, from its body. */
  snippet: SnippetPart[];
  annotationKind?: z.infer<typeof AnnotationKind>;
  entityType?: string;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Hits found before the limit was applied (counted up to a cap). */
  total: number;
}

export const searchMethods = namespace('search', {
  'search.query': method<SearchResult>()(SearchInput),
  /** How far building the search index has come; searches wait until it is complete. */
  'search.status': method<{ indexed: number; total: number; complete: boolean }>()(Empty),
});
