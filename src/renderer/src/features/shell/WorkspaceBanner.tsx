// What the user must know about the workspace itself: that it is read-only and why (and
// who holds it, when another process does), the files or records that could not be read
// with what a repair would do about each, and the report of the last repair.
import type { FileProblem } from '../../../../shared/api';
import { describeHolder, plural } from '../../lib/labels';
import { selectInfo, selectRepairReport } from '../../store/workspace';
import { useConfirm } from '../../workbench/confirm';
import { useCommands, useSelector } from '../../workbench/context';

const where = (p: FileProblem): string => (p.record ? `${p.file}, ${p.record}` : p.file);

function ProblemList({ problems }: { problems: readonly FileProblem[] }): React.JSX.Element {
  return (
    <ul className="problems">
      {problems.map((p, i) => (
        <li key={`${p.file}:${p.record ?? ''}:${i}`}>
          <code>{p.file}</code>
          {p.record && <> ({p.record})</>}: {p.reason}. The file was left untouched.
        </li>
      ))}
    </ul>
  );
}

export function WorkspaceBanner(): React.JSX.Element | null {
  const info = useSelector(selectInfo);
  const report = useSelector(selectRepairReport);
  const commands = useCommands();
  const confirm = useConfirm();
  if (!info) return null;
  const { problems, lockedBy } = info;
  const askRepair = (): void =>
    confirm({
      title: 'Repair the workspace?',
      message: `Repair makes these changes to ${plural(new Set(problems.map((p) => p.file)).size, 'file')}:`,
      details: problems.map((p) => `${where(p)}: ${p.repair}`),
      confirmLabel: 'Repair workspace',
      tone: 'primary',
      onConfirm: () => void commands.repair(),
    });

  return (
    <>
      {(info.readOnly || problems.length > 0) && (
        <section className="banner workspace-banner" role="status" aria-label="Workspace">
          <strong>{info.readOnly ? 'Opened read-only. ' : 'Some files could not be read. '}</strong>
          {!lockedBy && info.readOnlyReason}
          {lockedBy && (
            <p>
              In use by {describeHolder(lockedBy)}. Close the workspace there to make changes here.
            </p>
          )}
          {problems.length > 0 && <ProblemList problems={problems} />}
          {problems.length > 0 && !lockedBy && (
            <button type="button" onClick={askRepair}>
              Repair workspace…
            </button>
          )}
        </section>
      )}
      {report && (
        <section className="banner repair-report" aria-labelledby="repair-report-heading">
          <div className="row spread">
            <h2 id="repair-report-heading">Repair report</h2>
            <button
              type="button"
              aria-label="Dismiss repair report"
              onClick={commands.dismissRepairReport}
            >
              ×
            </button>
          </div>
          {report.changes.length === 0 ? (
            <p>Nothing was changed.</p>
          ) : (
            <ul aria-label="Changes made">
              {report.changes.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
          {report.remaining.length > 0 && (
            <>
              <p>Repair could not fix these; the files were left as they are:</p>
              <ProblemList problems={report.remaining} />
            </>
          )}
        </section>
      )}
    </>
  );
}
