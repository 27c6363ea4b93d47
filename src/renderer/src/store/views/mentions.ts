// The mentions views: every place the sources name one entity (keyed by the entity), the
// mentions of all entities at once (one entry), and the names the tagger suggests as new
// entities (keyed by how many). Mentions depend on the names and aliases, on the texts, and
// on the highlights that cover them (tagged or not); suggestions on the registry's names
// and the texts.
import type { AllMentions, Candidate, Mention } from '../../../../shared/methods/mentions';
import type { State } from '../index';
import { anyDocumentChanged, entitiesChanged, highlightsChangedIn, touched } from './changed';
import type { ViewEntry, ViewSpec } from './view-cache';

export const mentionsView: ViewSpec<string, Mention[]> = {
  key: (entityId) => entityId,
  staleAfter(event, entityId, mentions) {
    const self = new Set([entityId]);
    const found = new Set(mentions?.map((m) => m.documentId) ?? []);
    return (
      entitiesChanged(event, self) ||
      touched(event, self) ||
      // A new document may name it; a changed text may move or drop a mention.
      anyDocumentChanged(event) ||
      // A highlight made, changed or deleted over a mention changes how it is marked.
      highlightsChangedIn(event, found) ||
      (mentions === undefined && event.annotations.put.length > 0)
    );
  },
  keep: 10,
};

export type AllMentionsQuery = 'all';

export const allMentionsView: ViewSpec<AllMentionsQuery, AllMentions> = {
  key: () => 'all',
  staleAfter: (event) =>
    event.entities.put.length > 0 ||
    event.entities.removed.length > 0 ||
    event.annotations.put.length > 0 ||
    event.annotations.removed.length > 0 ||
    anyDocumentChanged(event),
  keep: 1,
};

export const candidatesView: ViewSpec<number, Candidate[]> = {
  key: (limit) => String(limit),
  staleAfter: (event) =>
    event.entities.put.length > 0 || event.entities.removed.length > 0 || anyDocumentChanged(event),
  keep: 2,
};

export const selectMentions = (
  state: State,
  entityId: string,
): ViewEntry<string, Mention[]> | undefined => state.views.mentions[entityId];

export const selectAllMentions = (
  state: State,
): ViewEntry<AllMentionsQuery, AllMentions> | undefined => state.views.allMentions.all;

export const selectCandidates = (
  state: State,
  limit: number,
): ViewEntry<number, Candidate[]> | undefined => state.views.candidates[String(limit)];
