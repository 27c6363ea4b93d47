// The desktop app's folder dialog and File-menu switches, against a mocked `electron`: a
// cancelled dialog chooses nothing, the dialog says whether it makes or opens a workspace,
// and a refused switch is shown in a box rather than lost.
import { describe, expect, it, vi } from 'vitest';
import { electron, FakeBrowserWindow } from './electron-mock';
import type { Workbench } from '../../src/core/index';

vi.mock('electron', () => electron);
const { folderDialog, switchFromMenu, recentForMenu, reloadAtStart } =
  await import('../../src/main/workspaces');

describe('folderDialog', () => {
  it('returns the chosen folder, over the window, and nothing when cancelled', async () => {
    const win = new FakeBrowserWindow({});
    const choose = folderDialog(() => win as never);
    electron.dialog.showOpenDialog.mockResolvedValueOnce({
      canceled: false,
      filePaths: ['/r/Evin'],
    });
    await expect(choose(true)).resolves.toBe('/r/Evin');
    const [parent, options] = electron.dialog.showOpenDialog.mock.calls.at(-1) as [
      unknown,
      Record<string, unknown>,
    ];
    expect(parent).toBe(win);
    expect(options).toMatchObject({
      title: 'New Workspace',
      properties: ['openDirectory', 'createDirectory'],
    });
    electron.dialog.showOpenDialog.mockResolvedValueOnce({
      canceled: true,
      filePaths: ['/ignored'],
    });
    await expect(folderDialog(() => null)(false)).resolves.toBeUndefined();
    expect(electron.dialog.showOpenDialog.mock.calls.at(-1)![0]).toMatchObject({
      title: 'Open Workspace',
    });
  });
});

describe('switching from the File menu', () => {
  const calls = vi.fn();
  const workbench = (answer: unknown): Workbench =>
    ({
      call: (...args: unknown[]) => {
        calls(...args);
        return Promise.resolve(answer);
      },
    }) as unknown as Workbench;

  it('loads the window at its start once switched, and not when the dialog was cancelled', async () => {
    const loadURL = vi.fn(() => Promise.resolve());
    // The window shows a document of the old workspace.
    const contents = () => ({
      getURL: () => 'app://workbench/index.html#/document/doc_1',
      loadURL,
    });
    await switchFromMenu(
      workbench({ ok: true, value: { opened: false } }),
      { create: true },
      contents,
    );
    expect(loadURL).not.toHaveBeenCalled();
    await switchFromMenu(
      workbench({ ok: true, value: { opened: true, path: '/r/B' } }),
      { create: true },
      contents,
    );
    // Not webContents.reload(): that kept #/document/doc_1, a document the new one lacks.
    expect(loadURL).toHaveBeenCalledExactlyOnceWith('app://workbench/index.html');
  });

  it('loads the window again without the old workspace’s route', () => {
    const loadURL = vi.fn(() => Promise.resolve());
    reloadAtStart({
      getURL: () => 'app://workbench/index.html#/document/doc_1?at=4',
      loadURL,
    });
    expect(loadURL).toHaveBeenCalledExactlyOnceWith('app://workbench/index.html');
  });

  it('shows a refusal in an error box', async () => {
    const wb = workbench({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '“/x” is a file, not a folder.' },
    });
    await switchFromMenu(wb, { create: false }, () => undefined);
    expect(calls).toHaveBeenLastCalledWith('workspaces.open', { create: false });
    expect(electron.dialog.showErrorBox).toHaveBeenLastCalledWith(
      'The workspace could not be opened',
      '“/x” is a file, not a folder.',
    );
  });

  it('lists no recent workspace when the list cannot be read', async () => {
    await expect(
      recentForMenu(workbench({ ok: false, error: { code: 'FORBIDDEN', message: 'no' } })),
    ).resolves.toEqual([]);
  });
});
