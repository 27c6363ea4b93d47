// Words shown for the model's records, once, for the UI and the exports alike.
import { HIGHLIGHT_KINDS } from './concepts/highlight-kinds';
import type { AnnotationKind, EventDate } from './model';

/** What each highlight kind is called, from the one table of kinds. */
export const KIND_LABELS = Object.fromEntries(
  HIGHLIGHT_KINDS.map((k) => [k.id, k.label]),
) as Record<AnnotationKind, string>;

/** "1988", "July 1988", "19 July 1988", or a range of them. */
export function formatEventDate(date: EventDate | undefined): string {
  if (!date) return 'undated';
  const one = (iso: string): string => {
    const [y, m, d] = iso.split('-');
    if (!m) return y!;
    const month = new Date(Date.UTC(2000, Number(m) - 1, 1)).toLocaleString('en-GB', {
      month: 'long',
      timeZone: 'UTC',
    });
    return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
  };
  return date.end && date.end !== date.start
    ? `${one(date.start)} – ${one(date.end)}`
    : one(date.start);
}
