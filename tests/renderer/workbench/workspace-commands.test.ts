// Switching from the window: the dialog lists the workspaces, a switch that succeeds
// reloads the window, a cancelled folder dialog changes nothing, and a refused path says
// why in the dialog and leaves it open.
import { describe, expect, it, vi } from 'vitest';
import { WorkbenchError } from '../../../src/shared/errors';
import { createWorkbenchStore } from '../../../src/renderer/src/store/index';
import { selectSwitcher } from '../../../src/renderer/src/store/workspace';
import { createWorkspaceCommands } from '../../../src/renderer/src/workbench/workspace-commands';
import type { WorkspaceList } from '../../../src/shared/api';
import {
  addressWithoutRoute,
  sayHowWindowStarted,
} from '../../../src/renderer/src/sync/switch-notice';
import { fakeApi, type Handlers } from '../builders';

const LIST: WorkspaceList = {
  current: '/r/A',
  recent: [{ path: '/r/B', name: 'B', openedAt: '2026-12-07T09:00:00.000Z' }],
  choose: 'path',
};

function setup(handlers: Handlers) {
  const { api, calls } = fakeApi({ 'workspaces.list': () => LIST, ...handlers });
  const store = createWorkbenchStore();
  const reload = vi.fn();
  return { store, calls, reload, commands: createWorkspaceCommands(api, store, reload) };
}

describe('workspace commands', () => {
  it('shows the dialog with the recent list', async () => {
    const { store, commands } = setup({});
    await commands.showWorkspaces();
    expect(selectSwitcher(store.getState())).toMatchObject({ open: true, list: LIST });
  });

  it('reloads the window once the core has switched, and not when nothing was chosen', async () => {
    const answers = [
      { opened: false as const },
      { opened: true as const, path: '/r/C' },
      { opened: true as const, path: '/r/B' },
    ];
    const { reload, commands } = setup({ 'workspaces.open': () => answers.shift()! });
    expect(await commands.openWorkspace({ create: true })).toBe(false);
    expect(reload).not.toHaveBeenCalled();
    expect(await commands.openWorkspace({ create: true })).toBe(true);
    // The new window says what happened.
    expect(reload).toHaveBeenCalledExactlyOnceWith('Created the workspace /r/C.');
    await commands.openWorkspace({ path: '/r/B', create: false });
    expect(reload).toHaveBeenLastCalledWith('Opened the workspace /r/B.');
  });

  it('starts the new window at no document, and says once what the switch did', () => {
    // The old workspace's document is not in the new one: its route must not carry over.
    expect(addressWithoutRoute('http://127.0.0.1:5123/?token=x#/document/d-1')).toBe(
      'http://127.0.0.1:5123/?token=x',
    );
    expect(addressWithoutRoute('file:///app/index.html')).toBe('file:///app/index.html');
    const saved = new Map<string, string>();
    const storage = {
      getItem: (key: string) => saved.get(key) ?? null,
      setItem: (key: string, value: string) => void saved.set(key, value),
      removeItem: (key: string) => void saved.delete(key),
    };
    storage.setItem('workbench.switched', 'Created the workspace /r/C.');
    const store = createWorkbenchStore();
    sayHowWindowStarted(store, storage);
    sayHowWindowStarted(store, storage);
    expect(store.getState().ui.toasts.map((t) => t.message)).toEqual([
      'Created the workspace /r/C.',
    ]);
  });

  it('keeps the dialog open with the reason when the core refuses', async () => {
    const { store, reload, commands } = setup({
      'workspaces.open': () => {
        throw new WorkbenchError('INVALID_INPUT', '“notes.txt” is not a full path.');
      },
    });
    await commands.showWorkspaces();
    await commands.openWorkspace({ path: 'notes.txt', create: false });
    expect(reload).not.toHaveBeenCalled();
    expect(selectSwitcher(store.getState())).toMatchObject({
      open: true,
      busy: false,
      error: '“notes.txt” is not a full path.',
    });
    commands.closeWorkspaces();
    expect(selectSwitcher(store.getState()).open).toBe(false);
  });
});
