// How long a request's body may take. Node's own `requestTimeout` is one deadline for every
// request on the server, and a backup with originals uploaded over a slow link may take far
// longer than 30 s while its bytes keep coming; so the host keeps Node's deadline for the
// headers only and sets the body's here, per request: every route but the restore upload
// gets it (that route, once signed in, stops only when its bytes stop: restore-upload.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { invalid } from './responses';

export interface BodyDeadline {
  /** The route has its own limit (after the session check): this one no longer applies. */
  cancel(): void;
  /** Whether the 408 was sent: the handler must then neither act on the body nor answer. */
  expired(): boolean;
}

/**
 * Answers 408 and closes the connection when the request's body has not all arrived `ms`
 * after its headers. A request already complete (no body, or all of it read) is left be.
 */
export function bodyDeadline(req: IncomingMessage, res: ServerResponse, ms: number): BodyDeadline {
  let expired = false;
  const timer = setTimeout(() => {
    if (req.complete || res.headersSent) return;
    expired = true;
    res.shouldKeepAlive = false;
    invalid(res, 408, `The request's body did not all arrive within ${ms / 1000} s.`);
    // Closed once the answer is out, so the client reads the 408 rather than a reset.
    res.once('finish', () => req.destroy());
  }, ms);
  res.once('close', () => clearTimeout(timer));
  return { cancel: () => clearTimeout(timer), expired: () => expired };
}
