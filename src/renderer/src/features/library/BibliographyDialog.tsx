// A bibliography of the sources the user picks, in one of the citation styles the app
// ships: tick the sources (the open document to begin with), choose the style, read the
// entries as the core formats them (a view of the store), and copy them, or save the same
// sources as BibTeX, RIS or CSL-JSON for a reference manager.
import { useState } from 'react';
import {
  citationStyle,
  DEFAULT_CITATION_STYLE,
  type CitationStyle,
} from '../../../../shared/concepts/citation-styles';
import { exportFormat, type ExportFormat } from '../../../../shared/concepts/export-formats';
import { useModalDialog } from '../../hooks/use-modal-dialog';
import { CitationStyleSelect } from './CitationStyleSelect';
import { useView } from '../../hooks/use-view';
import { selectCurrentDocumentId, selectDocumentList } from '../../store/documents';
import { showError, showToast } from '../../store/ui';
import { useCommands, useSelector, useWorkbench } from '../../workbench/context';

const FILES: ExportFormat[] = ['bibtex', 'ris', 'csl-json'];

function Entries({ ids, style }: { ids: string[]; style: CitationStyle }): React.JSX.Element {
  const { store } = useWorkbench();
  const locale = citationStyle(style).locale;
  const view = useView(
    'bibliography',
    { documentIds: ids, style, locale },
    { enabled: ids.length > 0 },
  );
  const entries = view.data?.entries ?? [];
  const copy = (): void =>
    void navigator.clipboard.writeText(entries.join('\n')).then(
      () => store.dispatch(showToast('Bibliography copied.')),
      () => store.dispatch(showError('The bibliography could not be copied.')),
    );
  return (
    <>
      <div
        className="bibliography-preview"
        role="region"
        aria-label="Bibliography"
        aria-live="polite"
      >
        {!ids.length && <p className="muted">Tick at least one source.</p>}
        {view.error && <p className="error">{view.error}</p>}
        {ids.length > 0 && view.loading && <p className="muted">Formatting…</p>}
        {entries.map((e, i) => (
          <p key={i} dir="auto">
            {e}
          </p>
        ))}
      </div>
      <button type="button" className="primary" disabled={!entries.length} onClick={copy}>
        Copy bibliography
      </button>
    </>
  );
}

export function BibliographyDialog({
  open,
  onClose,
}: {
  open: boolean;
  onClose: () => void;
}): React.JSX.Element {
  const ref = useModalDialog(open);
  const commands = useCommands();
  const documents = useSelector(selectDocumentList) ?? [];
  const current = useSelector(selectCurrentDocumentId);
  const [picked, setPicked] = useState<Set<string> | null>(null);
  const [style, setStyle] = useState<CitationStyle>(DEFAULT_CITATION_STYLE);
  const chosen = picked ?? new Set(current ? [current] : []);
  const ids = documents.filter((d) => chosen.has(d.id)).map((d) => d.id);
  const toggle = (id: string, on: boolean): void => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  };
  return (
    <dialog
      ref={ref}
      className="confirm bibliography"
      aria-labelledby="bibliography-title"
      onClose={() => {
        setPicked(null);
        onClose();
      }}
    >
      {open && (
        <div className="stack">
          <h2 id="bibliography-title">Bibliography of sources</h2>
          <fieldset className="bibliography-sources">
            <legend>Sources ({ids.length} chosen)</legend>
            <div className="row">
              <button type="button" onClick={() => setPicked(new Set(documents.map((d) => d.id)))}>
                All
              </button>
              <button type="button" onClick={() => setPicked(new Set())}>
                None
              </button>
            </div>
            {documents.map((d) => (
              <label key={d.id} className="row">
                <input
                  type="checkbox"
                  checked={chosen.has(d.id)}
                  onChange={(e) => toggle(d.id, e.target.checked)}
                />
                <span dir="auto">{d.title}</span>
              </label>
            ))}
          </fieldset>
          <CitationStyleSelect label="Citation style" value={style} onChange={setStyle} />
          <Entries ids={ids} style={style} />
          <div className="row wrap">
            {FILES.map((f) => (
              <button
                key={f}
                type="button"
                disabled={!ids.length}
                onClick={() => void commands.exportAs(f, exportFormat(f).label, ids)}
              >
                Save as {exportFormat(f).label.replace(/^Bibliography \((.*)\)$/, '$1')}
              </button>
            ))}
          </div>
          <div className="row end">
            <button type="button" onClick={() => ref.current?.close()}>
              Close
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
