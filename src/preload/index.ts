// Exposes `window.workbench`: one named function per method of the API table, plus a
// change-event subscription. ipcRenderer itself never reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  IPC_EVENT_CHANNEL,
  IPC_MENU_CHANNEL,
  MENU_COMMANDS,
  type MenuCommand,
  IPC_PREFIX,
  METHOD_NAMES,
  type Envelope,
  type WorkbenchEvent,
} from '../shared/api';
import {
  IPC_BACKUP_ARCHIVE_CHANNEL,
  IPC_RESTORE_ARCHIVE_CHANNEL,
  IPC_RESTORE_UPLOAD_CHANNEL,
  RESTORE_CHUNK_BYTES,
  type RestoredArchive,
  type RestoreUploadAnswer,
  type SavedArchive,
} from '../shared/backup-archive';
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from '../shared/concepts/import-formats';

/**
 * A file's bytes cross as a Uint8Array (structured clone, no base64). One that is not
 * bytes, or past the import limit, is refused here, before it is copied to the main
 * process; the main process validates the whole call again with the API table's schema.
 */
function refuseBytes(input: unknown): string | undefined {
  const data = (input as { data?: unknown } | null)?.data;
  if (!(data instanceof Uint8Array)) return 'the file data must be bytes (a Uint8Array)';
  if (data.byteLength > MAX_IMPORT_BYTES) return `the file is larger than ${MAX_IMPORT_LABEL}`;
  return undefined;
}

const invoke = (method: string, input: unknown): Promise<Envelope<unknown>> => {
  const refused = method === 'documents.importBytes' ? refuseBytes(input) : undefined;
  if (refused) {
    const message = `Invalid input for ${method}: ${refused}.`;
    return Promise.resolve({ ok: false, error: { code: 'INVALID_INPUT', message } });
  }
  return ipcRenderer.invoke(`${IPC_PREFIX}${method}`, input) as Promise<Envelope<unknown>>;
};

const bridge: Record<string, unknown> = Object.fromEntries(
  METHOD_NAMES.map((method) => [method, (input: unknown) => invoke(method, input)]),
);

// Takes nothing from the page: main asks the user where to save it.
bridge.saveBackupArchive = (): Promise<Envelope<SavedArchive>> =>
  ipcRenderer.invoke(IPC_BACKUP_ARCHIVE_CHANNEL) as Promise<Envelope<SavedArchive>>;
// Nor does restoring one: main asks which zip.
bridge.restoreBackupArchive = (): Promise<Envelope<RestoredArchive>> =>
  ipcRenderer.invoke(IPC_RESTORE_ARCHIVE_CHANNEL) as Promise<Envelope<RestoredArchive>>;

// A .zip chosen in the window: its bytes, a chunk at a time (main checks each step again).
bridge.restoreArchiveUpload = (step: unknown): Promise<Envelope<RestoreUploadAnswer>> => {
  const data = (step as { data?: unknown } | null)?.data;
  if (
    data !== undefined &&
    (!(data instanceof Uint8Array) || data.byteLength > RESTORE_CHUNK_BYTES)
  ) {
    const message = `Invalid restore: a part must be bytes, at most ${RESTORE_CHUNK_BYTES} of them.`;
    return Promise.resolve({ ok: false, error: { code: 'INVALID_INPUT', message } });
  }
  return ipcRenderer.invoke(IPC_RESTORE_UPLOAD_CHANNEL, step) as Promise<
    Envelope<RestoreUploadAnswer>
  >;
};

bridge.onEvent = (listener: (event: WorkbenchEvent) => void): (() => void) => {
  const wrapped = (_event: IpcRendererEvent, payload: WorkbenchEvent): void => listener(payload);
  ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
  return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped);
};

bridge.onMenu = (listener: (command: MenuCommand) => void): (() => void) => {
  const wrapped = (_event: IpcRendererEvent, command: unknown): void => {
    // Only the entries the window knows: the channel carries nothing else to the page.
    if (MENU_COMMANDS.includes(command as MenuCommand)) listener(command as MenuCommand);
  };
  ipcRenderer.on(IPC_MENU_CHANNEL, wrapped);
  return () => ipcRenderer.removeListener(IPC_MENU_CHANNEL, wrapped);
};

contextBridge.exposeInMainWorld('workbench', bridge);
