// What a link between two highlights can say, by default: the codebook's `relations` start
// as these four, and the user edits the list (renames, adds, removes) like kinds and codes.
// Each is read from the first highlight to the second: "A corroborates B".
export const DEFAULT_RELATIONS = [
  { id: 'corroborates', label: 'corroborates' },
  { id: 'contradicts', label: 'contradicts' },
  { id: 'same-event', label: 'same event as' },
  { id: 'follows-from', label: 'follows from' },
] as const;
