// Bringing files in and taking exports out, with progress: an import says which file of
// how many it is on and can be stopped between files; an export says it is under way.
// Pasted text and annotations files come in here too, and a dossier or the timeline goes
// out as a file.
import type { ExportFormat, Input, Output, WorkbenchApi } from '../../../shared/api';
import { download, importFiles, type FileOutcome } from '../lib/import-files';
import { plural } from '../lib/labels';
import type { WorkbenchStore } from '../store/index';
import { showError } from '../store/ui';

type Run = <T>(call: () => Promise<T>) => Promise<T | undefined>;

export function createTransferCommands(
  api: WorkbenchApi,
  store: WorkbenchStore,
  imported: (outcomes: FileOutcome[]) => void,
  run: Run,
) {
  const { dispatch } = store;
  let controller: AbortController | null = null;
  const clear = (): void => dispatch({ type: 'ui/progress', progress: null });

  return {
    importFiles: async (files: readonly File[]): Promise<void> => {
      if (files.length === 0) return;
      controller?.abort();
      const own = new AbortController();
      controller = own;
      try {
        const outcomes = await importFiles(api, files, {
          signal: own.signal,
          onFile: (done, file) =>
            dispatch({
              type: 'ui/progress',
              progress: {
                label: `Importing ${file.name} (${done + 1} of ${plural(files.length, 'file')})`,
                done,
                total: files.length,
                cancellable: files.length > 1,
              },
            }),
        });
        imported(outcomes);
      } finally {
        if (controller === own) {
          controller = null;
          clear();
        }
      }
    },

    exportAs: async (format: ExportFormat, name: string): Promise<void> => {
      dispatch({
        type: 'ui/progress',
        progress: { label: `Exporting ${name}`, done: 0, total: null, cancellable: false },
      });
      try {
        const file = await api['export.create']({ format });
        download(file.fileName, file.mimeType, file.content);
      } catch (error) {
        dispatch(showError(error instanceof Error ? error.message : String(error)));
      } finally {
        clear();
      }
    },

    /** Saves an export of the core's as a file; an error shows in the error line. */
    exportDossier: async (id: string): Promise<void> => {
      const file = await run(() => api['export.dossier']({ id }));
      if (file) download(file.fileName, file.mimeType, file.content);
    },

    exportEvents: async (format: Input<'export.events'>['format']): Promise<void> => {
      const file = await run(() => api['export.events']({ format }));
      if (file) download(file.fileName, file.mimeType, file.content);
    },

    /** Adds pasted text as a document; rejects with the core's reason, for the dialog to show. */
    pasteText: (input: Input<'documents.paste'>): Promise<Output<'documents.paste'>> =>
      api['documents.paste'](input),

    /** Imports an annotations file; rejects with the core's reason, for the dialog to show. */
    importAnnotations: (
      input: Input<'annotations.import'>,
    ): Promise<Output<'annotations.import'>> => api['annotations.import'](input),

    /** Stops the import under way after the file it is on. */
    cancelProgress: (): void => controller?.abort(),
  };
}
