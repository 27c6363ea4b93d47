// Which answers of the core a change event makes stale, given what the window shows.
// Pure, so each rule is tested on its own: an event refetches what its topic and ids
// touch and nothing else (a highlight saved in the open document refetches that highlight
// into the document's view, not the view's text, the library, the entities and the search
// results as well).
import type { WorkbenchEvent } from '../../../shared/api';
import type { Annotation } from '../../../shared/model';
import { selectCurrentDocumentId } from '../store/documents';
import type { State } from '../store/index';
import { selectOpenEntityId } from '../store/selection';

export type Resource =
  | 'info'
  | 'documents'
  | 'view'
  /** Only the changed highlights of the open document, patched into its view. */
  | 'highlights'
  | 'entities'
  | 'passages'
  | 'history'
  | 'notes'
  | 'tags';

export interface Plan {
  resources: Set<Resource>;
  /**
   * Highlights of the open document that changed: once its view is reloaded, the library's
   * counts, the entities' usage and the tag list are refetched only if these came, went or
   * changed their entities or tags.
   */
  compareAnnotations: Set<string>;
  /** Whether the content changed (search results and other derived views ask again). */
  content: boolean;
}

export const emptyPlan = (): Plan => ({
  resources: new Set(),
  compareAnnotations: new Set(),
  content: false,
});

const ALL: Resource[] = [
  'info',
  'documents',
  'view',
  'entities',
  'passages',
  'history',
  'notes',
  'tags',
];

export function planRefetch(event: WorkbenchEvent, state: State, plan: Plan = emptyPlan()): Plan {
  const add = (...resources: Resource[]): void => resources.forEach((r) => plan.resources.add(r));
  const openDocument = selectCurrentDocumentId(state);
  const entityOpen = selectOpenEntityId(state) !== null;
  if (event.topic !== 'history') plan.content = true;
  switch (event.topic) {
    case 'workspace':
      // Opened, repaired or restored: anything may have changed.
      add(...ALL);
      break;
    case 'documents':
      // Added, deleted or edited documents change the library and the highlights they
      // hold, so the entities' usage, the tags and the passages listed for an entity.
      add('documents', 'entities', 'tags');
      if (openDocument === null || event.ids.includes(openDocument)) add('view');
      if (entityOpen) add('passages');
      break;
    case 'annotations': {
      const documents = event.documentIds;
      const elsewhere = documents === undefined || documents.some((id) => id !== openDocument);
      const here =
        documents === undefined || (openDocument !== null && documents.includes(openDocument));
      if (here) {
        // Highlights of the open document alone: fetch just those, not the whole text.
        add(elsewhere ? 'view' : 'highlights');
        event.ids.forEach((id) => plan.compareAnnotations.add(id));
      }
      // Highlights of a document that is not open cannot be compared: refetch the counts.
      if (elsewhere) add('documents', 'entities', 'tags');
      if (entityOpen) add('passages');
      break;
    }
    case 'entities':
      add('entities');
      break;
    case 'notes':
      add('notes');
      break;
    case 'history':
      add('history');
      break;
  }
  return plan;
}

/** What the reloaded view says about the compared highlights. */
export function compareAnnotations(
  before: readonly Annotation[],
  after: readonly Annotation[],
  ids: ReadonlySet<string>,
): { countChanged: boolean; tagsChanged: boolean; freeTagsChanged: boolean } {
  const old = new Map(before.filter((a) => ids.has(a.id)).map((a) => [a.id, a]));
  const now = new Map(after.filter((a) => ids.has(a.id)).map((a) => [a.id, a]));
  let countChanged = false;
  let tagsChanged = false;
  let freeTagsChanged = false;
  const differ = (x: readonly string[], y: readonly string[]): boolean =>
    x.length !== y.length || x.some((t) => !y.includes(t));
  for (const id of ids) {
    const a = old.get(id);
    const b = now.get(id);
    if ((a === undefined) !== (b === undefined)) countChanged = true;
    if (differ(a?.entityIds ?? [], b?.entityIds ?? [])) tagsChanged = true;
    if (differ(a?.tags ?? [], b?.tags ?? [])) freeTagsChanged = true;
  }
  return { countChanged, tagsChanged, freeTagsChanged };
}
