// entities.*: the people, organisations, places and events the sources name; merging two
// spellings of one, splitting one in two, and an entity's dossier.
import { z } from 'zod';
import {
  Aliases,
  Description,
  EntityName,
  EntityType,
  EventDate,
  ExternalId,
  Id,
  Participant,
  type Annotation,
  type Entity,
} from '../model';
import type { TimelineEvent } from './events';
import { Empty } from './workspace';
import { byId, method, namespace } from './define';

export type EntityWithUsage = Entity & { usage: number };

const EntityFields = z.strictObject({
  name: EntityName,
  type: EntityType,
  aliases: Aliases,
  description: Description,
  externalId: ExternalId.optional(),
});

export const CreateEntityInput = EntityFields.extend({
  aliases: Aliases.default([]),
  description: Description.default(''),
});

export const UpdateEntityInput = z.strictObject({
  id: Id,
  patch: EntityFields.partial().extend({
    /** null clears the event's date or place. */
    date: EventDate.nullable().optional(),
    placeId: Id.nullable().optional(),
    participants: z.array(Participant).max(200).optional(),
  }),
});

const Sources = z.array(Id).min(1, 'name at least one entity to merge').max(50);

export const MergePreviewInput = z.strictObject({ targetId: Id, sourceIds: Sources });

/** What the user picked for each field the merged entities disagree on. */
export const MergeChoices = EntityFields.pick({
  type: true,
  externalId: true,
  description: true,
}).partial();
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
  to: z.union([
    z.strictObject({ entityId: Id }),
    z.strictObject({ name: EntityName, type: EntityType }),
  ]),
});

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

export const SimilarInput = z.strictObject({
  name: EntityName,
  aliases: Aliases.default([]),
  /** The entity being renamed: never compared with itself. */
  exceptId: Id.optional(),
});

/** An entity that may be the one being created or renamed (../entity-names.ts likeness). */
export interface SimilarEntity {
  entity: EntityWithUsage;
  /** Its name or alias that is like… */
  matched: string;
  /** …this name or alias of the one being created or renamed. */
  typed: string;
  /** 'same': one name by search's folding; 'close': a few edits apart. */
  reason: 'same' | 'close';
  distance: number;
}

export const entitiesMethods = namespace('entities', {
  'entities.list': method<EntityWithUsage[]>()(Empty),
  'entities.create': method<Entity>()(CreateEntityInput),
  'entities.update': method<Entity>()(UpdateEntityInput),
  'entities.delete': method<{ id: string; untagged: number }>()(
    // The caller states how many highlights it was told use the entity: a delete
    // that would untag more than the user agreed to is refused, never silent.
    z.strictObject({ id: Id, confirmUsage: z.number().int().nonnegative() }),
  ),
  'entities.mergePreview': method<MergePreview>()(MergePreviewInput),
  'entities.merge': method<Entity>()(MergeInput),
  'entities.split': method<{ entity: Entity; moved: number }>()(SplitInput),
  'entities.dossier': method<Dossier>()(byId),
  /**
   * The entities a new or renamed entity may be the same as: asked before creating or
   * renaming, so every host can say "same as …?" and offer to merge instead.
   */
  'entities.similar': method<SimilarEntity[]>()(SimilarInput),
});
