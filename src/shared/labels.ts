// Words shown for the model's records, once, for the UI and the exports alike. (A highlight
// kind's name is the codebook's: src/shared/codebook/codebook.ts, kindLabel.)
import type { EventDate } from './model';

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
