// How the browser host answers: every response carries the security headers, API answers
// are JSON envelopes, and an internal failure is logged here, on the user's machine, while
// the client gets a generic message with an id to match the log line, never the error text
// (paths, stack details and library messages are no business of a web page).
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Envelope } from '../shared/api';
import { BYTES_KEY } from '../shared/bytes-json';
import { SECURITY_HEADERS } from './security';

export function send(
  res: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(body);
}

/** A Uint8Array in an answer (a kept original) as `{"$bytes": base64}`; see bytes-json.ts. */
function withBytes(_key: string, value: unknown): unknown {
  if (value instanceof Uint8Array)
    return {
      [BYTES_KEY]: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'),
    };
  return value;
}

export function sendEnvelope(
  res: ServerResponse,
  status: number,
  envelope: Envelope<unknown>,
): void {
  send(res, status, JSON.stringify(envelope, withBytes), 'application/json; charset=utf-8');
}

export const refuse = (res: ServerResponse, status: number, message: string): void =>
  sendEnvelope(res, status, { ok: false, error: { code: 'FORBIDDEN', message } });

export const invalid = (res: ServerResponse, status: number, message: string): void =>
  sendEnvelope(res, status, { ok: false, error: { code: 'INVALID_INPUT', message } });

/** Logs the details locally and returns what the client may see. */
export function internalError(detail: unknown, log: (line: string) => void): Envelope<never> {
  const id = randomUUID();
  const text = detail instanceof Error ? (detail.stack ?? detail.message) : String(detail);
  log(`Internal error ${id}: ${text}`);
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      message: `Something went wrong inside the workbench (error ${id}); its terminal has the details.`,
    },
  };
}
