// The browser host's gatekeeping: it is reachable by every local process and every web
// page the user visits, so each API call must carry this run's secret token, name this
// exact host (no DNS rebinding) and come from this exact origin (no cross-site requests).
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface Gate {
  token: string;
  port: number;
}

const allowedHosts = (port: number): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

export function hostAllowed(req: IncomingMessage, gate: Gate): boolean {
  return allowedHosts(gate.port).includes(req.headers.host ?? '');
}

/** A request's Origin must name this server exactly; `required` for state-changing calls. */
export function originAllowed(req: IncomingMessage, gate: Gate, required: boolean): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return !required;
  return allowedHosts(gate.port).some((host) => origin === `http://${host}`);
}

export function tokenValid(req: IncomingMessage, gate: Gate): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header);
  if (!match) return false;
  const given = Buffer.from(match[1]!);
  const expected = Buffer.from(gate.token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
