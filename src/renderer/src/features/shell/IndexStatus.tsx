// While the search index is still being built (a large workspace just opened), how far it
// has come; searches answer once it is complete.
import { useEffect, useState } from 'react';
import { useWorkbench } from '../../workbench/context';

interface Status {
  indexed: number;
  total: number;
  complete: boolean;
}

export function IndexStatus(): React.JSX.Element | null {
  const { api } = useWorkbench();
  const [status, setStatus] = useState<Status | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = (): void => {
      void api['search.status']({})
        .then((next) => {
          if (stopped) return;
          setStatus(next);
          if (!next.complete) timer = setTimeout(poll, 400);
        })
        .catch(() => undefined);
    };
    poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api]);
  if (!status || status.complete) return null;
  return (
    <p className="index-status" role="status">
      Building the search index: {status.indexed.toLocaleString()} of{' '}
      {status.total.toLocaleString()} documents…{' '}
      <progress value={status.indexed} max={Math.max(1, status.total)} aria-label="Search index" />
    </p>
  );
}
