// A small data hook: runs a loader whenever its dependencies change and ignores answers
// that arrive after a newer request, so a slow response cannot overwrite a fresh one.
import { useEffect, useState } from 'react';

export interface Query<T> {
  data: T | undefined;
  error: Error | undefined;
}

export function useQuery<T>(load: () => Promise<T> | null, deps: readonly unknown[]): Query<T> {
  const [state, setState] = useState<Query<T>>({ data: undefined, error: undefined });
  useEffect(() => {
    let current = true;
    const pending = load();
    if (!pending) {
      setState({ data: undefined, error: undefined });
      return;
    }
    pending.then(
      (data) => current && setState({ data, error: undefined }),
      (error: unknown) =>
        current && setState((s) => ({ data: s.data, error: error instanceof Error ? error : new Error(String(error)) })),
    );
    return () => {
      current = false;
    };
    // The caller lists the loader's inputs; the loader itself is re-created each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
