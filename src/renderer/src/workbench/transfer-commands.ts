// Bringing files in and taking exports out, with progress: an import says which file of
// how many it is on and can be stopped between files; an export says it is under way.
// Pasted text and annotations files come in here too, and a dossier or the timeline goes
// out as a file. A download shows nothing in the window by itself, so each export says,
// in a toast, the name of the file it saved.
import type { ExportFormat, Input, Output, WorkbenchApi } from '../../../shared/api';
import { download, importFiles, toFileOutcome, type FileOutcome } from '../lib/import-files';
import { describeArchive, type ArchiveCounts } from '../../../shared/backup-archive';
import { WorkbenchError } from '../../../shared/errors';
import { plural } from '../lib/labels';
import type { HostCalls } from './commands';
import type { WorkbenchStore } from '../store/index';
import { selectExportOptions } from '../store/interchange';
import { showError, showToast } from '../store/ui';

type Run = <T>(call: () => Promise<T>) => Promise<T | undefined>;

/** "a backup of 3 documents with 3 originals and 1 image" */
const archiveHolds = (a: ArchiveCounts): string => {
  const said = describeArchive(a);
  return said.charAt(0).toLowerCase() + said.slice(1);
};

export function createTransferCommands(
  api: WorkbenchApi,
  store: WorkbenchStore,
  imported: (outcomes: FileOutcome[]) => void,
  run: Run,
  host: HostCalls = {},
) {
  const { dispatch } = store;
  let controller: AbortController | null = null;
  const clear = (): void => dispatch({ type: 'ui/progress', progress: null });
  const save = (fileName: string, mimeType: string, content: string | Blob): void => {
    download(fileName, mimeType, content);
    dispatch(showToast(`Exported ${fileName}, saved where your downloads go.`));
  };

  return {
    /** A previewed bibliography imported as the user chose; its report, or undefined. */
    importReferences: (fileName: string, text: string, mode: 'fill' | 'add') =>
      run(() => api['documents.importReferences']({ fileName, text, mode })),
    importFiles: async (files: readonly File[]): Promise<void> => {
      if (files.length === 0) return;
      controller?.abort();
      const own = new AbortController();
      controller = own;
      try {
        const outcomes = await importFiles(api, files, {
          signal: own.signal,
          // A chosen .zip: its bytes go to the host, never a second dialog.
          ...(host.restoreBackupArchive ? { restoreArchive: host.restoreBackupArchive } : {}),
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

    /** Whether this window can restore a backup with originals from the host's own dialog. */
    restoresWithDialog: host.restoreBackupArchiveWithDialog !== undefined,

    /** The desktop app's restore: main's open dialog, the user picks the zip once. */
    restoreArchiveWithDialog: async (): Promise<void> => {
      const ask = host.restoreBackupArchiveWithDialog;
      if (!ask) return;
      const restored = await run(ask);
      if (restored?.restored) imported([toFileOutcome(restored.outcome, new Blob())]);
    },

    /**
     * An export of the workspace, or (for a bibliography) of only the sources `documentIds`.
     * The backup carries the originals (as a .zip) when `originals` says so, or, when it is
     * left out, as the export options say (the Export menu's label names which it is).
     */
    exportAs: async (
      format: ExportFormat,
      name: string,
      documentIds?: readonly string[],
      originals?: boolean,
    ): Promise<void> => {
      dispatch({
        type: 'ui/progress',
        progress: { label: `Exporting ${name}`, done: 0, total: null, cancellable: false },
      });
      try {
        const { style, locale, code, includeOriginals } = selectExportOptions(store.getState());
        // The backup with originals is a zip the core streams to a file the host names
        // (a save dialog, or a download), never base64 inside JSON.
        if (format === 'json' && (originals ?? includeOriginals)) {
          if (!host.saveBackupArchive)
            throw new WorkbenchError('INVALID_INPUT', 'This window cannot save a backup archive.');
          const saved = await host.saveBackupArchive();
          if (saved.saved)
            dispatch(showToast(`Exported ${saved.fileName}: ${archiveHolds(saved)}.`));
          return;
        }
        const file = await api['export.create']({
          format,
          style,
          locale,
          ...(code ? { code } : {}),
          ...(documentIds?.length ? { documentIds: [...documentIds] } : {}),
        });
        // A binary export (a .qdpx zip) arrives as base64: saved as its bytes.
        const body =
          file.encoding === 'base64'
            ? new Blob([Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0))], {
                type: file.mimeType,
              })
            : file.content;
        save(file.fileName, file.mimeType, body);
      } catch (error) {
        dispatch(showError(error instanceof Error ? error.message : String(error)));
      } finally {
        clear();
      }
    },

    /** Saves an export of the core's as a file; an error shows in the error line. */
    exportDossier: async (id: string): Promise<void> => {
      const file = await run(() => api['export.dossier']({ id }));
      if (file) save(file.fileName, file.mimeType, file.content);
    },

    exportEvents: async (format: Input<'export.events'>['format']): Promise<void> => {
      const file = await run(() => api['export.events']({ format }));
      if (file) save(file.fileName, file.mimeType, file.content);
    },

    /** Adds pasted text as a document; rejects with the core's reason, for the dialog to show. */
    pasteText: (input: Input<'documents.paste'>): Promise<Output<'documents.paste'>> =>
      api['documents.paste'](input),

    /** Imports an annotations file; rejects with the core's reason, for the dialog to show. */
    importAnnotations: (
      input: Input<'annotations.import'>,
    ): Promise<Output<'annotations.import'>> => api['annotations.import'](input),

    /** How far the annotations import named `jobId` has come (the dialog polls it). */
    importStatus: (jobId: string): Promise<Output<'annotations.importStatus'>> =>
      api['annotations.importStatus']({ jobId }),

    /** Stops the annotations import named `jobId` before it saves anything. */
    cancelImport: (jobId: string): void => {
      void api['annotations.importCancel']({ jobId }).catch(() => undefined);
    },

    /** Stops the import under way after the file it is on. */
    cancelProgress: (): void => controller?.abort(),
  };
}
