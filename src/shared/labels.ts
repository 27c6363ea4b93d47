// Words shown for the model's kinds, once, for the UI and the exports alike.
import type { AnchorStatus, AnnotationKind } from './model';

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
