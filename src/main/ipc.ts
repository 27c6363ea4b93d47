// Binds every method of the API table to ipcMain.handle. Each call is checked to come
// from our own renderer's main frame, then validated and run by the core's dispatcher,
// which answers with an envelope: nothing is thrown across the process boundary.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_PREFIX, METHOD_NAMES, type Envelope } from '../shared/api';
import type { Workbench } from '../core/index';
import { isTrustedUrl } from './window';

/** The refusal of a call from anything but our renderer's main frame, or null if it is. */
export function refuseForeignSender(event: IpcMainInvokeEvent): Envelope<never> | null {
  const frame = event.senderFrame;
  if (frame && frame.parent === null && isTrustedUrl(frame.url)) return null;
  return {
    ok: false,
    error: { code: 'FORBIDDEN', message: 'Calls are only accepted from the workbench window.' },
  };
}

export function bindIpc(current: () => Workbench): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(
      `${IPC_PREFIX}${method}`,
      async (event: IpcMainInvokeEvent, payload: unknown): Promise<Envelope<unknown>> => {
        const refused = refuseForeignSender(event);
        if (refused) return refused;
        return current().dispatch(method, payload);
      },
    );
  }
}
