// A bibliography brought in (BibTeX, RIS or CSL-JSON): first what each reference matches
// here (by DOI, or by address), then the user's choice: fill in the missing details of the
// documents they match, and, if asked, add the others as sources without text. The report
// lists every reference and what became of it; the import is one undoable step.
import { useState } from 'react';
import type { ReferenceOutcome, ReferencesReport } from '../../../../shared/api';
import { useModalDialog } from '../../hooks/use-modal-dialog';
import { plural } from '../../lib/labels';
import { selectReferencesAsk } from '../../store/interchange';
import { showError } from '../../store/ui';
import { useSelector, useWorkbench } from '../../workbench/context';
import '../../styles/interchange.css';

const SAID: Record<ReferenceOutcome['action'], string> = {
  filled: 'Details filled in',
  unchanged: 'Nothing to fill in',
  added: 'Added as a source without text',
  unmatched: 'No document here',
};

function Item({ item, preview }: { item: ReferenceOutcome; preview: boolean }) {
  const matched = item.documentTitle
    ? ` → “${item.documentTitle}” (same ${item.matchedBy === 'doi' ? 'DOI' : item.matchedBy === 'url' ? 'address' : 'title'})`
    : '';
  const what = preview
    ? item.documentTitle
      ? item.filled.length
        ? `would fill in ${item.filled.join(', ')}`
        : 'has every detail already'
      : 'matches no document here'
    : SAID[item.action];
  return (
    <li>
      <strong>{item.title}</strong>
      {matched}
      <span className="interchange-reason">
        {what}
        {!preview && item.filled.length > 0 && `: ${item.filled.join(', ')}`}
        {item.differs.length > 0 && `; kept the workspace’s ${item.differs.join(', ')}`}
      </span>
    </li>
  );
}

export function ReferencesDialog(): React.JSX.Element {
  const { store, commands } = useWorkbench();
  const ask = useSelector(selectReferencesAsk);
  const ref = useModalDialog(ask !== undefined);
  const [add, setAdd] = useState(false);
  const [report, setReport] = useState<ReferencesReport | null>(null);
  const [busy, setBusy] = useState(false);
  const close = (): void => {
    setReport(null);
    setAdd(false);
    store.dispatch({ type: 'interchange/referencesDone' });
  };
  const run = async (): Promise<void> => {
    if (!ask) return;
    setBusy(true);
    try {
      const text = await ask.file.text();
      const mode = add ? 'add' : 'fill';
      const done = await commands.importReferences(ask.fileName, text, mode);
      if (done) setReport(done);
    } catch (error) {
      store.dispatch(showError(error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  };
  const shown = report ?? ask?.report;
  const matching = ask?.report.items.filter((i) => i.documentId).length ?? 0;
  return (
    <dialog
      ref={ref}
      className="confirm interchange"
      aria-labelledby="references-title"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      {ask && shown && (
        <div>
          <h2 id="references-title">Import references from {ask.fileName}</h2>
          <p role="status">
            {report
              ? `${report.counts.filled} filled in, ${report.counts.added} added, ${report.counts.unchanged} unchanged, ${report.counts.unmatched} matching no document.`
              : `${plural(shown.items.length, 'reference')}; ${plural(matching, 'document')} here ${matching === 1 ? 'matches' : 'match'} one by DOI or address.`}
          </p>
          <ol className="interchange-report" aria-label="References" tabIndex={0}>
            {shown.items.map((item) => (
              <Item key={item.index} item={item} preview={!report} />
            ))}
          </ol>
          {!report && (
            <fieldset>
              <legend>What to do</legend>
              <label className="row">
                <input
                  type="radio"
                  name="references-mode"
                  checked={!add}
                  onChange={() => setAdd(false)}
                />
                Fill in the missing details of the documents they match
              </label>
              <label className="row">
                <input
                  type="radio"
                  name="references-mode"
                  checked={add}
                  onChange={() => setAdd(true)}
                />
                …and add the others as sources without text
              </label>
            </fieldset>
          )}
          <div className="row end">
            <button type="button" onClick={close}>
              {report ? 'Close' : 'Cancel'}
            </button>
            {!report && (
              <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
                Import references
              </button>
            )}
          </div>
        </div>
      )}
    </dialog>
  );
}
