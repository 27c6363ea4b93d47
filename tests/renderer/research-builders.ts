// Records of the research views for the renderer's tests: passages, dossiers, events and
// co-occurrence counts, on names from the sample article.
import type { EntityPassage } from '../../src/shared/methods/annotations';
import type { Cooccurrence } from '../../src/shared/methods/analysis';
import type { Dossier } from '../../src/shared/methods/entities';
import type { TimelineEvent } from '../../src/shared/methods/events';
import type { Entity } from '../../src/shared/model';
import { entity, makeAnnotation } from './builders';

/** A named entity (the builders' entity, without its usage count). */
export function named(id: string, name: string, type = 'person'): Entity {
  const { usage: _usage, ...record } = { ...entity(id, 0, type), name };
  return record;
}

export const passage = (
  id: string,
  documentId: string,
  entityIds: string[] = [],
  fields: Partial<EntityPassage['annotation']> = {},
): EntityPassage => ({
  annotation: { ...makeAnnotation(id, documentId, entityIds), ...fields },
  documentTitle: `Document ${documentId}`,
});

export function dossier(subject: Entity, parts: Partial<Omit<Dossier, 'entity'>> = {}): Dossier {
  return { entity: subject, participants: [], sources: [], cooccurring: [], events: [], ...parts };
}

export function timelineEvent(
  event: Entity,
  parts: Partial<Omit<TimelineEvent, 'entity'>> = {},
): TimelineEvent {
  return { entity: event, participants: [], evidence: [], ...parts };
}

/** Counts over `names` (id → name), with `pairs` as [a, b, count]. */
export function cooccurrence(
  names: Record<string, string>,
  pairs: [string, string, number][],
): Cooccurrence {
  const links = (id: string): number =>
    pairs.filter(([a, b]) => a === id || b === id).reduce((n, [, , c]) => n + c, 0);
  return {
    scope: 'paragraph',
    nodes: Object.entries(names)
      .map(([id, name]) => ({ id, name, type: 'person', count: links(id) }))
      .sort((x, y) => y.count - x.count),
    pairs: pairs.map(([a, b, count]) => ({ a, b, count })),
  };
}
