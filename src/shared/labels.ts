// Words shown for the model's kinds, once, for the UI and the exports alike.
import type { AnchorStatus, AnnotationKind, EventDate } from './model';

export const KIND_LABELS: Record<AnnotationKind, string> = {
  quote: 'Quote',
  claim: 'Claim',
  evidence: 'Evidence',
  question: 'Question',
};

/** What an anchoring status means to a reader of the notes. */
export const STATUS_LABELS: Record<AnchorStatus, string> = {
  anchored: 'Anchored',
  moved: 'Moved: the passage is at a new place in the current text',
  fuzzy: 'Fuzzy: the text has changed since this was highlighted; the nearest passage is shown',
  orphaned: 'Orphaned: this passage is no longer in the current text; quoted as it was highlighted',
};

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
