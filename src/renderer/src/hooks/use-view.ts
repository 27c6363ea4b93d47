// A derived view for a component: watches it while the component shows it (so the sync
// layer loads it, and loads it again when a change makes it stale) and reads it from the
// store. `enabled` false shows nothing and loads nothing (a closed section, a query too
// short to search for).
import { useEffect, useState } from 'react';
import {
  selectViewEntry,
  VIEW_SPECS,
  type DataOf,
  type QueryOf,
  type ViewName,
} from '../store/views/index';
import { useSelector, useWorkbench } from '../workbench/context';

export interface ViewResult<T> {
  data: T | undefined;
  /** Why the last request failed, if it did. */
  error: string | undefined;
  /** Asked for, and no answer yet. */
  loading: boolean;
  /** An answer is on its way (a first one, or a newer one than `data`). */
  pending: boolean;
}

export function useView<V extends ViewName>(
  view: V,
  query: QueryOf<V>,
  { enabled = true, keepPrevious = false }: { enabled?: boolean; keepPrevious?: boolean } = {},
): ViewResult<DataOf<V>> {
  const { views } = useWorkbench();
  const key = enabled ? VIEW_SPECS[view].key(query) : null;
  useEffect(
    () => (key === null ? undefined : views.watch(view, query)),
    // The key stands for the query: a new query object with the same key is the same view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [views, view, key],
  );
  const entry = useSelector((state) =>
    key === null ? undefined : selectViewEntry(state, view, query),
  );
  // Search as you type keeps the last results on screen until the new ones land.
  const [previous, setPrevious] = useState<DataOf<V> | undefined>(undefined);
  if (keepPrevious && entry?.data !== undefined && entry.data !== previous) setPrevious(entry.data);
  if (!enabled) return { data: undefined, error: undefined, loading: false, pending: false };
  const data = entry?.data ?? (keepPrevious ? previous : undefined);
  return {
    data,
    error: entry?.error,
    loading: entry?.data === undefined && !entry?.error,
    pending: entry === undefined || entry.pending !== null,
  };
}
