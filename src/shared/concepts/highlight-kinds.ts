// The kinds of highlight, defined once: the model's schema, the toolbar and its keys, the
// panels' choices, the reader's paint (each kind's colour is the CSS custom property
// `--hl-<id>`, painted as `::highlight(wb-<id>)`), the exports' labels and the W3C
// motivation all read this table. These four are the default codebook; a user-defined kind
// is one more row of the same shape.
export const HIGHLIGHT_KINDS = [
  { id: 'quote', label: 'Quote', key: '1', motivation: 'highlighting' },
  { id: 'claim', label: 'Claim', key: '2', motivation: 'highlighting' },
  { id: 'evidence', label: 'Evidence', key: '3', motivation: 'highlighting' },
  { id: 'question', label: 'Question', key: '4', motivation: 'questioning' },
] as const satisfies readonly {
  id: string;
  /** What the toolbar, panels and exports call it. */
  label: string;
  /** The key that highlights a selection as this kind in the reader. */
  key: string;
  /** The W3C Web Annotation motivation an export gives it. */
  motivation: 'highlighting' | 'questioning' | 'assessing' | 'describing' | 'commenting';
}[];

export type HighlightKindSpec = (typeof HIGHLIGHT_KINDS)[number];
export type HighlightKindId = HighlightKindSpec['id'];

export const HIGHLIGHT_KIND_IDS = HIGHLIGHT_KINDS.map((k) => k.id) as [
  HighlightKindId,
  ...HighlightKindId[],
];

export function highlightKind(id: HighlightKindId): HighlightKindSpec {
  return HIGHLIGHT_KINDS.find((k) => k.id === id)!;
}

/** The kind a reader's key press means, if any. */
export const kindForKey = (key: string): HighlightKindId | undefined =>
  HIGHLIGHT_KINDS.find((k) => k.key === key)?.id;

/**
 * The kind an imported annotation's W3C motivation names, when exactly one kind has it
 * ('questioning' is a question; 'highlighting' is shared, so it names none).
 */
export function kindForMotivation(motivation: string): HighlightKindId | undefined {
  const kinds = HIGHLIGHT_KINDS.filter((k) => k.motivation === motivation);
  return kinds.length === 1 ? kinds[0]!.id : undefined;
}

/** The CSS custom property holding a kind's colour. */
export const kindColourVar = (id: HighlightKindId): string => `--hl-${id}`;
