// Who may use the browser host, the way Jupyter does it: the host prints (and opens) a
// URL with a one-time login code; visiting it exchanges the code for a session cookie.
// The code dies when used or after a short time, so the copy that lands in a browser's
// history or in `ps` output is worthless; session ids live only in this process's memory
// and in the browser's cookie jar (HttpOnly, so page scripts cannot read them either).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Long enough to click or paste a freshly printed link; short enough to be stale in a copy. */
export const LOGIN_CODE_TTL_MS = 2 * 60 * 1000;
const SECRET = /^[A-Za-z0-9_-]{32}$/;

const secret = (): string => randomBytes(24).toString('base64url');
/** Compares digests, so neither the length nor any prefix of a secret leaks through timing. */
const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

export interface Sessions {
  /** A new one-time login code; any older unused code stops working. */
  issueCode(): string;
  /** True while a code is waiting to be used and has not expired. */
  hasLiveCode(): boolean;
  /** Spends a login code; returns a new session id, or null for a wrong, used or old code. */
  redeem(code: string): string | null;
  /** True for a session id this process handed out. */
  valid(sessionId: string): boolean;
}

export function createSessions(ttlMs = LOGIN_CODE_TTL_MS, now = Date.now): Sessions {
  let code: { digest: Buffer; expires: number } | null = null;
  const sessions: Buffer[] = [];
  const live = (): boolean => code !== null && now() < code.expires;
  return {
    issueCode() {
      const value = secret();
      code = { digest: digest(value), expires: now() + ttlMs };
      return value;
    },
    hasLiveCode: live,
    redeem(given) {
      if (!code || !SECRET.test(given)) return null;
      const matches = timingSafeEqual(digest(given), code.digest);
      if (!matches || !live()) return null;
      code = null;
      const session = secret();
      sessions.push(digest(session));
      return session;
    },
    valid(sessionId) {
      if (!SECRET.test(sessionId)) return false;
      const given = digest(sessionId);
      // Every stored session is compared, so the time taken does not say which matched.
      return sessions.reduce((found, known) => timingSafeEqual(given, known) || found, false);
    },
  };
}
