// While the search index is still being built (a large workspace just opened), how far it
// has come; searches answer once it is complete. Asked for again while it moves
// (store/views/workspace-checks.ts).
import { useView } from '../../hooks/use-view';

export function IndexStatus(): React.JSX.Element | null {
  const status = useView('indexStatus', 'all').data;
  if (!status || status.complete) return null;
  return (
    <p className="index-status" role="status">
      Building the search index: {status.indexed.toLocaleString()} of{' '}
      {status.total.toLocaleString()} documents…{' '}
      <progress value={status.indexed} max={Math.max(1, status.total)} aria-label="Search index" />
    </p>
  );
}
