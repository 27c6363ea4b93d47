// What the exports use: the citation style and locale of the research notes (Chicago
// author-date, APA, Harvard or OSCOLA; British or American English), and a code that
// limits every export but the backup to the highlights under it; and whether the backup
// carries the original files.
import { CITATION_LOCALES, citationStyle } from '../../../../shared/concepts/citation-styles';
import { codePath, codeTree, flattenTree } from '../../../../shared/codebook/code-tree';
import { useModalDialog } from '../../hooks/use-modal-dialog';
import { CitationStyleSelect } from './CitationStyleSelect';
import { selectCodebook } from '../../store/codebook';
import { selectExportOptions } from '../../store/interchange';
import { selectTags } from '../../store/tags';
import { useSelector, useWorkbench } from '../../workbench/context';

export function ExportOptionsDialog({
  open,
  onClose,
}: {
  open: boolean;
  onClose: () => void;
}): React.JSX.Element {
  const { store } = useWorkbench();
  const ref = useModalDialog(open);
  const options = useSelector(selectExportOptions);
  const codebook = useSelector(selectCodebook);
  const tags = useSelector(selectTags);
  const codes = flattenTree(
    codeTree(
      codebook,
      tags.map((t) => t.tag),
    ),
  );
  const set = (patch: Partial<typeof options>): void =>
    store.dispatch({ type: 'interchange/exportOptions', options: patch });
  return (
    <dialog ref={ref} className="confirm" aria-labelledby="export-options-title" onClose={onClose}>
      {open && (
        <form
          method="dialog"
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            onClose();
          }}
        >
          <h2 id="export-options-title">Export options</h2>
          <CitationStyleSelect
            label="Citation style of the research notes"
            value={options.style}
            onChange={(style) => set({ style, locale: citationStyle(style).locale })}
          />
          <label className="stack">
            Language of the citations
            <select
              value={options.locale}
              onChange={(e) => {
                const locale = CITATION_LOCALES.find((l) => l.id === e.target.value);
                if (locale) set({ locale: locale.id });
              }}
            >
              {CITATION_LOCALES.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.label}
                </option>
              ))}
            </select>
          </label>
          <label className="stack">
            Highlights to export
            <select
              value={options.code ?? ''}
              onChange={(e) => set({ code: e.target.value || null })}
            >
              <option value="">All highlights</option>
              {codes.map((c) => (
                <option key={c.name} value={c.name}>
                  Coded {codePath(codebook, c.name)} (and the codes under it)
                </option>
              ))}
            </select>
          </label>
          <label className="row">
            <input
              type="checkbox"
              checked={options.includeOriginals}
              onChange={(e) => set({ includeOriginals: e.target.checked })}
            />
            Put the original files in the workspace backup
          </label>
          <p className="muted small">
            Without them the backup names each original by its SHA-256 only; with them it is a .zip
            archive of the records and every original, as large as the files. The workspace backup
            always holds everything. Citation styles come from the Citation Style Language project
            (citationstyles.org).
          </p>
          <div className="row end">
            <button type="submit" className="primary">
              Done
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
