// The messages under the top bar: each imported file's outcome, and the last error.
import { selectError, selectOutcomes, showError } from '../store/ui';
import { useSelector, useWorkbench } from '../workbench/context';

export function Banners(): React.JSX.Element {
  const { store } = useWorkbench();
  const outcomes = useSelector(selectOutcomes);
  const error = useSelector(selectError);
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
