// The preload script, reviewed and pinned: it exposes one thing to the page, `workbench`,
// holding one function per API method and an event subscription; each function invokes
// only its own `rw:` channel with the input as given; the listener receives the payload,
// never Electron's event object (which would hand the page the sender); the menu channel
// passes on only the menu commands the window knows; ipcRenderer itself is never exposed. This is the review behind Electronegativity's PRELOAD_JS_CHECK.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  IPC_EVENT_CHANNEL,
  IPC_MENU_CHANNEL,
  IPC_PREFIX,
  MENU_COMMANDS,
  METHOD_NAMES,
} from '../../src/shared/api';
import {
  IPC_BACKUP_ARCHIVE_CHANNEL,
  IPC_RESTORE_ARCHIVE_CHANNEL,
  IPC_RESTORE_UPLOAD_CHANNEL,
  RESTORE_CHUNK_BYTES,
} from '../../src/shared/backup-archive';

const exposed = new Map<string, unknown>();
const invoke = vi.fn((channel: string, input: unknown) => Promise.resolve({ channel, input }));
const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke,
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) =>
      listeners.set(channel, listener),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}));

beforeAll(async () => {
  await import('../../src/preload/index');
});

describe('the preload bridge', () => {
  it('exposes only `workbench`: the API methods, onEvent, onMenu and the two archive calls', () => {
    expect([...exposed.keys()]).toEqual(['workbench']);
    const bridge = exposed.get('workbench') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(
      [
        ...METHOD_NAMES,
        'onEvent',
        'onMenu',
        'saveBackupArchive',
        'restoreBackupArchive',
        'restoreArchiveUpload',
      ].sort(),
    );
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(JSON.stringify(Object.keys(bridge))).not.toMatch(/ipcRenderer|send|invoke/);
  });

  it('sends a chosen .zip’s steps on their one channel, refusing a part that is not bytes or too large', async () => {
    const bridge = exposed.get('workbench') as Record<
      string,
      (input?: unknown) => Promise<unknown>
    >;
    const part = { step: 'chunk', id: 'A'.repeat(22), offset: 0, data: new Uint8Array(3) };
    invoke.mockClear();
    await bridge.restoreArchiveUpload!(part);
    expect(invoke.mock.calls).toEqual([[IPC_RESTORE_UPLOAD_CHANNEL, part]]);
    invoke.mockClear();
    for (const data of ['abc', new Uint8Array(RESTORE_CHUNK_BYTES + 1)]) {
      const reply = await bridge.restoreArchiveUpload!({ ...part, data });
      expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('sends nothing of the page’s with the archive calls: main asks the user for the file', async () => {
    const bridge = exposed.get('workbench') as Record<
      string,
      (input?: unknown) => Promise<unknown>
    >;
    for (const [call, channel] of [
      ['saveBackupArchive', IPC_BACKUP_ARCHIVE_CHANNEL],
      ['restoreBackupArchive', IPC_RESTORE_ARCHIVE_CHANNEL],
    ] as const) {
      invoke.mockClear();
      await bridge[call]!('/etc/passwd');
      expect(invoke.mock.calls).toEqual([[channel]]);
    }
  });

  it('invokes each method on its own channel with the input unchanged', async () => {
    const bridge = exposed.get('workbench') as Record<string, (input: unknown) => Promise<unknown>>;
    for (const method of METHOD_NAMES) {
      invoke.mockClear();
      // The one byte-carrying method is checked in the preload first (see
      // electron-import-bytes.test.ts); it gets bytes here so it reaches its channel.
      const input =
        method === 'documents.importBytes'
          ? { fileName: 'a.txt', data: new Uint8Array([65]) }
          : { probe: method };
      await bridge[method]!(input);
      expect(invoke).toHaveBeenCalledExactlyOnceWith(`${IPC_PREFIX}${method}`, input);
    }
  });

  it('hands listeners the payload only, and unsubscribes', () => {
    const bridge = exposed.get('workbench') as {
      onEvent: (listener: (payload: unknown) => void) => () => void;
    };
    const seen: unknown[][] = [];
    const stop = bridge.onEvent((...args) => seen.push(args));
    const payload = { type: 'changed', topic: 'notes', ids: [] };
    listeners.get(IPC_EVENT_CHANNEL)!({ sender: 'the ipc event' }, payload);
    expect(seen).toEqual([[payload]]);
    stop();
    expect(listeners.has(IPC_EVENT_CHANNEL)).toBe(false);
  });

  it('passes on only the menu commands the window knows, without the event', () => {
    const bridge = exposed.get('workbench') as {
      onMenu: (listener: (command: unknown) => void) => () => void;
    };
    const seen: unknown[][] = [];
    const stop = bridge.onMenu((...args) => seen.push(args));
    const send = listeners.get(IPC_MENU_CHANNEL)!;
    for (const command of MENU_COMMANDS) send({ sender: 'the ipc event' }, command);
    for (const stranger of ['delete-everything', { command: 'share-workspace' }, undefined])
      send({ sender: 'the ipc event' }, stranger);
    expect(seen).toEqual(MENU_COMMANDS.map((command) => [command]));
    stop();
    expect(listeners.has(IPC_MENU_CHANNEL)).toBe(false);
  });
});
