// Views the entity panel opens on demand: what merging two entities would do (keyed by
// the entity kept and the one merged into it) and the dates read from an event's passages
// (keyed by the event). A merge preview is stale when either entity, its highlights or the
// notes changed; date suggestions when the event or its passages did.
import type { MergePreview } from '../../../../shared/methods/entities';
import type { DateSuggestion } from '../../../../shared/methods/events';
import type { State } from '../index';
import { entitiesChanged, touched } from './changed';
import type { ViewEntry, ViewSpec } from './view-cache';

export interface MergePair {
  targetId: string;
  sourceId: string;
}

const mergeKey = (p: MergePair): string => `${p.targetId}|${p.sourceId}`;

export const mergePreviewView: ViewSpec<MergePair, MergePreview> = {
  key: mergeKey,
  staleAfter(event, pair) {
    const both = new Set([pair.targetId, pair.sourceId]);
    return (
      entitiesChanged(event, both) ||
      touched(event, both) ||
      event.notes.put.length > 0 ||
      event.notes.removed.length > 0
    );
  },
  keep: 4,
};

export const dateSuggestionsView: ViewSpec<string, DateSuggestion[]> = {
  key: (entityId) => entityId,
  staleAfter: (event, entityId) =>
    entitiesChanged(event, new Set([entityId])) ||
    touched(event, new Set([entityId])) ||
    event.documentRecords.length > 0,
  keep: 4,
};

export const selectMergePreview = (
  state: State,
  pair: MergePair,
): ViewEntry<MergePair, MergePreview> | undefined => state.views.mergePreview[mergeKey(pair)];

export const selectDateSuggestions = (
  state: State,
  entityId: string,
): ViewEntry<string, DateSuggestion[]> | undefined => state.views.dateSuggestions[entityId];
