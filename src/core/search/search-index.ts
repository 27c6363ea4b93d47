// The workspace's search index: document blocks, document details, highlight quotes and
// notes, free-standing notes, and entity names, aliases and descriptions. Built when the
// workspace opens and updated entry by entry on every change. Text is folded (case,
// diacritics, Arabic/Persian variants, "U.S.", "5,000", a possessive "'s") by the same
// function for indexing and querying. Words are indexed whole ("strict"); a query's last
// word is expanded to the vocabulary's words that start with it. Blocks and highlights keep
// no text once indexed: a hit's snippet is cut from its document, read when it is shown.
import type { z } from 'zod';
import type { DocumentFile } from '../../shared/model';
import type { NoteLinkTarget } from '../../shared/note-links';
import { parseQuery, type QueryPlan } from '../../shared/search';
import type { SearchInput, SearchKind, SearchResult } from '../../shared/methods/search';
import { CachedIndex } from './cached-index';
import { annotationSnippet, annotationText, hitOf, type Entry } from './search-entries';
import { intersect } from './terms';

export type { AdoptSource } from './cached-index';

/** A search, with the highlights a code filter lets through (computed by the handler). */
type Query = z.output<typeof SearchInput> & { highlightIds?: ReadonlySet<string> };

/** What a search needs from the workspace beyond the index. */
export interface SearchScope {
  titleOf(documentId: string): string | undefined;
  /** The entity or document a note's `[[...]]` link names, if any. */
  resolveLink(text: string): NoteLinkTarget | undefined;
  /** The documents hits are cut from (read if need be). */
  documents(ids: readonly string[]): Promise<Map<string, DocumentFile>>;
}

const KIND_ORDER: Record<SearchKind, number> = {
  entity: 0,
  highlight: 1,
  note: 2,
  document: 3,
  block: 4,
};

/** Hits are counted up to this many (or the limit, if higher): `total` says "at least". */
const TOTAL_CAP = 200;

export class SearchIndex extends CachedIndex {
  private accepts(entry: Entry, q: Query, scope: SearchScope): boolean {
    if (q.kinds && !q.kinds.includes(entry.kind)) return false;
    if (q.annotationKind && entry.annotationKind !== q.annotationKind) return false;
    if (q.highlightIds && !(entry.kind === 'highlight' && q.highlightIds.has(entry.key.slice(2))))
      return false;
    if (q.documentId && !this.links(entry, 'document', q.documentId, scope)) return false;
    if (q.entityId && !this.links(entry, 'entity', q.entityId, scope)) return false;
    return true;
  }

  /** Whether the entry is of (or, for a note, links to) the given document or entity. */
  private links(entry: Entry, kind: NoteLinkTarget['kind'], id: string, scope: SearchScope) {
    if (kind === 'entity' && entry.kind === 'entity') return entry.key === `e:${id}`;
    const direct = kind === 'entity' ? entry.entityIds : (entry.documentIds ?? [entry.documentId]);
    if (direct?.includes(id)) return true;
    return !!entry.links?.some((text) => {
      const target = scope.resolveLink(text);
      return target?.kind === kind && target.id === id;
    });
  }

  /** The ids a document or entity filter lets through, in index order, if it is given. */
  private within(q: Query): number[] | undefined {
    const keys = (filterKeys: Iterable<string>): Set<string> =>
      new Set([...filterKeys, ...this.noteKeys]);
    const sets: Set<string>[] = [];
    if (q.documentId) {
      this.unpark(q.documentId);
      sets.push(keys(this.byDocument.get(q.documentId) ?? []));
    }
    // While documents are parked their highlights are not filed by entity: the filter then
    // does not lead, and each hit is judged by its own entities (`accepts`).
    if (q.entityId && !this.parked.size)
      sets.push(keys([...(this.byEntity.get(q.entityId) ?? []), `e:${q.entityId}`]));
    if (!sets.length) return undefined;
    const smallest = sets.reduce((a, b) => (b.size < a.size ? b : a));
    const ids: number[] = [];
    for (const key of smallest) {
      const id = this.idOf.get(key);
      if (id !== undefined) ids.push(id);
    }
    return ids.sort((a, b) => a - b);
  }

