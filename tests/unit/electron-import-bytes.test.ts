// Files cross the desktop app's process boundary as bytes: the preload bridge passes a
// Uint8Array through (structured clone, no base64) and refuses anything else, or a file
// past the limit, before it is copied; the main process's binding validates the call with
// the API table's schema and imports it into a real workspace. `electron` is mocked.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_PREFIX, type ImportOutcome } from '../../src/shared/api';
import { MAX_IMPORT_BYTES } from '../../src/shared/concepts/import-formats';
import { electron } from './electron-mock';
import { bindIpcToNewWorkspace, exposedBridge, handlerOf, mainFrame } from './electron-ipc-bridge';

vi.mock('electron', async () => (await import('./electron-mock')).electron);

await import('../../src/preload/index');

const bridge = exposedBridge();
const article = new TextEncoder().encode(
  '# Field notes\n\nThe river rose two metres overnight and the ferry stopped running.\n',
);

describe('the preload bridge', () => {
  beforeEach(() => electron.ipcRenderer.invoke.mockReset());

  it('sends a file’s bytes as a Uint8Array on the method’s channel', async () => {
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: 'sent' });
    const input = { fileName: 'notes.md', data: article };
    expect(await bridge['documents.importBytes']!(input)).toEqual({ ok: true, value: 'sent' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(
      `${IPC_PREFIX}documents.importBytes`,
      input,
    );
    const sent = electron.ipcRenderer.invoke.mock.calls[0]![1] as { data: unknown };
    expect(sent.data).toBeInstanceOf(Uint8Array);
  });

  const refused: [string, unknown, RegExp][] = [
    ['base64 text', { fileName: 'a.md', data: 'QQ==' }, /must be bytes/],
    ['no data', { fileName: 'a.md' }, /must be bytes/],
    ['no input', null, /must be bytes/],
    [
      'a file past the limit',
      { fileName: 'a.pdf', data: new Uint8Array(MAX_IMPORT_BYTES + 1) },
      /larger than 200 MB/,
    ],
  ];
  it.each(refused)('refuses %s without crossing to the main process', async (_l, input, why) => {
    const reply = await bridge['documents.importBytes']!(input);
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!reply.ok && reply.error.message).toMatch(why);
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });
});

describe('the main process binding, on a real workspace', () => {
  const workspace = bindIpcToNewWorkspace();
  const call = (payload: unknown) =>
    handlerOf(`${IPC_PREFIX}documents.importBytes`)({ senderFrame: mainFrame }, payload);

  it('imports the bytes as a document', async () => {
    const reply = await call({ fileName: 'notes.md', data: article });
    expect(reply.ok).toBe(true);
    const outcome = (reply as { value: ImportOutcome }).value;
    expect(outcome).toMatchObject({ kind: 'document', title: 'Field notes' });
  });

  const invalid: [string, unknown, RegExp][] = [
    ['base64 instead of bytes', { fileName: 'a.md', data: 'QQ==' }, /must be bytes/],
    ['an empty file', { fileName: 'a.md', data: new Uint8Array(0) }, /the file is empty/],
    ['a path for a name', { fileName: '../a.md', data: article }, /a file name, not a path/],
    ['an unknown field', { fileName: 'a.md', data: article, path: '/etc/passwd' }, /path/],
    ['update without a target', { fileName: 'a.md', data: article, onMatch: 'update' }, /targetId/],
    [
      'a file past the limit',
      { fileName: 'a.pdf', data: new Uint8Array(MAX_IMPORT_BYTES + 1) },
      /larger than 200 MB/,
    ],
  ];
  it.each(invalid)('refuses %s and stores nothing', async (_l, payload, why) => {
    const reply = await call(payload);
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!reply.ok && reply.error.message).toMatch(why);
    const list = await workspace.wb.call('documents.list', {});
    expect(list.ok && list.value).toEqual([]);
  });
});
