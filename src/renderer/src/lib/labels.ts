// Words the UI shows for kinds and types, in one place.
import type { AnnotationKind, AnchorStatus } from '../../../shared/model';

export const KIND_LABELS: Record<AnnotationKind, string> = {
  quote: 'Quote',
  claim: 'Claim',
  evidence: 'Evidence',
  question: 'Question',
};

const TYPE_GROUPS: Record<string, string> = {
  person: 'People',
  organization: 'Organizations',
  place: 'Places',
  event: 'Events',
  other: 'Other',
};

export const typeGroupLabel = (type: string): string =>
  TYPE_GROUPS[type] ?? type.charAt(0).toUpperCase() + type.slice(1);

export const STATUS_TEXT: Record<AnchorStatus, string> = {
  anchored: 'Anchored where it was made.',
  moved: 'The text moved; the quote was found at a new position.',
  fuzzy: 'The quoted words changed; this is the closest match.',
  orphaned: 'The quoted passage is no longer in the text. The highlight is kept.',
};

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const formatDate = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
