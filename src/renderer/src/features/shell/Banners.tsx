// The messages under the top bar: each imported file's outcome, and the last error.
import { useEffect, useState } from 'react';
import {
  selectError,
  selectOutcomes,
  selectProgress,
  showError,
  type Progress,
} from '../../store/ui';
import { useSelector, useWorkbench } from '../../workbench/context';

export function Banners(): React.JSX.Element {
  const { store } = useWorkbench();
  const outcomes = useSelector(selectOutcomes);
  const error = useSelector(selectError);
  const progress = useSelector(selectProgress);
  return (
    <>
      {progress && <ProgressBanner progress={progress} />}
      {outcomes.length > 0 && (
        <div className="banner outcomes" role="status" aria-label="Import results">
          <ul>
            {outcomes.map((o, i) => (
              <li key={i} className={o.ok ? 'ok' : 'failed'}>
                {o.ok ? `✓ ${o.fileName}: ${o.message}` : `✗ ${o.message}`}
              </li>
            ))}
          </ul>
          <button
            type="button"
            onClick={() => store.dispatch({ type: 'ui/outcomes', outcomes: [] })}
            aria-label="Dismiss import results"
          >
            ×
          </button>
        </div>
      )}
      {error && (
        <div className="banner error" role="alert">
          {error}
          <button
            type="button"
            onClick={() => store.dispatch(showError(null))}
            aria-label="Dismiss error"
          >
            ×
          </button>
        </div>
      )}
    </>
  );
}

/** Shown once an operation has taken longer than a moment, so quick ones do not flash. */
function ProgressBanner({ progress }: { progress: Progress }): React.JSX.Element | null {
  const { commands } = useWorkbench();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), 400);
    return () => clearTimeout(timer);
  }, []);
  if (!shown) return null;
  return (
    <div className="banner progress" role="status" aria-label="Progress">
      <span>{progress.label}…</span>
      <progress
        aria-label={progress.label}
        {...(progress.total === null ? {} : { value: progress.done, max: progress.total })}
      />
      {progress.cancellable && (
        <button type="button" onClick={commands.cancelProgress}>
          Stop importing
        </button>
      )}
    </div>
  );
}
