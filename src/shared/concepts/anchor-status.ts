// What each anchoring status of a highlight is called, defined once for every place that
// shows it: a short name (lists, filters), a sentence for the highlight's panel, and the
// line the exported notes print under a quote that is not where it was made. How an
// imported annotation fared has its own words (`IMPORT_STATUS_LABELS`).
import type { AnchorStatus } from '../model';

export const ANCHOR_STATUS_LABELS: Record<
  AnchorStatus,
  { name: string; panel: string; export: string }
> = {
  anchored: {
    name: 'Anchored',
    panel: 'Anchored where it was made.',
    export: 'Anchored',
  },
  moved: {
    name: 'Moved',
    panel: 'The text moved; the quote was found at a new position.',
    export: 'Moved: the passage is at a new place in the current text',
  },
  fuzzy: {
    name: 'Fuzzy',
    panel: 'The quoted words changed; this is the closest match.',
    export: 'Fuzzy: the text has changed since this was highlighted; the nearest passage is shown',
  },
  orphaned: {
    name: 'Orphaned',
    panel: 'The quoted passage is no longer in the text. The highlight is kept.',
    export: 'Orphaned: this passage is no longer in the current text; quoted as it was highlighted',
  },
};

/** How an annotation brought in from another tool fared, in the import's report. */
export const IMPORT_STATUS_LABELS = {
  anchored: 'Anchored',
  fuzzy: 'Fuzzy: review it',
  orphaned: 'Kept as orphaned: review it',
  duplicate: 'Already here',
  skipped: 'Not imported',
  'over-budget': 'Not anchored: over budget (kept as an orphan to place by hand)',
} as const;
