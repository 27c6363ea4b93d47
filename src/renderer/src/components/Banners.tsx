// The messages above the workbench: each imported file's outcome, files of the workspace
// that could not be read (and were left untouched), and the last error.
import type { WorkspaceInfo } from '../../../shared/api';
import type { FileOutcome } from '../lib/import-files';

export function Banners({
  outcomes,
  info,
  error,
  onDismissOutcomes,
  onDismissError,
}: {
  outcomes: readonly FileOutcome[];
  info: WorkspaceInfo | undefined;
  error: string | null;
  onDismissOutcomes: () => void;
  onDismissError: () => void;
}): React.JSX.Element {
  return (
    <>
      {outcomes.length > 0 && (
        <div className="banner outcomes" role="status" aria-label="Import results">
          <ul>
            {outcomes.map((o, i) => (
              <li key={i} className={o.ok ? 'ok' : 'failed'}>
                {o.ok ? `✓ ${o.fileName}: ${o.message}` : `✗ ${o.message}`}
              </li>
            ))}
          </ul>
          <button type="button" onClick={onDismissOutcomes} aria-label="Dismiss import results">
            ×
          </button>
        </div>
      )}
      {info && info.problems.length > 0 && (
        <div className="banner" role="status" aria-label="Workspace problems">
          <strong>{info.readOnly ? 'Opened read-only. ' : 'Some files could not be read. '}</strong>
          {info.problems.map((p) => (
            <div key={p.file}>
              <code>{p.file}</code>: {p.reason}. The file was left untouched.
            </div>
          ))}
        </div>
      )}
      {error && (
        <div className="banner error" role="alert">
          {error}
          <button type="button" onClick={onDismissError} aria-label="Dismiss error">
            ×
          </button>
        </div>
      )}
    </>
  );
}
