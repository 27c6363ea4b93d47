// Switching from the window: the dialog lists the workspaces, a switch that succeeds
// reloads the window, a cancelled folder dialog changes nothing, and a refused path says
// why in the dialog and leaves it open.
import { describe, expect, it, vi } from 'vitest';
import { WorkbenchError } from '../../../src/shared/errors';
import { createWorkbenchStore } from '../../../src/renderer/src/store/index';
import { selectSwitcher } from '../../../src/renderer/src/store/workspace';
import { createWorkspaceCommands } from '../../../src/renderer/src/workbench/workspace-commands';
import type { WorkspaceList } from '../../../src/shared/api';
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
    const answers = [{ opened: false as const }, { opened: true as const, path: '/r/C' }];
    const { reload, commands } = setup({ 'workspaces.open': () => answers.shift()! });
    expect(await commands.openWorkspace({ create: true })).toBe(false);
    expect(reload).not.toHaveBeenCalled();
    expect(await commands.openWorkspace({ create: true })).toBe(true);
    expect(reload).toHaveBeenCalledOnce();
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
