// The passages views: highlights listed from several documents, each with its document's
// title. An entity's passages (the entity panel), keyed by the entity; a free-text tag's
// (the tag view), keyed by the tag; a note's linked highlights, keyed by their ids. Each
// is stale when one of its highlights, or a document it shows, changed, or when a
// highlight joined it (tagged to the entity, given the tag).
import type { EntityPassage } from '../../../../shared/methods/annotations';
import type { WorkbenchEvent } from '../../../../shared/change-event';
import type { State } from '../index';
import { documentsChanged, highlightsChanged, touched } from './changed';
import type { ViewEntry, ViewSpec } from './view-cache';

/** One of the listed highlights, or a listed document, changed. */
function listedChanged(event: WorkbenchEvent, passages: readonly EntityPassage[]): boolean {
  return (
    highlightsChanged(event, new Set(passages.map((p) => p.annotation.id))) ||
    documentsChanged(event, new Set(passages.map((p) => p.annotation.documentId)))
  );
}

export const entityPassagesView: ViewSpec<string, EntityPassage[]> = {
  key: (entityId) => entityId,
  staleAfter: (event, entityId, passages) =>
    touched(event, new Set([entityId])) ||
    (passages === undefined ? event.documentRecords.length > 0 : listedChanged(event, passages)),
  keep: 10,
};

export const taggedView: ViewSpec<string, EntityPassage[]> = {
  key: (tag) => tag,
  staleAfter: (event, tag, passages) =>
    event.tags.some((t) => t.tag === tag) ||
    event.annotations.put.some((a) => a.tags.includes(tag)) ||
    (passages === undefined
      ? event.annotations.removed.length > 0 || event.documentRecords.length > 0
      : listedChanged(event, passages)),
  keep: 10,
};

export const linkedHighlightsKey = (ids: readonly string[]): string => ids.join(' ');

export const linkedHighlightsView: ViewSpec<readonly string[], EntityPassage[]> = {
  key: linkedHighlightsKey,
  staleAfter: (event, ids, passages) =>
    highlightsChanged(event, new Set(ids)) ||
    (passages === undefined ? event.documentRecords.length > 0 : listedChanged(event, passages)),
  keep: 10,
};

export const selectEntityPassages = (
  state: State,
  entityId: string,
): ViewEntry<string, EntityPassage[]> | undefined => state.views.entityPassages[entityId];

export const selectTagged = (
  state: State,
  tag: string,
): ViewEntry<string, EntityPassage[]> | undefined => state.views.tagged[tag];

export const selectLinkedHighlights = (
  state: State,
  ids: readonly string[],
): ViewEntry<readonly string[], EntityPassage[]> | undefined =>
  state.views.linkedHighlights[linkedHighlightsKey(ids)];
