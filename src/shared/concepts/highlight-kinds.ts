// The built-in kinds of highlight, defined once: they are the default codebook (a new
// workspace's kinds, src/shared/codebook), and keep their W3C motivation when a user renames
// or recolours them. A user-defined kind is one more entry of the codebook's `kinds`, of the
// same shape (id, label, colour); the reader's key for a kind is its place in that list
// (1–9), and its colour is painted as `::highlight(wb-<id>)` from the CSS custom property
// `--hl-<id>` (src/renderer/src/lib/kind-styles.ts).
export const HIGHLIGHT_KINDS = [
  { id: 'quote', label: 'Quote', key: '1', motivation: 'highlighting', colour: '#e69f00' },
  { id: 'claim', label: 'Claim', key: '2', motivation: 'highlighting', colour: '#56b4e9' },
  { id: 'evidence', label: 'Evidence', key: '3', motivation: 'highlighting', colour: '#009e73' },
  { id: 'question', label: 'Question', key: '4', motivation: 'questioning', colour: '#cc79a7' },
] as const satisfies readonly {
  id: string;
  /** What the toolbar, panels and exports call it until the user renames it. */
  label: string;
  /** The key that highlights a selection as this kind in the reader (its place in the list). */
  key: string;
  /** The W3C Web Annotation motivation an export gives it. */
  motivation: 'highlighting' | 'questioning' | 'assessing' | 'describing' | 'commenting';
  /** Its colour in the default codebook: an entry of the palette (./palette.ts). */
  colour: string;
}[];

export type HighlightKindSpec = (typeof HIGHLIGHT_KINDS)[number];
export type HighlightKindId = HighlightKindSpec['id'];
export type Motivation = HighlightKindSpec['motivation'];

export const HIGHLIGHT_KIND_IDS = HIGHLIGHT_KINDS.map((k) => k.id) as [
  HighlightKindId,
  ...HighlightKindId[],
];

/** The W3C motivation of a kind: a built-in kind's own, "highlighting" for the user's. */
export function kindMotivation(id: string): Motivation {
  return HIGHLIGHT_KINDS.find((k) => k.id === id)?.motivation ?? 'highlighting';
}

/**
 * The kind an imported annotation's W3C motivation names, when exactly one kind has it
 * ('questioning' is a question; 'highlighting' is shared, so it names none).
 */
export function kindForMotivation(motivation: string): HighlightKindId | undefined {
  const kinds = HIGHLIGHT_KINDS.filter((k) => k.motivation === motivation);
  return kinds.length === 1 ? kinds[0]!.id : undefined;
}

/** The CSS custom property holding a kind's colour. */
export const kindColourVar = (id: string): string => `--hl-${id}`;
