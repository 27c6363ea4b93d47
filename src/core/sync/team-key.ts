// The team key that opens the relay: where it comes from (RW_SYNC_TOKEN or a key file) and
// how a presented key is compared with it. Both sides are hashed first so the comparison
// takes the same time whatever was presented, long or short, right or wrong.
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { WorkbenchError } from '../../shared/errors';

/** Shorter keys are refused: a team key is a secret, not a password to remember. */
export const MIN_KEY_LENGTH = 16;

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Whether `presented` is the team key, compared in constant time. */
export function keyMatches(presented: string | undefined, expected: string): boolean {
  // An absent key is compared too (against a digest it cannot match), so that the time taken
  // says nothing about which check refused it.
  const ok = timingSafeEqual(digest(presented ?? ''), digest(expected));
  return presented !== undefined && ok;
}

/** The key given in an HTTP Authorization header as `Bearer <key>`, if any. */
export function bearerKey(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return undefined;
  return header.slice('Bearer '.length);
}

/**
 * The team key from a key file (its first line) or from RW_SYNC_TOKEN. The error never
 * quotes the key: it may end up in a terminal's scrollback or a CI log.
 */
export async function loadTeamKey(
  keyFile: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  let key: string | undefined;
  if (keyFile) {
    try {
      key = (await readFile(keyFile, 'utf8')).split(/\r?\n/)[0]?.trim();
    } catch (error) {
      throw new WorkbenchError(
        'INVALID_INPUT',
        `The key file ${keyFile} could not be read: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`,
      );
    }
  } else key = env.RW_SYNC_TOKEN?.trim();
  if (!key)
    throw new WorkbenchError(
      'INVALID_INPUT',
      'No team key: set RW_SYNC_TOKEN or give --key-file FILE (a file whose first line is the key).',
    );
  if (key.length < MIN_KEY_LENGTH)
    throw new WorkbenchError(
      'INVALID_INPUT',
      `The team key is too short (${key.length} characters; at least ${MIN_KEY_LENGTH}).`,
    );
  return key;
}
