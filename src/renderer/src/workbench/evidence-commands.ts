// What the window does with a source kept as evidence: save the original file out
// (checked by the core against its hash first), highlight an area of a PDF's page, take a
// date printed on the first page as the publication date, and export the evidence bundle.
// The original shown in the window and a figure's image are derived views
// (store/views/originals.ts), not commands.
import type { OriginalView, WorkbenchApi } from '../../../shared/api';
import type { AnnotationKind, PageRegion } from '../../../shared/model';
import { download } from '../lib/import-files';
import type { WorkbenchStore } from '../store/index';
import { showAnnotation } from '../store/selection';
import { showError, showToast } from '../store/ui';

type Run = <T>(call: () => Promise<T>) => Promise<T | undefined>;

export function createEvidenceCommands(api: WorkbenchApi, store: WorkbenchStore, run: Run) {
  const { dispatch } = store;

  const loadOriginal = (id: string): Promise<OriginalView | undefined> =>
    run(() => api['documents.original']({ id }));

  return {
    /** Offers the original file as a download, under the name it was imported with. */
    saveOriginal: async (id: string): Promise<void> => {
      const view = await loadOriginal(id);
      if (!view) return;
      const { fileName, mediaType } = view.original;
      download(
        fileName,
        mediaType,
        new Blob([view.bytes as Uint8Array<ArrayBuffer>], { type: mediaType }),
      );
    },

    createRegion: async (
      documentId: string,
      region: PageRegion,
      kind: AnnotationKind,
    ): Promise<void> => {
      const created = await run(() =>
        api['annotations.createRegion']({ documentId, region, kind }),
      );
      if (!created) return;
      dispatch({
        type: 'documents/annotationsPatched',
        documentId,
        ids: [created.id],
        annotations: [created],
      });
      dispatch(showAnnotation(created.id, 'note'));
    },

    /** Makes the date printed on the first page the publication date, as the user confirms. */
    confirmPublishedDate: async (id: string, date: string): Promise<void> => {
      const done = await run(() =>
        api['documents.updateMetadata']({ id, patch: { source: { publishedDate: date } } }),
      );
      if (done) dispatch(showToast(`Published date set to ${date}.`, 'undo'));
    },

    exportBundle: async (includeOriginals: boolean): Promise<void> => {
      dispatch({
        type: 'ui/progress',
        progress: {
          label: 'Writing the evidence bundle',
          done: 0,
          total: null,
          cancellable: false,
        },
      });
      try {
        const bundle = await api['evidence.bundle']({ includeOriginals });
        download(
          bundle.fileName,
          bundle.mimeType,
          new Blob([bundle.bytes as Uint8Array<ArrayBuffer>], { type: bundle.mimeType }),
        );
        dispatch(
          showToast(
            `Evidence bundle saved. Its fingerprint is ${bundle.fingerprint}: give it to the recipient separately.`,
          ),
        );
      } catch (error) {
        dispatch(showError(error instanceof Error ? error.message : String(error)));
      } finally {
        dispatch({ type: 'ui/progress', progress: null });
      }
    },
  };
}
