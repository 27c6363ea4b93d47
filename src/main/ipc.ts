// Binds every method of the API table to ipcMain.handle. Each call is checked to come
// from our own renderer's main frame, then validated and run by the core's dispatcher,
// which answers with an envelope: nothing is thrown across the process boundary.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_PREFIX, METHOD_NAMES, type Envelope } from '../shared/api';
import type { Workbench } from '../core/index';
import { isTrustedUrl } from './window';

export function bindIpc(current: () => Workbench): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(
      `${IPC_PREFIX}${method}`,
      async (event: IpcMainInvokeEvent, payload: unknown): Promise<Envelope<unknown>> => {
        const frame = event.senderFrame;
        if (!frame || frame.parent !== null || !isTrustedUrl(frame.url)) {
          return {
            ok: false,
            error: {
              code: 'FORBIDDEN',
              message: 'Calls are only accepted from the workbench window.',
            },
          };
        }
        return current().dispatch(method, payload);
      },
    );
  }
}
