// history.*: undo and redo as API methods. The history lives in the core, so it outlives a
// reload of the window, and every host offers the same steps.
import type { NamespaceHandlers } from '../../shared/api';
import type { CoreContext } from '../context';

export function historyHandlers(ctx: CoreContext): NamespaceHandlers<'history'> {
  const { store } = ctx;
  return {
    'history.info': () => Promise.resolve(store.historyInfo()),
    'history.undo': async () => {
      const done = await store.undo();
      return { ...store.historyInfo(), done };
    },
    'history.redo': async () => {
      const done = await store.redo();
      return { ...store.historyInfo(), done };
    },
  };
}
