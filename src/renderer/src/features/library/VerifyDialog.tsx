// "Verify quotes": asks the core to check every highlight's quote against its document's
// text and every text against its recorded SHA-256, and lists each mismatch by document
// and highlight, so a researcher knows before publishing whether a file was changed.
import { useEffect, useId, useRef } from 'react';
import type { VerifyReport } from '../../../../shared/methods/workspace';
import { plural } from '../../../../shared/text';
import { useView } from '../../hooks/use-view';
import '../../styles/interchange.css';

/** Mounted when the user asks; the check is made afresh each time it is shown. */
export function VerifyDialog({ onClose }: { onClose: () => void }): React.JSX.Element {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const check = useView('verification', 'all');

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={ref}
      className="confirm interchange"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>Verify quotes</h2>
      {check.pending && <p role="status">Checking every quote…</p>}
      {!check.pending && check.error && (
        <p role="alert" className="interchange-error">
          {check.error}
        </p>
      )}
      {!check.pending && check.data && <Result report={check.data} />}
      <div className="row end">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}

function Result({ report }: { report: VerifyReport }): React.JSX.Element {
  const { mismatches } = report;
  return (
    <>
      <p role="status">
        {mismatches.length === 0
          ? 'Every quote matches its text. '
          : `${plural(mismatches.length, 'mismatch', 'mismatches')} found. `}
        {plural(report.documents, 'document')}, {plural(report.highlights, 'highlight')}:{' '}
        {report.confirmed} confirmed, {report.unconfirmed} fuzzy or orphaned (to review)
        {report.unhashed > 0 &&
          `, ${plural(report.unhashed, 'document')} stored before text hashes (text not checked)`}
        .
      </p>
      {mismatches.length > 0 && (
        <ul className="interchange-mismatches" aria-label="Mismatches" tabIndex={0}>
          {mismatches.map((m, i) => (
            <li key={i}>
              <strong>
                {m.documentTitle ? `“${m.documentTitle}”` : (m.documentId ?? m.file)}
                {m.annotationId ? `, highlight ${m.annotationId}` : ''}
              </strong>
              <span className="interchange-reason">
                {m.reason} ({m.file})
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
