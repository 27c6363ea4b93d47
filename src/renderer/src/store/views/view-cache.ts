// What every derived view (a dossier, the co-occurrence counts, search results, …) keeps
// in the store: the core's answers keyed by the query that asked for them, each marked
// stale when a change event touches what it was built from. A view module says only how
// its query is keyed and which changes make an answer stale (its ViewSpec); these
// functions are the reducer they all share. Loading is the sync layer's (sync/view-sync.ts),
// which asks again only for the stale entries that are on screen.
import type { WorkbenchEvent } from '../../../../shared/api';

export interface ViewEntry<Q, T> {
  query: Q;
  /** The last answer; kept while a newer one is on its way, so the screen does not blank. */
  data: T | undefined;
  /** Why the last request failed, if it did. */
  error: string | undefined;
  /** The request whose answer the entry waits for; null when none is on its way. */
  pending: number | null;
  /** A change made `data` out of date: it is asked for again when next on screen. */
  stale: boolean;
  /** The request that last asked for it, to let the least recently asked go first. */
  asked: number;
}

export type ViewCache<Q, T> = Readonly<Record<string, ViewEntry<Q, T>>>;

export interface ViewSpec<Q, T> {
  /** Equal queries have equal keys; the key names the entry in the store. */
  key(query: Q): string;
  /**
   * Whether `event` makes the answer to `query` out of date. `data` is undefined while the
   * first answer is on its way: then say true for any change that might matter, since the
   * answer may predate it.
   */
  staleAfter(event: WorkbenchEvent, query: Q, data: T | undefined): boolean;
  /** How many entries are kept; the least recently asked for go first. */
  keep?: number;
  /**
   * Asked for again each time it is shown, stale or not: for what no change event reports
   * (the files on disk a verification reads).
   */
  askWhenShown?: boolean;
  /** While on screen, ask again this many ms after an answer (progress that moves alone). */
  refreshAfter?(data: T): number | undefined;
}

const KEEP = 20;

/** A request for `query` is on its way: older answers for it are dropped when they land. */
export function requested<Q, T>(
  spec: ViewSpec<Q, T>,
  cache: ViewCache<Q, T>,
  query: Q,
  ticket: number,
): ViewCache<Q, T> {
  const key = spec.key(query);
  const before = cache[key];
  const entry: ViewEntry<Q, T> = {
    query,
    data: before?.data,
    error: undefined,
    pending: ticket,
    stale: false,
    asked: ticket,
  };
  return evict({ ...cache, [key]: entry }, spec.keep ?? KEEP, key);
}

/** The answer to request `ticket` landed; dropped when a newer request or a change came since. */
export function landed<Q, T>(
  cache: ViewCache<Q, T>,
  key: string,
  ticket: number,
  data: T,
): ViewCache<Q, T> {
  const entry = cache[key];
  if (entry?.pending !== ticket) return cache;
  return { ...cache, [key]: { ...entry, data, error: undefined, pending: null } };
}

/** Request `ticket` failed: the entry says why, and keeps the last answer it had. */
export function failed<Q, T>(
  cache: ViewCache<Q, T>,
  key: string,
  ticket: number,
  message: string,
): ViewCache<Q, T> {
  const entry = cache[key];
  if (entry?.pending !== ticket) return cache;
  return { ...cache, [key]: { ...entry, error: message, pending: null } };
}

/**
 * Marks the entries `event` makes out of date. An answer on its way for one of them is
 * dropped when it lands (it may have been read before the change): the entry is asked
 * for again instead. The same cache when nothing is stale.
 */
export function invalidated<Q, T>(
  spec: ViewSpec<Q, T>,
  cache: ViewCache<Q, T>,
  event: WorkbenchEvent,
): ViewCache<Q, T> {
  let next: Record<string, ViewEntry<Q, T>> | undefined;
  for (const [key, entry] of Object.entries(cache)) {
    if (entry.stale && entry.pending === null) continue;
    if (!event.reset && !spec.staleAfter(event, entry.query, entry.data)) continue;
    next ??= { ...cache };
    next[key] = { ...entry, stale: true, pending: null };
  }
  return next ?? cache;
}

/** Keeps the `keep` most recently asked entries, and always `key`. */
function evict<Q, T>(cache: ViewCache<Q, T>, keep: number, key: string): ViewCache<Q, T> {
  const keys = Object.keys(cache);
  if (keys.length <= keep) return cache;
  const oldest = keys
    .filter((k) => k !== key)
    .sort((a, b) => cache[a]!.asked - cache[b]!.asked)
    .slice(0, keys.length - keep);
  const next = { ...cache };
  for (const k of oldest) delete next[k];
  return next;
}
