// The one place where an untrusted call enters the core, for both hosts: look the method
// up in the API table, validate the payload with its schema, run the handler, and turn
// every outcome into an envelope. Nothing is thrown across the process boundary.
import { api, isMethodName, type Envelope, type WorkbenchHandlers } from '../shared/api';
import { describeIssues } from '../shared/issues';
import { WorkbenchError } from './errors';

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
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'INTERNAL', message: `${method} failed: ${message}` } };
  }
}
