// A change from the core, as one action every store module may follow: the event carries
// the records as they are now and the ids of those that went (src/shared/change-event.ts),
// so a list is patched in place instead of fetched again. Applying an event twice gives the
// same state, so one replayed after a fetch that already held it does no harm.
import type { WorkbenchEvent } from '../../../shared/api';

export type ChangesAction = { type: 'core/changed'; event: WorkbenchEvent };

export const coreChanged = (event: WorkbenchEvent): ChangesAction => ({
  type: 'core/changed',
  event,
});

/**
 * `list` with `put` records replacing or joining those of the same key and `removed` keys
 * taken out, ordered by `compare`; the same array when nothing changed.
 */
export function patchList<T, K>(
  list: readonly T[],
  put: readonly T[],
  removed: readonly K[],
  keyOf: (record: T) => K,
  compare?: (a: T, b: T) => number,
): T[] {
  if (!put.length && !removed.length) return list as T[];
  const gone = new Set(removed);
  const incoming = new Map(put.map((r) => [keyOf(r), r]));
  const next: T[] = [];
  for (const record of list) {
    const key = keyOf(record);
    if (gone.has(key)) continue;
    const replaced = incoming.get(key);
    next.push(replaced ?? record);
    incoming.delete(key);
  }
  next.push(...incoming.values());
  return compare ? next.sort(compare) : next;
}
