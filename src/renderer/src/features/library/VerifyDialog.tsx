// "Verify quotes": asks the core to check every highlight's quote against its document's
// text and every text against its recorded SHA-256, and lists each mismatch by document
// and highlight, so a researcher knows before publishing whether a file was changed.
import { useEffect, useId, useRef, useState } from 'react';
import type { VerifyReport } from '../../../../shared/methods/workspace';
import { plural } from '../../../../shared/text';
import { useWorkbench } from '../../workbench/context';
import '../../styles/interchange.css';

type Step =
  | { kind: 'checking' }
  | { kind: 'failed'; message: string }
  | { kind: 'done'; report: VerifyReport };

/** Mounted when the user asks, so each opening checks the workspace afresh. */
export function VerifyDialog({ onClose }: { onClose: () => void }): React.JSX.Element {
  const { api } = useWorkbench();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [step, setStep] = useState<Step>({ kind: 'checking' });

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    let stale = false;
    api['workspace.verify']({}).then(
      (report) => !stale && setStep({ kind: 'done', report }),
      (error: unknown) =>
        !stale &&
        setStep({
          kind: 'failed',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
    return () => {
      stale = true;
    };
  }, [api]);

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
      {step.kind === 'checking' && <p role="status">Checking every quote…</p>}
      {step.kind === 'failed' && (
        <p role="alert" className="interchange-error">
          {step.message}
        </p>
      )}
      {step.kind === 'done' && <Result report={step.report} />}
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
