// Restoring a backup with originals in the browser host. The page cannot name a path, and
// an archive of originals must not be held whole in memory, so the zip's bytes are the
// request body (application/zip: a type no cross-site form can send) and are streamed to
// a private temp folder (mkdtemp: this user only), counted against the size limit as they
// arrive; then the core restores from that file (every carried file checked, as for the
// command line's `import FILE.zip`), and the folder is removed whatever happened. The
// upload has no overall deadline (a large archive over a slow link may take hours) but is
// cut, answered 408, when no bytes arrive for `idleMs`.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Envelope, ImportOutcome } from '../shared/api';
import { RestoreArchiveQuery, type RestoredArchive } from '../shared/backup-archive';
import { WorkbenchError } from '../shared/errors';
import { describeIssues } from '../shared/issues';
import { restoreBackupArchive, type Workbench } from '../core/index';
import { invalid } from './responses';

/** The media type itself, parameters dropped. */
const isZip = (req: IncomingMessage): boolean =>
  (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === 'application/zip';

/** Answered with the connection closed: the rest of the body is not waited for. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string): null {
  res.shouldKeepAlive = false;
  invalid(res, status, message);
  res.once('finish', () => req.destroy());
  return null;
}

/** Says what stopped, after how much, and that nothing changed. */
const stalledMessage = (fileName: string, size: number, idleMs: number): string =>
  `No bytes of ${fileName} arrived for ${idleMs / 1000} s (after ${size} bytes): the upload was stopped and nothing was restored. Try again; a steadier connection helps.`;

/**
 * Called after the host's origin and session checks. The restore's envelope, or null when
 * the response has been sent (a refused request, or a client that went away).
 */
export async function restoreUpload(
  req: IncomingMessage,
  res: ServerResponse,
  searchParams: URLSearchParams,
  current: () => Workbench,
  limit: number,
  idleMs: number,
): Promise<Envelope<RestoredArchive> | null> {
  if (!isZip(req))
    return refuse(req, res, 415, 'A backup archive must be sent as application/zip.');
  const query = RestoreArchiveQuery.safeParse(Object.fromEntries(searchParams));
  if (!query.success)
    return refuse(req, res, 400, `Invalid restore: ${describeIssues(query.error.issues, 5)}`);
  const tooLarge = `The archive is larger than ${limit} bytes, the largest restore accepted.`;
  if (Number(req.headers['content-length'] ?? 0) > limit) return refuse(req, res, 413, tooLarge);
  const folder = await mkdtemp(join(tmpdir(), 'rw-restore-'));
  try {
    const path = join(folder, query.data.fileName);
    const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    let size = 0;
    // No deadline for the whole upload (a large archive on a slow link takes what it
    // takes), but one for silence: a stalled upload would hold its socket and temp file.
    let silence: NodeJS.Timeout | undefined;
    const waitForBytes = (): void => {
      clearTimeout(silence);
      silence = setTimeout(() => {
        refuse(req, res, 408, stalledMessage(query.data.fileName, size, idleMs));
      }, idleMs);
    };
    try {
      waitForBytes();
      for await (const chunk of req as AsyncIterable<Buffer>) {
        waitForBytes();
        size += chunk.length;
        if (size > limit) {
          out.destroy();
          return refuse(req, res, 413, tooLarge);
        }
        if (!out.write(chunk)) await once(out, 'drain');
      }
      out.end();
      await once(out, 'finish');
    } catch {
      // The client went away mid-upload, or was cut for its silence (its answer sent, the
      // request then destroyed, which ends this loop with an error: no part is restored).
      out.destroy();
      return null;
    } finally {
      clearTimeout(silence);
    }
    const outcome: ImportOutcome = await restoreBackupArchive(current(), path);
    return { ok: true, value: { restored: true, outcome } };
  } catch (error) {
    if (error instanceof WorkbenchError)
      return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
