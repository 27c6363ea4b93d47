// mentions.*: every place the sources name an entity, highlighted or not; accepting them
// as tagged highlights; and proper names found in the texts that no entity has yet.
import { z } from 'zod';
import { EntityName, EntityType, Id, type Entity } from '../model';
import { method, namespace } from './define';

export const FindMentionsInput = z.strictObject({ entityId: Id });
export interface Mention {
  documentId: string;
  documentTitle: string;
  start: number;
  end: number;
  /** The text as written in the document. */
  exact: string;
  /** The name or alias it matched. */
  matched: string;
  /** A highlight covering the mention, if any, and whether it is tagged to the entity. */
  highlightId?: string;
  tagged: boolean;
  /** A few words either side, to judge the mention by. */
  before: string;
  after: string;
}

const MentionRef = z.strictObject({
  documentId: Id,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
});
/**
 * What an accepted mention becomes when no highlight covers it: its sentence (a passage
 * worth quoting, the default) or the name alone.
 */
export const MentionExtent = z.enum(['sentence', 'name']);
export type MentionExtent = z.infer<typeof MentionExtent>;

export const AcceptMentionsInput = z.strictObject({
  entityId: Id,
  mentions: z.array(MentionRef).min(1, 'choose at least one mention').max(10_000),
  extent: MentionExtent.default('sentence'),
});
export interface AcceptedMentions {
  /** Mentions that are now tagged (those tagged before are not counted). */
  mentions: number;
  /** New highlights made for them (two mentions in one sentence make one). */
  created: number;
  /** Existing highlights that gained the tag. */
  tagged: number;
}

/** Mentions of every entity at once; the scan stops after the document where it reaches `limit`. */
export const FindAllMentionsInput = z.strictObject({
  limit: z.number().int().min(1).max(10_000).default(2000),
});
export interface EntityMentions {
  entityId: string;
  name: string;
  /** Its mentions in the scanned documents, in document and text order. */
  mentions: Mention[];
  /** How many of them no highlight tags to it yet. */
  untagged: number;
  /** Matches of its names that overlapped another entity's longer match, and went to it. */
  overlapped: number;
}
export interface AllMentions {
  /** Entities with at least one mention (or one lost to an overlap), by name. */
  groups: EntityMentions[];
  documentsScanned: number;
  documentsTotal: number;
  /** The match limit asked for; `truncated` when the scan stopped before the last document. */
  limit: number;
  truncated: boolean;
  /** How overlapping matches of two entities were resolved, in words. */
  overlapRule: string;
}
export const AcceptAllMentionsInput = z.strictObject({
  mentions: z
    .array(MentionRef.extend({ entityId: Id }))
    .min(1, 'choose at least one mention')
    .max(10_000),
  extent: MentionExtent.default('sentence'),
});
export interface AcceptedAllMentions extends AcceptedMentions {
  /** Entities that gained at least one highlight. */
  entities: number;
}

export interface Candidate {
  name: string;
  type: string;
  count: number;
}
export const CandidatesInput = z.strictObject({
  limit: z.number().int().min(1).max(500).default(50),
});
export const AdoptCandidateInput = z.strictObject({
  name: EntityName,
  type: EntityType,
  extent: MentionExtent.default('sentence'),
});

export const mentionsMethods = namespace('mentions', {
  'mentions.find': method<Mention[]>()(FindMentionsInput),
  'mentions.accept': method<AcceptedMentions>()(AcceptMentionsInput),
  'mentions.findAll': method<AllMentions>()(FindAllMentionsInput),
  'mentions.acceptAll': method<AcceptedAllMentions>()(AcceptAllMentionsInput),
  'mentions.candidates': method<Candidate[]>()(CandidatesInput),
  'mentions.adopt': method<{ entity: Entity } & AcceptedMentions>()(AdoptCandidateInput),
});
