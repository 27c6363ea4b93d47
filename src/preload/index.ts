// Exposes `window.workbench`: one named function per method of the API table, plus a
// change-event subscription. ipcRenderer itself never reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_PREFIX, METHOD_NAMES, type WorkbenchEvent } from '../shared/api';

const bridge: Record<string, unknown> = Object.fromEntries(
  METHOD_NAMES.map((method) => [
    method,
    (input: unknown) => ipcRenderer.invoke(`${IPC_PREFIX}${method}`, input),
  ]),
);

bridge.onEvent = (listener: (event: WorkbenchEvent) => void): (() => void) => {
  const wrapped = (_event: IpcRendererEvent, payload: WorkbenchEvent): void => listener(payload);
  ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
  return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped);
};

contextBridge.exposeInMainWorld('workbench', bridge);
