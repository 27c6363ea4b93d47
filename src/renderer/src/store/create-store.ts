// The smallest store that React can subscribe to with useSyncExternalStore: one state
// value, a reducer, and listeners told after each dispatch that changed the state. No
// library: the reducer and the modules it combines are plain functions, tested alone.
export interface Store<S, A> {
  getState: () => S;
  dispatch: (action: A) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createStore<S, A>(reduce: (state: S, action: A) => S, initial: S): Store<S, A> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch: (action) => {
      const next = reduce(state, action);
      // A reducer returns the same object when nothing changed, so nothing re-renders.
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
