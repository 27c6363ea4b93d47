// analysis.*: which entities are tagged together (in a highlight, a paragraph or a
// document), and the passages that connect two of them.
import { z } from 'zod';
import { EntityType, Id, Tag } from '../model';
import type { EntityPassage } from './annotations';
import { method, namespace } from './define';

export const COOCCURRENCE_SCOPES = ['highlight', 'paragraph', 'document'] as const;
export const CooccurrenceScope = z.enum(COOCCURRENCE_SCOPES);
export type CooccurrenceScope = z.infer<typeof CooccurrenceScope>;
export const CooccurrenceInput = z.strictObject({
  scope: CooccurrenceScope,
  types: z.array(EntityType).max(50).optional(),
  minCount: z.number().int().min(1).default(1),
  /** Only highlights carrying this code or one filed under it. */
  code: Tag.optional(),
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
export const ConnectionsInput = z.strictObject({
  a: Id,
  b: Id,
  scope: CooccurrenceScope,
  code: Tag.optional(),
});

export const analysisMethods = namespace('analysis', {
  'analysis.cooccurrence': method<Cooccurrence>()(CooccurrenceInput),
  'analysis.connections': method<EntityPassage[]>()(ConnectionsInput),
});
