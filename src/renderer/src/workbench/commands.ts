// What the user can do to the workspace, as functions the components call. Each sends one
// method to the core and says what became of it (a toast, an error, the panel to show, a
// saved highlight shown at once); none refetches anything: the change events that follow
// update the store.
import type {
  DocumentListItem,
  HistoryInfo,
  Input,
  SimilarEntity,
  WorkbenchApi,
} from '../../../shared/api';
import type { RestoredArchive, SavedArchive } from '../../../shared/backup-archive';
import type { Annotation, AnnotationKind } from '../../../shared/model';
import type { SearchHit } from '../../../shared/methods/search';
import type { EntityFields } from '../features/entities/EntityForm';
import { nameKey } from '../../../shared/entity-names';
import type { NewEntity } from '../lib/entity-match';
import type { FileOutcome } from '../lib/import-files';
import { nounLabel, type Noun } from '../lib/labels';
import { selectCurrentDocumentId } from '../store/documents';
import type { WorkbenchStore } from '../store/index';
import { openNote } from '../store/notes';
import { closePanel, focusOn, showAnnotation, showEntity } from '../store/selection';
import { showError, showToast } from '../store/ui';
import { createNotesCommands } from './notes-commands';
import { createResearchCommands } from './research-commands';
import { createCodebookCommands } from './codebook-commands';

export type EventPatch = Pick<
  Input<'entities.update'>['patch'],
  'date' | 'placeId' | 'participants'
>;
import { createSourceCommands } from './source-commands';
import { createTransferCommands } from './transfer-commands';
import { createEvidenceCommands } from './evidence-commands';
import { createWorkspaceCommands } from './workspace-commands';
import { createTeamCommands } from './team-commands';

export type AnnotationPatch = {
  kind?: AnnotationKind;
  note?: string;
  entityIds?: string[];
  tags?: string[];
};

export type WorkbenchCommands = ReturnType<typeof createCommands>;

/** What the window asks of its host rather than of the core (see api/client.ts). */
export interface HostCalls {
  saveBackupArchive?: () => Promise<SavedArchive>;
  /** A .zip chosen in the window, restored from its bytes by the host. */
  restoreBackupArchive?: (file: File) => Promise<RestoredArchive>;
  /** The desktop app's restore from main's own open dialog (the palette's). */
  restoreBackupArchiveWithDialog?: () => Promise<RestoredArchive>;
}

