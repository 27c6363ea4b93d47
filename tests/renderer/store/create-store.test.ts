// The store tells its subscribers about changes, and only about changes.
import { describe, expect, it, vi } from 'vitest';
import { createStore } from '../../../src/renderer/src/store/create-store';

type Action = { type: 'add'; n: number };
const reduce = (state: { total: number }, action: Action): { total: number } =>
  action.n === 0 ? state : { total: state.total + action.n };

describe('createStore', () => {
  it('reduces actions and notifies subscribers after each change', () => {
    const store = createStore(reduce, { total: 0 });
    const listener = vi.fn(() => expect(store.getState().total).toBeGreaterThan(0));
    store.subscribe(listener);
    store.dispatch({ type: 'add', n: 2 });
    store.dispatch({ type: 'add', n: 3 });
    expect(store.getState()).toEqual({ total: 5 });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('does not notify when the reducer returns the same state', () => {
    const store = createStore(reduce, { total: 0 });
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispatch({ type: 'add', n: 0 });
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops notifying a listener that unsubscribed', () => {
    const store = createStore(reduce, { total: 0 });
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    unsubscribe();
    store.dispatch({ type: 'add', n: 1 });
    expect(listener).not.toHaveBeenCalled();
  });
});
