// Bringing material in and taking notes out: import files (the system's file dialog;
// documents, backups, bibliographies, REFI-QDA projects and codebooks), paste text as a new
// document, and export in every format (with the citation style and code chosen in Export
// options). Importing annotations and verifying quotes, used less, are AnnotationActions.
import { EXPORT_FORMATS, exportLabel } from '../../../../shared/concepts/export-formats';
import { useEffect, useRef, useState } from 'react';
import { IMPORT_ACCEPT } from '../../../../shared/concepts/import-formats';
import type { FileOutcome } from '../../lib/import-files';
import { EMPTY_SOURCE, filledSource, SourceFields } from '../reader/SourceFields';
import { ExportOptionsDialog } from './ExportOptionsDialog';
import { showError } from '../../store/ui';
import { selectExportOptions } from '../../store/interchange';
import { useSelector, useWorkbench } from '../../workbench/context';

export function LibraryActions({
  readOnly,
  onImported,
}: {
  readOnly: boolean;
  onImported: (outcomes: FileOutcome[]) => void;
}): React.JSX.Element {
  const { store, commands } = useWorkbench();
  // With the originals the backup is a .zip: the menu says so before it is written.
  const { includeOriginals } = useSelector(selectExportOptions);
  const exports = EXPORT_FORMATS.map((f) => ({
    format: f.id,
    label: exportLabel(f.id, includeOriginals),
  }));
  const onError = (message: string): void => store.dispatch(showError(message));
  const fileInput = useRef<HTMLInputElement>(null);
  const pasteDialog = useRef<HTMLDialogElement>(null);
  const [exportOpen, setExportOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [source, setSource] = useState(EMPTY_SOURCE);
  const [exportOptions, setExportOptions] = useState(false);

  useEffect(() => {
    if (!exportOpen) return;
    const close = (): void => setExportOpen(false);
    window.addEventListener('click', close);
    return () => window.removeEventListener('click', close);
  }, [exportOpen]);

  return (
    <div className="row library-actions">
      {!readOnly && (
        <>
          <button type="button" onClick={() => fileInput.current?.click()}>
            Import files…
          </button>
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            aria-label="Files to import"
            accept={IMPORT_ACCEPT}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              void commands.importFiles(files);
            }}
          />
          <button type="button" onClick={() => pasteDialog.current?.showModal()}>
            Paste text…
          </button>
        </>
      )}
      <div className="menu-anchor">
        <button
          type="button"
          aria-haspopup="menu"
          aria-expanded={exportOpen}
          onClick={(e) => {
            e.stopPropagation();
            setExportOpen((v) => !v);
          }}
        >
          Export…
        </button>
        {exportOpen && (
          <div role="menu" aria-label="Export" className="menu">
            {exports.map(({ format, label }) => (
              <button
                key={format}
                type="button"
                role="menuitem"
                onClick={() => void commands.exportAs(format, label)}
              >
                {label}
              </button>
            ))}
            <button type="button" role="menuitem" onClick={() => setExportOptions(true)}>
              Export options (citation style, code)…
            </button>
            {/* Not a format of the table: a bundle is written from the files, not a snapshot. */}
            <button type="button" role="menuitem" onClick={() => void commands.exportBundle(true)}>
              Evidence bundle (.zip, with originals)
            </button>
            <button type="button" role="menuitem" onClick={() => void commands.exportBundle(false)}>
              Evidence bundle (.zip, originals named only)
            </button>
          </div>
        )}
      </div>
      <ExportOptionsDialog open={exportOptions} onClose={() => setExportOptions(false)} />
      <dialog ref={pasteDialog} aria-labelledby="paste-title" className="confirm paste">
        <h2 id="paste-title">Paste text as a new document</h2>
        <label className="stack">
          Title
          <input value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <SourceFields draft={source} onChange={setSource} />
        <label className="stack">
          Text
          <textarea rows={10} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <div className="row end">
          <button type="button" onClick={() => pasteDialog.current?.close()}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={!text.trim()}
            onClick={() => {
              const filled = filledSource(source);
              void commands
                .pasteText({
                  text,
                  ...(title.trim() ? { title } : {}),
                  ...(Object.keys(filled).length ? { source: filled } : {}),
                })
                .then(
                  (outcome) => {
                    pasteDialog.current?.close();
                    setTitle('');
                    setText('');
                    setSource(EMPTY_SOURCE);
                    onImported([
                      {
                        fileName: 'Pasted text',
                        ok: true,
                        message: outcome.kind === 'document' ? `added “${outcome.title}”` : '',
                        ...(outcome.kind === 'document' ? { documentId: outcome.documentId } : {}),
                      },
                    ]);
                  },
                  (error: unknown) =>
                    onError(error instanceof Error ? error.message : String(error)),
                );
            }}
          >
            Add document
          </button>
        </div>
      </dialog>
    </div>
  );
}
