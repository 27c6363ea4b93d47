// Undo and redo as API methods: the history lives in the core, so it outlives a reload of
// the window, and every host offers the same steps.
import type { WorkbenchHandlers } from '../../shared/api';
import type { CoreContext } from '../context';

type Handlers = Pick<WorkbenchHandlers, 'history.info' | 'history.undo' | 'history.redo'>;

export function historyHandlers(ctx: CoreContext): Handlers {
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
