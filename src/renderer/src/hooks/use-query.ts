// A small data hook: runs a loader whenever its dependencies change and ignores answers
// that arrive after a newer request, so a slow response cannot overwrite a fresh one.
import { useEffect, useState } from 'react';

export interface Query<T> {
  data: T | undefined;
  error: Error | undefined;
}

const IDLE = { data: undefined, error: undefined };

export function useQuery<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
  enabled = true,
): Query<T> {
  const [state, setState] = useState<Query<T>>(IDLE);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    load().then(
      (data) => current && setState({ data, error: undefined }),
      (error: unknown) =>
        current &&
        setState((s) => ({
          data: s.data,
          error: error instanceof Error ? error : new Error(String(error)),
        })),
    );
    return () => {
      current = false;
    };
    // The caller lists the loader's inputs; the loader itself is re-created each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, ...deps]);
  return enabled ? state : IDLE;
}
