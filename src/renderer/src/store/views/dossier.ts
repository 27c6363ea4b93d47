// The dossier view: an entity's dossier, keyed by the entity's id. Stale when the entity or
// an entity it shows changed (a name, a place, a participant), when a highlight tagged to
// it changed, or when a document it cites changed (its text, its title, its highlights,
// which move the co-occurrence counts).
import type { Dossier } from '../../../../shared/methods/entities';
import { topicsOf as topics } from '../../../../shared/change-event';
import type { State } from '../index';
import { documentsChanged, entitiesChanged, highlightsChangedIn, touched } from './changed';
import type { ViewEntry, ViewSpec } from './view-cache';

/** Every entity a dossier names, its own first. */
export function dossierEntities(entityId: string, dossier: Dossier | undefined): Set<string> {
  const ids = new Set([entityId]);
  if (!dossier) return ids;
  if (dossier.place) ids.add(dossier.place.id);
  for (const p of dossier.participants) ids.add(p.entity.id);
  for (const c of dossier.cooccurring) ids.add(c.entity.id);
  for (const e of dossier.events) {
    ids.add(e.entity.id);
    if (e.place) ids.add(e.place.id);
    for (const p of e.participants) ids.add(p.id);
  }
  return ids;
}

export const dossierView: ViewSpec<string, Dossier> = {
  key: (entityId) => entityId,
  staleAfter(event, entityId, dossier) {
    const cited = new Set(dossier?.sources.map((s) => s.documentId) ?? []);
    return (
      entitiesChanged(event, dossierEntities(entityId, dossier)) ||
      touched(event, new Set([entityId])) ||
      // A new event naming it as place or participant is an entity not shown yet.
      event.entities.put.some(
        (e) => e.placeId === entityId || e.participants?.some((p) => p.entityId === entityId),
      ) ||
      documentsChanged(event, cited) ||
      highlightsChangedIn(event, cited) ||
      // While the first answer is on its way, which documents it cites is not known.
      (dossier === undefined &&
        (topics(event).has('annotations') || topics(event).has('documents')))
    );
  },
  keep: 10,
};

export const selectDossier = (
  state: State,
  entityId: string,
): ViewEntry<string, Dossier> | undefined => state.views.dossier[entityId];
