// The one place where an untrusted call enters the core, for both hosts: look the method
// up in the API table, validate the payload with its schema, run the handler, and turn
// every outcome into an envelope. Nothing is thrown across the process boundary.
import { randomUUID } from 'node:crypto';
import { api, isMethodName, type Envelope, type WorkbenchHandlers } from '../shared/api';
import { describeIssues } from '../shared/issues';
import { WorkbenchError } from '../shared/errors';

type AnyHandler = (input: unknown) => Promise<unknown>;

export async function dispatch(
  handlers: WorkbenchHandlers,
  method: string,
  payload: unknown,
): Promise<Envelope<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `No API method "${method}".` } };
  }
  const parsed = api[method].input.safeParse(payload ?? {});
  if (!parsed.success) {
    const message = `Invalid input for ${method}: ${describeIssues(parsed.error.issues, 5)}`;
    return { ok: false, error: { code: 'INVALID_INPUT', message } };
  }
  try {
    const handler = handlers[method] as AnyHandler;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof WorkbenchError) {
      return { ok: false, error: { code: error.code, message: error.message } };
    }
    // What went wrong inside stays on this machine's log; the caller (a renderer, which
    // may show it to anyone) gets an id to match the log line, never the error's text.
    const id = randomUUID();
    log(
      `Internal error ${id} in ${method}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: `${method} failed inside the workbench (error id ${id}; details are in its log).`,
      },
    };
  }
}

let log = (line: string): void => console.error(line);

/** Where internal errors are written; the terminal (or Electron's log) by default. */
export function setInternalErrorLog(write: (line: string) => void): void {
  log = write;
}
