// The browser host's gatekeeping: it is reachable by every local process and every web
// page the user visits, so each API call must carry a session cookie from this run's
// login code, name this exact host (no DNS rebinding) and come from this exact origin
// (no cross-site requests), and state-changing calls must really be JSON (no form posts).
import type { IncomingMessage } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import type { Sessions } from './sessions';

export { CONTENT_SECURITY_POLICY };

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface Gate {
  port: number;
  sessions: Sessions;
}

const allowedHosts = (port: number): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

export function hostAllowed(req: IncomingMessage, gate: Gate): boolean {
  return allowedHosts(gate.port).includes(req.headers.host ?? '');
}

/**
 * Exactly one Host header (RFC 9112, 3.2). Node keeps the first of several and drops the
 * rest, so a proxy or a check that read another one would judge a different host.
 */
export function oneHost(req: IncomingMessage): boolean {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2)
    if (req.rawHeaders[i]!.toLowerCase() === 'host') count += 1;
  return count === 1;
}

/** A request's Origin must name this server exactly; `required` for state-changing calls. */
export function originAllowed(req: IncomingMessage, gate: Gate, required: boolean): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return !required;
  return allowedHosts(gate.port).some((host) => origin === `http://${host}`);
}

/**
 * Cookies are shared by every port of a host, so the name carries the port: two
 * workbenches on one machine keep their own sessions instead of overwriting each other's.
 */
export const sessionCookieName = (port: number): string => `rw-session-${port}`;

export function sessionCookie(port: number, sessionId: string): string {
  return `${sessionCookieName(port)}=${sessionId}; Path=/; HttpOnly; SameSite=Strict`;
}

/**
 * True when any one cookie of this port's name holds a live session. Any page on another
 * port of 127.0.0.1 can set a cookie of that name too (cookies ignore ports): refusing
 * every request with two of them would let such a page sign the user out for good
 * ("cookie tossing"), while a tossed value can never be a session this process issued.
 */
export function sessionValid(req: IncomingMessage, gate: Gate): boolean {
  const name = sessionCookieName(gate.port);
  const values = (req.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .filter(([key]) => key === name)
    .map(([, value]) => value ?? '');
  return values.some((value) => gate.sessions.valid(value));
}

/** The media type itself, parameters dropped: `text/plain; x=application/json` is text. */
export function isJson(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json';
}
