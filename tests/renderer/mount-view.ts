// Mounts one component of the window in jsdom with the real store, view sync and commands
// over a fake core (builders.ts), as the window wires them, and gives the test what it
// needs to act as a user: buttons by name, change events from the core, the calls made.
import { act, createElement, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { MethodName, WorkbenchEvent } from '../../src/shared/api';
import { coreChanged } from '../../src/renderer/src/store/changes';
import { createWorkbenchStore, initialState, type State } from '../../src/renderer/src/store/index';
import { createViewSync } from '../../src/renderer/src/sync/view-sync';
import { createCommands } from '../../src/renderer/src/workbench/commands';
import { ConfirmProvider } from '../../src/renderer/src/workbench/confirm';
import { WorkbenchProvider } from '../../src/renderer/src/workbench/context';
import { fakeApi, type Handlers } from './builders';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export async function mountView(
  element: ReactElement,
  handlers: Handlers,
  state: Partial<State> = {},
) {
  const { api, calls } = fakeApi(handlers);
  const store = createWorkbenchStore({ ...initialState, ...state });
  const views = createViewSync(api, store);
  const stopViews = views.start();
  const commands = createCommands(api, store);
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 3; i++)
      await act(async () => {
        await views.settled();
        await new Promise((resolve) => setTimeout(resolve, 0));
      });
  };
  act(() =>
    root.render(
      createElement(WorkbenchProvider, {
        workbench: { store, commands, views },
        children: createElement(ConfirmProvider, { children: element }),
      }),
    ),
  );
  await settle();
  const button = (name: string | RegExp): HTMLButtonElement => {
    const found = [...container.querySelectorAll('button')].find((b) => {
      const label = b.getAttribute('aria-label') ?? b.textContent?.trim() ?? '';
      return typeof name === 'string' ? label === name : name.test(label);
    });
    if (!found) throw new Error(`no button named ${String(name)}`);
    return found;
  };
  return {
    container,
    store,
    /** The methods called since the last look, in order. */
    called: (): MethodName[] => calls.splice(0),
    settle,
    button,
    click: async (target: HTMLElement): Promise<void> => {
      act(() => target.click());
      await settle();
    },
    send: async (event: WorkbenchEvent): Promise<void> => {
      act(() => store.dispatch(coreChanged(event)));
      await settle();
    },
    unmount: (): void => {
      act(() => root.unmount());
      stopViews();
      container.remove();
    },
  };
}

/** The text of the element matching `selector`, spaces collapsed. */
export const text = (scope: ParentNode, selector: string): string =>
  (scope.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
