// Gives components the workbench: the store, the commands and the views they may watch,
// through one React context, and useSelector to read the store (re-rendering only when the
// value read changes). Components never reach the API: they read the store, watch derived
// views (hooks/use-view.ts) and call commands, which are the only writers.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { State, WorkbenchStore } from '../store/index';
import type { ViewSync } from '../sync/view-sync';
import type { WorkbenchCommands } from './commands';

export interface Workbench {
  store: WorkbenchStore;
  commands: WorkbenchCommands;
  views: Pick<ViewSync, 'watch'>;
}

const WorkbenchContext = createContext<Workbench | null>(null);

export function WorkbenchProvider({
  workbench,
  children,
}: {
  workbench: Workbench;
  children: ReactNode;
}): React.JSX.Element {
  return <WorkbenchContext value={workbench}>{children}</WorkbenchContext>;
}

export function useWorkbench(): Workbench {
  const workbench = useContext(WorkbenchContext);
  if (!workbench) throw new Error('useWorkbench needs a WorkbenchProvider above it');
  return workbench;
}

/** Reads the store. The selector must return a value already in the state (or a primitive). */
export function useSelector<T>(selector: (state: State) => T): T {
  const { store } = useWorkbench();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}

export const useCommands = (): WorkbenchCommands => useWorkbench().commands;
