// Words the UI shows for kinds, types and counts, in one place: every count goes through
// plural() and every kind of record through NOUNS, so "1 entity" and "3 entities" are
// spelled once (a trailing "s" would make "entitys").
import type { LockHolder } from '../../../shared/api';
import { ANCHOR_STATUS_LABELS } from '../../../shared/concepts/anchor-status';
import type { AnchorStatus } from '../../../shared/model';
import type { SearchKind } from '../../../shared/methods/search';
import { plural as pluralOf } from '../../../shared/text';

const NOUNS = {
  highlight: ['highlight', 'highlights'],
  entity: ['entity', 'entities'],
  document: ['document', 'documents'],
  note: ['note', 'notes'],
  passage: ['passage', 'passages'],
  mention: ['mention', 'mentions'],
  paragraph: ['paragraph', 'paragraphs'],
  pair: ['pair', 'pairs'],
  change: ['change', 'changes'],
  record: ['record', 'records'],
  conflict: ['conflict', 'conflicts'],
  file: ['file', 'files'],
  reference: ['reference', 'references'],
  source: ['source', 'sources'],
  code: ['code', 'codes'],
  'highlight kind': ['highlight kind', 'highlight kinds'],
  link: ['link', 'links'],
} as const satisfies Record<string, readonly [string, string]>;

export type Noun = keyof typeof NOUNS;

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** "1 highlight", "0 highlights", "2 entities". */
export const plural = (n: number, noun: Noun): string =>
  pluralOf(n, NOUNS[noun][0], NOUNS[noun][1]);

/** "Highlight", or "Highlights" with `many`. */
export const nounLabel = (noun: Noun, many = false): string =>
  capitalise(NOUNS[noun][many ? 1 : 0]);

/** What each kind of search hit is called, as a group heading and a filter. */
export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  entity: nounLabel('entity', true),
  highlight: nounLabel('highlight', true),
  document: nounLabel('document', true),
  block: nounLabel('passage', true),
  note: nounLabel('note', true),
};

/** The entity types the UI knows, in the order the entities panel lists them. */
const TYPE_GROUPS: Record<string, string> = {
  person: 'People',
  organization: 'Organizations',
  place: 'Places',
  event: 'Events',
  other: 'Other',
};
const TYPE_ORDER = Object.keys(TYPE_GROUPS);

export const typeGroupLabel = (type: string): string => TYPE_GROUPS[type] ?? capitalise(type);

/** Known types first in their order, then any other type alphabetically. */
export const compareTypes = (a: string, b: string): number =>
  (TYPE_ORDER.indexOf(a) + 1 || 99) - (TYPE_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b);

/** A highlight's status as its panel says it. */
export const STATUS_TEXT = Object.fromEntries(
  Object.entries(ANCHOR_STATUS_LABELS).map(([status, l]) => [status, l.panel]),
) as Record<AnchorStatus, string>;

/** Who holds a workspace, in words: "the desktop app (process 4121 on lab-laptop) since …". */
export const describeHolder = (holder: LockHolder): string =>
  `the ${holder.host} (process ${holder.pid} on ${holder.hostname}) since ${formatDate(holder.since)}`;

/** A note's title as lists show it: an empty title still names the note. */
export const noteTitle = (note: { title: string }): string => note.title.trim() || 'Untitled note';

export const formatDate = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The one list of entity types offered everywhere: the usual ones, then those in use. */
export function entityTypes(inUse: readonly { type: string }[]): string[] {
  return [...new Set([...TYPE_ORDER, ...inUse.map((e) => e.type)])].sort(compareTypes);
}