export function createCommands(api: WorkbenchApi, store: WorkbenchStore, host: HostCalls = {}) {
  const { dispatch } = store;

  /** Runs a call; an error shows in the error line and the answer is undefined. */
  async function run<T>(call: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await call();
      if (store.getState().ui.error !== null) dispatch(showError(null));
      return result;
    } catch (error) {
      dispatch(showError(error instanceof Error ? error.message : String(error)));
      return undefined;
    }
  }

  /** After a delete: say what went, and offer to take it back. */
  const deleted = (kind: Noun): void => dispatch(showToast(`${nounLabel(kind)} deleted.`, 'undo'));

  /**
   * Asks the core even when the store says there is nothing to undo: the 'history' event
   * of the change just made may still be on its way, and the core's history is the truth.
   * A refusal ("nothing to undo") is a toast, not an error line.
   */
  async function step(direction: 'undo' | 'redo'): Promise<void> {
    let result: HistoryInfo & { done: string };
    try {
      result = await api[direction === 'undo' ? 'history.undo' : 'history.redo']({});
    } catch (error) {
      dispatch(showToast(error instanceof Error ? error.message : String(error)));
      return;
    }
    // The summary in the store follows from the 'history' event, like every other change.
    dispatch(
      direction === 'undo'
        ? showToast(`Undone: ${result.done}.`, result.canRedo ? 'redo' : undefined)
        : showToast(`Redone: ${result.done}.`, result.canUndo ? 'undo' : undefined),
    );
  }

  function openDocument(id: string | null): void {
    dispatch({ type: 'documents/opened', id });
    dispatch(closePanel());
  }

  /** Opens a highlight's panel and scrolls the reader to it (opening its document). */
  function showHighlight(annotation: { id: string; documentId: string }): void {
    dispatch({ type: 'documents/opened', id: annotation.documentId });
    dispatch(showAnnotation(annotation.id));
    dispatch(focusOn({ documentId: annotation.documentId, annotationId: annotation.id }));
  }

  function imported(outcomes: FileOutcome[]): void {
    dispatch({ type: 'ui/outcomes', outcomes });
    const reimports = outcomes.flatMap((o) => (o.reimport ? [o.reimport] : []));
    if (reimports.length) dispatch({ type: 'ui/reimportAsked', reimports });
    const asks = outcomes.flatMap((o) => (o.references ? [o.references] : []));
    if (asks.length) dispatch({ type: 'interchange/referencesAsked', asks });
    const opened = outcomes.findLast((o) => o.documentId)?.documentId;
    if (opened) openDocument(opened);
  }

  /**
   * A highlight the core has just saved, shown at once in the open document's view. The
   * change event that follows fetches it again (and the counts that follow from it).
   */
  function shown(annotation: Annotation): void {
    dispatch({
      type: 'documents/annotationsPatched',
      documentId: annotation.documentId,
      ids: [annotation.id],
      annotations: [annotation],
    });
  }

  return {
    ...createResearchCommands(api, store, run),
    ...createCodebookCommands(api, store, run),
    ...createTransferCommands(api, store, imported, run, host),
    imported,
    ...createNotesCommands(api, store, run),
    run,
    openDocument,
    showHighlight,
    ...createSourceCommands(api, store, run, openDocument),
    ...createEvidenceCommands(api, store, run),
    ...createWorkspaceCommands(api, store),
    ...createTeamCommands(api, store, run),

    openHit: (hit: SearchHit): void => {
      if (hit.kind === 'entity') return dispatch(showEntity(hit.id));
      if (hit.kind === 'note') return dispatch(openNote(hit.id));
      const documentId = hit.documentId;
      if (!documentId) return;
      if (hit.kind === 'highlight') return showHighlight({ id: hit.id, documentId });
      openDocument(documentId);
      if (hit.start !== undefined && hit.end !== undefined)
        dispatch(focusOn({ documentId, start: hit.start, end: hit.end }));
    },

    createHighlight: async (
      range: { start: number; end: number },
      kind: AnnotationKind,
      intent: 'tag' | 'note' | null,
    ): Promise<void> => {
      const documentId = selectCurrentDocumentId(store.getState());
      if (documentId === null) return;
      const created = await run(() => api['annotations.create']({ documentId, ...range, kind }));
      if (!created) return;
      shown(created);
      dispatch(showAnnotation(created.id, intent));
    },

    /** Resolves true once the change is saved (an editor then drops its draft). */
    updateAnnotation: async (id: string, patch: AnnotationPatch): Promise<boolean> => {
      const updated = await run(() => api['annotations.update']({ id, patch }));
      if (updated) shown(updated);
      return updated !== undefined;
    },

    createEntityAndTag: async (
      annotation: { id: string; entityIds: string[] },
      draft: NewEntity,
    ): Promise<void> => {
      const created = await run(() => api['entities.create'](draft));
      if (!created) return;
      await run(() =>
        api['annotations.update']({
          id: annotation.id,
          patch: { entityIds: [...annotation.entityIds, created.id] },
        }),
      );
    },

    deleteHighlight: async (id: string): Promise<void> => {
      if (!(await run(() => api['annotations.delete']({ id })))) return;
      dispatch(closePanel());
      deleted('highlight');
    },

    createEntity: async (fields: EntityFields): Promise<boolean> => {
      const created = await run(() => api['entities.create'](fields));
      if (created) dispatch(showEntity(created.id));
      return created !== undefined;
    },

    /**
     * The entities a name being created or renamed may duplicate (entities.similar). The
     * question is a help, not a gate: when it cannot be asked, the answer is none.
     */
    similarEntities: async (
      name: string,
      aliases: readonly string[],
      exceptId?: string,
    ): Promise<SimilarEntity[]> => {
      if (!name.trim()) return [];
      try {
        return await api['entities.similar']({
          name: name.trim(),
          aliases: [...aliases],
          ...(exceptId ? { exceptId } : {}),
        });
      } catch {
        return [];
      }
    },

    /**
     * "Same as …": the names typed for a new entity become aliases of the existing one
     * (those it already has, by search's folding, are not added twice).
     */
    addAliases: async (
      entity: { id: string; name: string; aliases: readonly string[] },
      names: readonly string[],
    ): Promise<boolean> => {
      const known = new Set([entity.name, ...entity.aliases].map(nameKey));
      const added = names.filter(
        (n) => n.trim() && !known.has(nameKey(n)) && known.add(nameKey(n)),
      );
      if (!added.length) return true;
      const updated = await run(() =>
        api['entities.update']({
          id: entity.id,
          patch: { aliases: [...entity.aliases, ...added] },
        }),
      );
      return updated !== undefined;
    },

    updateEntity: async (
      id: string,
      fields: Partial<EntityFields> & EventPatch,
    ): Promise<boolean> =>
      (await run(() => api['entities.update']({ id, patch: fields }))) !== undefined,

    deleteEntity: async (id: string, usage: number): Promise<void> => {
      if (!(await run(() => api['entities.delete']({ id, confirmUsage: usage })))) return;
      dispatch(closePanel());
      deleted('entity');
    },

    deleteDocument: async (doc: DocumentListItem): Promise<void> => {
      const done = await run(() =>
        api['documents.delete']({ id: doc.id, confirmHighlights: doc.annotationCount }),
      );
      if (!done) return;
      if (store.getState().documents.chosenId === doc.id)
        dispatch({ type: 'documents/opened', id: null });
      dispatch(closePanel());
      deleted('document');
    },

    undo: (): Promise<void> => step('undo'),
    redo: (): Promise<void> => step('redo'),

    repair: async (): Promise<void> => {
      const report = await run(() => api['workspace.repair']({}));
      if (report) dispatch({ type: 'workspace/repaired', report });
    },
    dismissRepairReport: (): void => dispatch({ type: 'workspace/repaired', report: undefined }),

    /** Import results: listed by file, and the last document added is opened. */
  };
}
