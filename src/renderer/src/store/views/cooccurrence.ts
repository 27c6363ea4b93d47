// The co-occurrence view: which entities are tagged together, keyed by the settings the
// user picked (scope, types, minimum count), and the passages connecting a chosen pair,
// keyed by the pair and scope. The counts are stale when any tagging changed, an entity
// was renamed, retyped or deleted, or a document changed (its paragraphs, or it went); a
// pair's passages when either entity's highlights or a document they cite changed.
import type { EntityPassage } from '../../../../shared/methods/annotations';
import type { Cooccurrence, CooccurrenceScope } from '../../../../shared/methods/analysis';
import type { State } from '../index';
import type { CooccurrenceSettings } from '../research';
import { anyDocumentChanged, documentsChanged, entitiesChanged, touched } from './changed';
import type { ViewEntry, ViewSpec } from './view-cache';

export const cooccurrenceKey = (s: CooccurrenceSettings): string =>
  `${s.scope}|${[...s.types].sort().join(',')}|${s.minCount}`;

export const cooccurrenceView: ViewSpec<CooccurrenceSettings, Cooccurrence> = {
  key: cooccurrenceKey,
  staleAfter: (event) =>
    event.touchedEntities.length > 0 ||
    event.entities.removed.length > 0 ||
    // An entity created, renamed, retyped or deleted changes the nodes.
    event.entities.put.length > 0 ||
    anyDocumentChanged(event),
  keep: 8,
};

export interface Pair {
  a: string;
  b: string;
  scope: CooccurrenceScope;
}

export const connectionsKey = (p: Pair): string => `${p.a}|${p.b}|${p.scope}`;

export const connectionsView: ViewSpec<Pair, EntityPassage[]> = {
  key: connectionsKey,
  staleAfter(event, pair, passages) {
    const entities = new Set([pair.a, pair.b]);
    const cited = new Set(passages?.map((p) => p.annotation.documentId) ?? []);
    return (
      touched(event, entities) ||
      entitiesChanged(event, entities) ||
      documentsChanged(event, cited) ||
      (passages === undefined && anyDocumentChanged(event))
    );
  },
  keep: 8,
};

export const selectCooccurrence = (
  state: State,
  settings: CooccurrenceSettings,
): ViewEntry<CooccurrenceSettings, Cooccurrence> | undefined =>
  state.views.cooccurrence[cooccurrenceKey(settings)];

export const selectConnections = (
  state: State,
  pair: Pair,
): ViewEntry<Pair, EntityPassage[]> | undefined => state.views.connections[connectionsKey(pair)];
