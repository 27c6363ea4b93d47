// The renderer's one way to reach the core: `window.workbench` under Electron, or an HTTP
// client of the same interface in a browser. Both are derived from the API table, and
// both turn error envelopes into WorkbenchError so components can simply await calls.
import {
  METHOD_NAMES,
  type Envelope,
  type Input,
  type MenuCommand,
  type MethodName,
  type WorkbenchApi,
  type WorkbenchBridge,
  type WorkbenchEvent,
} from '../../../shared/api';
import {
  BACKUP_ARCHIVE_ROUTE,
  RESTORE_ARCHIVE_ROUTE,
  RESTORE_CHUNK_BYTES,
  type ArchiveTicket,
  type RestoredArchive,
  type SavedArchive,
} from '../../../shared/backup-archive';
import { BYTES_KEY, isBytesWrapper } from '../../../shared/bytes-json';
import { emptyEvent } from '../../../shared/change-event';
import { WorkbenchError } from '../../../shared/errors';

export { WorkbenchError };

export interface WorkbenchClient {
  api: WorkbenchApi;
  onEvent(listener: (event: WorkbenchEvent) => void): () => void;
  /** Menu entries the window answers; only the Electron host has a menu. */
  onMenu?(listener: (command: MenuCommand) => void): () => void;
  /** The backup with originals as a zip, written by the core where the host puts files. */
  saveBackupArchive(): Promise<SavedArchive>;
  /**
   * A backup with originals restored from the .zip the user chose in the window: its bytes
   * go to the host (the browser host's upload route; the desktop app's main, in chunks).
   */
  restoreBackupArchive(file: File): Promise<RestoredArchive>;
  /** The desktop app only: main asks which zip with its own dialog (the palette's restore). */
  restoreBackupArchiveWithDialog?: () => Promise<RestoredArchive>;
}

declare global {
  interface Window {
    workbench?: WorkbenchBridge;
  }
}

function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new WorkbenchError(envelope.error.code, envelope.error.message);
}

function buildApi(
  call: (method: MethodName, input: unknown) => Promise<Envelope<unknown>>,
): WorkbenchApi {
  const entries = METHOD_NAMES.map((method) => [
    method,
    async (input: unknown) => unwrap(await call(method, input)),
  ]);
  return Object.fromEntries(entries) as WorkbenchApi;
}

/**
 * In a browser the session is an HttpOnly cookie set when the one-time login address was
 * opened: this page never sees a secret, so there is none to keep out of storage or history.
 */
function httpClient(): WorkbenchClient {
  const api = buildApi(async (method, input) => {
    const response = await fetch(
      method === 'documents.importBytes'
        ? upload(input as Input<'documents.importBytes'>)
        : new Request(`/api/${method}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            credentials: 'same-origin',
            body: JSON.stringify(input ?? {}),
          }),
    );
    if (response.status === 401) {
      throw new WorkbenchError(
        'FORBIDDEN',
        'This page is not signed in (or the workbench was restarted). Open the login address it printed.',
      );
    }
    return JSON.parse(await response.text(), readBytes) as Envelope<unknown>;
  });
  return {
    api,
    onEvent: (listener) => streamEvents(listener),
    saveBackupArchive: async () => {
      const response = await fetch(BACKUP_ARCHIVE_ROUTE, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: '{}',
      });
      const { download, ...written } = unwrap(
        JSON.parse(await response.text()) as Envelope<ArchiveTicket>,
      );
      // The host streams the file from disk to the browser's downloads: the archive never
      // passes through this page's memory.
      const link = document.createElement('a');
      link.href = download;
      link.download = written.fileName;
      link.click();
      return { saved: true, ...written };
    },
    restoreBackupArchive: async (file) => {
      // The file itself is the body: streamed by the browser, never read into this page.
      const response = await fetch(
        `${RESTORE_ARCHIVE_ROUTE}?${new URLSearchParams({ fileName: file.name })}`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/zip' },
          credentials: 'same-origin',
          body: file,
        },
      );
      return unwrap(JSON.parse(await response.text()) as Envelope<RestoredArchive>);
    },
  };
}

/** Reads `{"$bytes": base64}` in an answer back as bytes (see shared/bytes-json.ts). */
function readBytes(_key: string, value: unknown): unknown {
  if (!isBytesWrapper(value)) return value;
  const binary = atob(value[BYTES_KEY]);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * A file travels as the raw request body, its name and options in the query: the host
 * reads it as it streams in, with the size limit applied as the bytes arrive.
 */
function upload({ data, ...meta }: Input<'documents.importBytes'>): Request {
  const query = new URLSearchParams(
    Object.entries(meta).flatMap(([key, value]) =>
      typeof value === 'string' ? [[key, value]] : [],
    ),
  );
  return new Request(`/api/documents.importBytes?${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream' },
    credentials: 'same-origin',
    body: data as Uint8Array<ArrayBuffer>,
  });
}

/** Server-sent events over fetch, which reports a refused stream instead of retrying it. */
function streamEvents(listener: (event: WorkbenchEvent) => void): () => void {
  const abort = new AbortController();
  let connectedBefore = false;
  const connect = async (): Promise<void> => {
    while (!abort.signal.aborted) {
      try {
        const response = await fetch('/api/events', {
          credentials: 'same-origin',
          signal: abort.signal,
        });
        if (!response.ok || !response.body) return;
        // Changes made while the stream was down sent events nobody heard: after a
        // reconnection, say that anything may have changed, as a reopened workspace does.
        if (connectedBefore) listener(emptyEvent({ canUndo: false, canRedo: false }, true));
        connectedBefore = true;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = frame.split('\n').find((line) => line.startsWith('data: '));
            if (data) listener(JSON.parse(data.slice(6)) as WorkbenchEvent);
          }
        }
      } catch {
        // The host went away or the page is closing; retry shortly unless aborted.
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  };
  void connect();
  return () => abort.abort();
}

export function createClient(): WorkbenchClient {
  const bridge = window.workbench;
  if (!bridge) return httpClient();
  return {
    api: buildApi((method, input) => bridge[method](input)),
    onEvent: (listener) => bridge.onEvent(listener),
    onMenu: (listener) => bridge.onMenu?.(listener) ?? (() => undefined),
    saveBackupArchive: async () => {
      if (!bridge.saveBackupArchive)
        throw new WorkbenchError('INVALID_INPUT', 'This window cannot save a backup archive.');
      return unwrap(await bridge.saveBackupArchive());
    },
    restoreBackupArchive: async (file) => {
      const send = bridge.restoreArchiveUpload;
      if (!send)
        throw new WorkbenchError('INVALID_INPUT', 'This window cannot restore a backup archive.');
      const { id } = unwrap(
        await send({ step: 'begin', fileName: file.name, size: file.size }),
      ) as {
        id: string;
      };
      try {
        // A slice at a time: the archive is never held whole in this page's memory.
        for (let offset = 0; offset < file.size; offset += RESTORE_CHUNK_BYTES) {
          const part = file.slice(offset, offset + RESTORE_CHUNK_BYTES);
          const data = new Uint8Array(await part.arrayBuffer());
          unwrap(await send({ step: 'chunk', id, offset, data }));
        }
      } catch (error) {
        void send({ step: 'abort', id });
        throw error;
      }
      return unwrap(await send({ step: 'finish', id })) as RestoredArchive;
    },
    restoreBackupArchiveWithDialog: async () => {
      if (!bridge.restoreBackupArchive)
        throw new WorkbenchError('INVALID_INPUT', 'This window cannot restore a backup archive.');
      return unwrap(await bridge.restoreBackupArchive());
    },
  };
}
