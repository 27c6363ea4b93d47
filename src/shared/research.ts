// The contract of the research methods built on entities: merge and split, find mentions,
// co-occurrence, dossiers and events. Kept apart from api.ts so the method table stays a
// table; api.ts names each method once and takes its input schema and output type here.
import { z } from 'zod';
import { EntityType, Id, type Annotation, type Entity, type EventDate } from './model';
import type { EntityPassage } from './api';

const Name = z.string().trim().min(1, 'a name cannot be empty').max(300);
const Sources = z.array(Id).min(1, 'name at least one entity to merge').max(50);

export const MergePreviewInput = z.strictObject({ targetId: Id, sourceIds: Sources });

/** What the user picked for each field the merged entities disagree on. */
export const MergeChoices = z.strictObject({
  type: EntityType.optional(),
  externalId: z.string().trim().max(200).optional(),
  description: z.string().max(20_000).optional(),
});
export const MergeInput = z.strictObject({
  targetId: Id,
  sourceIds: Sources,
  choose: MergeChoices.default({}),
});

export type MergeField = 'type' | 'externalId' | 'description';
export interface MergeConflict {
  field: MergeField;
  /** The distinct values, the target's first. */
  values: string[];
}
export interface MergePreview {
  /** The entity as it would be after the merge, with the target's values where they clash. */
  merged: Entity;
  /** Fields that differ: a merge with `type` or `externalId` conflicts needs a choice for each. */
  conflicts: MergeConflict[];
  highlights: number;
  notes: number;
}

export const SplitInput = z.strictObject({
  entityId: Id,
  annotationIds: z.array(Id).min(1, 'choose at least one passage').max(10_000),
  to: z.union([z.strictObject({ entityId: Id }), z.strictObject({ name: Name, type: EntityType })]),
});

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
export const AcceptMentionsInput = z.strictObject({
  entityId: Id,
  mentions: z.array(MentionRef).min(1, 'choose at least one mention').max(10_000),
});
export interface AcceptedMentions {
  /** New highlights made for mentions that had none. */
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
export const AdoptCandidateInput = z.strictObject({ name: Name, type: EntityType });

export const COOCCURRENCE_SCOPES = ['highlight', 'paragraph', 'document'] as const;
export const CooccurrenceScope = z.enum(COOCCURRENCE_SCOPES);
export type CooccurrenceScope = z.infer<typeof CooccurrenceScope>;
export const CooccurrenceInput = z.strictObject({
  scope: CooccurrenceScope,
  types: z.array(EntityType).max(50).optional(),
  minCount: z.number().int().min(1).default(1),
});
export interface CooccurrenceNode {
  id: string;
  name: string;
  type: string;
  /** Units (highlights, paragraphs, documents) the entity is tagged in. */
  count: number;
}
export interface CooccurrencePair {
  a: string;
  b: string;
  count: number;
}
export interface Cooccurrence {
  scope: CooccurrenceScope;
  /** Entities in at least one pair, most connected first. */
  nodes: CooccurrenceNode[];
  pairs: CooccurrencePair[];
}
export const ConnectionsInput = z.strictObject({ a: Id, b: Id, scope: CooccurrenceScope });

export interface DossierPassage {
  annotation: Annotation;
  /** 1-based paragraph, absent for an orphaned highlight. */
  paragraph?: number;
}
export interface DossierSource {
  documentId: string;
  title: string;
  citation: string;
  passages: DossierPassage[];
  /** Occurrences of the name or aliases in the text, highlighted or not. */
  mentions: number;
}
export interface Dossier {
  entity: Entity;
  place?: Entity;
  participants: { entity: Entity; role: string }[];
  sources: DossierSource[];
  /** Entities sharing a paragraph or document with it, by paragraphs then documents. */
  cooccurring: { entity: Entity; paragraphs: number; documents: number }[];
  /** Events that have it as place or participant (or itself, when it is an event). */
  events: TimelineEvent[];
}

export interface TimelineEvent {
  entity: Entity;
  date?: EventDate;
  place?: { id: string; name: string };
  participants: { id: string; name: string; role: string }[];
  evidence: EntityPassage[];
}

export const EVENT_EXPORT_FORMATS = ['csv', 'json'] as const;
export const ExportEventsInput = z.strictObject({ format: z.enum(EVENT_EXPORT_FORMATS) });

export interface DateSuggestion {
  annotationId: string;
  /** The words the date was read from. */
  text: string;
  date: EventDate;
}
