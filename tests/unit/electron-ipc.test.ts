// The IPC binding's sender check, against a mocked `electron`: only our renderer's main
// frame may call the API. A sub-frame (an iframe some imported content might smuggle in),
// a frame showing another address, or a call with no frame is refused without reaching
// the core.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_PREFIX, METHOD_NAMES, type Envelope } from '../../src/shared/api';
import type { Workbench } from '../../src/core/workbench';
import { electron, registered } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electron);

const { bindIpc } = await import('../../src/main/ipc');

type Handler = (event: unknown, payload: unknown) => Promise<Envelope<unknown>>;

const dispatch = vi.fn((_method: string, _payload: unknown) =>
  Promise.resolve<Envelope<unknown>>({ ok: true, value: 'ran' }),
);
const workbench = { dispatch } as unknown as Workbench;
const mainFrame = { parent: null, url: 'app://workbench/index.html' };

beforeEach(() => {
  vi.clearAllMocks();
  bindIpc(() => workbench);
});

const handler = (method: string): Handler =>
  registered<Handler>(electron.ipcMain.handle, `${IPC_PREFIX}${method}`);

describe('bindIpc', () => {
  it('binds every method of the API table, and nothing else', () => {
    const channels = electron.ipcMain.handle.mock.calls.map((args: unknown[]) => args[0]);
    expect(channels).toEqual(METHOD_NAMES.map((m) => `${IPC_PREFIX}${m}`));
  });

  it('runs a call from the renderer’s main frame', async () => {
    const reply = await handler('entities.list')({ senderFrame: mainFrame }, {});
    expect(reply).toEqual({ ok: true, value: 'ran' });
    expect(dispatch).toHaveBeenCalledWith('entities.list', {});
  });

  const refused: [string, unknown][] = [
    ['a sub-frame of the renderer', { ...mainFrame, parent: mainFrame }],
    ['a frame on a foreign site', { parent: null, url: 'https://evil.example/index.html' }],
    ['a file:// page', { parent: null, url: 'file:///tmp/index.html' }],
    ['another app:// host', { parent: null, url: 'app://evil/index.html' }],
    ['a destroyed frame', null],
  ];
  it.each(refused)('refuses a call from %s', async (_label, senderFrame) => {
    const reply = await handler('entities.create')({ senderFrame }, { name: 'X', type: 'person' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();
  });
});
