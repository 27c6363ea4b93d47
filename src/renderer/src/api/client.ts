// The renderer's one way to reach the core: `window.workbench` under Electron, or an HTTP
// client of the same interface in a browser. Both are derived from the API table, and
// both turn error envelopes into WorkbenchError so components can simply await calls.
import {
  METHOD_NAMES,
  type Envelope,
  type ErrorCode,
  type MethodName,
  type WorkbenchApi,
  type WorkbenchBridge,
  type WorkbenchEvent,
} from '../../../shared/api';

export class WorkbenchError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface WorkbenchClient {
  api: WorkbenchApi;
  onEvent(listener: (event: WorkbenchEvent) => void): () => void;
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

const TOKEN_KEY = 'research-workbench-token';

/** Takes the token from the address the host printed, then hides it from the address bar. */
function sessionToken(): string {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpClient(): WorkbenchClient {
  const token = sessionToken();
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const api = buildApi(async (method, input) => {
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(input ?? {}),
    });
    if (response.status === 401) {
      throw new WorkbenchError(
        'FORBIDDEN',
        'This page’s session has ended (the workbench was restarted). Open the address it printed.',
      );
    }
    return (await response.json()) as Envelope<unknown>;
  });
  return { api, onEvent: (listener) => streamEvents(headers.Authorization, listener) };
}

/** Server-sent events over fetch, because EventSource cannot send the token header. */
function streamEvents(
  authorization: string,
  listener: (event: WorkbenchEvent) => void,
): () => void {
  const abort = new AbortController();
  let connectedBefore = false;
  const connect = async (): Promise<void> => {
    while (!abort.signal.aborted) {
      try {
        const response = await fetch('/api/events', {
          headers: { Authorization: authorization },
          signal: abort.signal,
        });
        if (!response.ok || !response.body) return;
        // Changes made while the stream was down sent events nobody heard: after a
        // reconnection, say that anything may have changed, as a reopened workspace does.
        if (connectedBefore) listener({ type: 'changed', topic: 'workspace', ids: [] });
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
  };
}