  /**
   * Entries holding every word of some variant of the plan, best first, for which
   * `take` returns true; stops when `take` has had `cap` of them.
   */
  private collect(
    plan: QueryPlan,
    cap: number,
    take: (entry: Entry) => boolean,
    within?: readonly number[],
  ): Entry[] {
    const found: Entry[] = [];
    const seen = new Set<string>();
    for (const variant of plan.variants) {
      const terms = variant.map((word, i) =>
        plan.prefix && i === variant.length - 1
          ? this.words.prefixTerm(word)
          : this.words.term(word),
      );
      intersect(
        terms,
        (id) => {
          const key = this.keyAt(id);
          if (key === undefined || seen.has(key)) return true;
          seen.add(key);
          const entry = this.entries.get(key)!;
          if (take(entry)) found.push(entry);
          return found.length < cap;
        },
        within,
      );
      if (found.length >= cap) break;
    }
    return found;
  }

  async search(q: Query, scope: SearchScope): Promise<SearchResult> {
    const plan = parseQuery(q.query);
    if (!plan.variants.length) return { hits: [], total: 0 };
    const cap = Math.max(TOTAL_CAP, q.limit);
    const found = this.collect(plan, cap, (e) => this.accepts(e, q, scope), this.within(q));
    const ranked = found
      .map((entry, rank) => ({ entry, rank }))
      .sort((a, b) => KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] || a.rank - b.rank)
      .slice(0, q.limit)
      .map(({ entry }) => entry);
    // Snippets of blocks and highlights are cut from their documents, read only for these.
    const needed = new Set<string>();
    for (const e of ranked) if (e.text === undefined && e.documentId) needed.add(e.documentId);
    const documents = needed.size ? await scope.documents([...needed]) : new Map();
    const hits = [];
    for (const entry of ranked) {
      const source = sourceOf(entry, documents);
      if (!source) continue;
      hits.push(hitOf(source.entry, source.text, plan, (id) => scope.titleOf(id)));
    }
    return { hits, total: found.length - (ranked.length - hits.length) };
  }

  /** The engine alone, without filters or snippets: what the benchmark compares. */
  keys(query: string, limit: number): string[] {
    return this.collect(parseQuery(query), limit, () => true).map((e) => e.key);
  }

  /**
   * The blocks holding every one of `tokens` as a whole word, by document: where find
   * mentions needs to look, so it reads a few paragraphs instead of every document.
   */
  blocksWithAll(tokens: readonly string[]): Map<string, { start: number; end: number }[]> {
    const cacheKey = tokens.join(' ');
    const cached = this.lookups.get(cacheKey);
    if (cached) return cached;
    const out = new Map<string, { start: number; end: number }[]>();
    this.lookups.set(cacheKey, out);
    if (!tokens.length) return out;
    const add = (documentId: string, start: number, end: number): void => {
      const list = out.get(documentId) ?? [];
      list.push({ start, end });
      out.set(documentId, list);
    };
    // A parked block is answered from its saved unit, its document left parked.
    intersect(
      tokens.map((word) => this.words.term(word)),
      (id) => {
        const key = this.keyOf.get(id);
        if (key === undefined) {
          const block = this.parked.blockAt(id);
          if (block) add(block.documentId, block.start, block.end);
          return true;
        }
        const entry = this.entries.get(key)!;
        if (entry.kind === 'block' && entry.documentId && entry.start !== undefined)
          add(entry.documentId, entry.start, entry.end ?? entry.start);
        return true;
      },
    );
    return out;
  }
}

/** An entry with its text, from the documents read for the hits (undefined: it is gone). */
function sourceOf(
  entry: Entry,
  documents: ReadonlyMap<string, DocumentFile>,
): { entry: Entry; text: string } | undefined {
  if (entry.text !== undefined) return { entry, text: entry.text };
  const file = documents.get(entry.documentId ?? '');
  if (!file) return undefined;
  if (entry.kind === 'block')
    return { entry, text: file.document.text.slice(entry.start, entry.end) };
  const a = file.annotations.find((x) => `a:${x.id}` === entry.key);
  return a
    ? {
        entry: { ...entry, title: a.target.quote.exact, snippetText: annotationSnippet(a) },
        text: annotationText(a),
      }
    : undefined;
}
