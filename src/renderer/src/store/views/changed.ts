// The questions the views' invalidation rules ask of a change event: did it change these
// entities, these documents, the highlights of these documents, these highlights? Each
// rule (store/views/<view>.ts) is a few of these, so a reader sees at a glance what a view
// depends on.
import { topicsOf, type WorkbenchEvent } from '../../../../shared/change-event';

const meets = (ids: readonly string[], wanted: ReadonlySet<string>): boolean =>
  ids.some((id) => wanted.has(id));

/** Entities among `ids` were created, edited, deleted, or their usage changed. */
export function entitiesChanged(event: WorkbenchEvent, ids: ReadonlySet<string>): boolean {
  return (
    meets(
      event.entities.put.map((e) => e.id),
      ids,
    ) || meets(event.entities.removed, ids)
  );
}

/** Highlights tagged to one of `ids` (before or after the change) changed. */
export const touched = (event: WorkbenchEvent, ids: ReadonlySet<string>): boolean =>
  meets(event.touchedEntities, ids);

/** Documents among `ids` changed: their library entry, their record (text, title), or went. */
export function documentsChanged(event: WorkbenchEvent, ids: ReadonlySet<string>): boolean {
  return (
    meets(
      event.documents.put.map((d) => d.id),
      ids,
    ) ||
    meets(event.documents.removed, ids) ||
    meets(
      event.documentRecords.map((d) => d.id),
      ids,
    )
  );
}

/** A highlight in one of the documents `ids` was made, changed or deleted. */
export function highlightsChangedIn(event: WorkbenchEvent, ids: ReadonlySet<string>): boolean {
  return (
    meets(
      event.annotations.put.map((a) => a.documentId),
      ids,
    ) ||
    meets(
      event.annotations.removed.map((r) => r.documentId),
      ids,
    )
  );
}

/** Highlights among `ids` were changed or deleted. */
export function highlightsChanged(event: WorkbenchEvent, ids: ReadonlySet<string>): boolean {
  return (
    meets(
      event.annotations.put.map((a) => a.id),
      ids,
    ) ||
    meets(
      event.annotations.removed.map((r) => r.id),
      ids,
    )
  );
}

/**
 * A document was added or deleted, its text or details changed, or its highlight count
 * did (the event cannot tell an added document from a new count: both are a library entry).
 */
export const anyDocumentChanged = (event: WorkbenchEvent): boolean =>
  topicsOf(event).has('documents');

/** Anything of the workspace's content changed (not only the history). */
export const anyContent = (event: WorkbenchEvent): boolean => topicsOf(event).size > 0;
