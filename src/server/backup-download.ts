// "Backup with originals" in the browser host. A page cannot be handed a path, and a zip
// of originals must not pass through the page's memory as JSON, so it takes two requests:
// POST writes the archive with the core's streaming writer to a private temp folder
// (mkdtemp: readable by this user only) and answers with its counts and a one-time
// download address; the page then follows that address and the host streams the file
// from disk, with its length, as an attachment, and deletes it. An error (an original
// changed on disk, a full disk) is a plain envelope on the POST, before any download
// starts. An address is good once, for ten minutes, and only the latest one is kept, so
// unclaimed archives do not pile up in the temp folder.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Envelope } from '../shared/api';
import {
  BACKUP_ARCHIVE_ROUTE,
  backupArchiveName,
  type ArchiveTicket,
} from '../shared/backup-archive';
import { WorkbenchError } from '../shared/errors';
import { writeBackupArchive, type Workbench } from '../core/index';
import { SECURITY_HEADERS } from './security';

/** How long an unclaimed download address stays good. */
export const ARCHIVE_TICKET_TTL_MS = 10 * 60_000;

interface Pending {
  ticket: string;
  folder: string;
  fileName: string;
  timer?: NodeJS.Timeout;
}

export interface ArchiveDownloads {
  /** Writes the archive; the envelope carries the counts and the one-time address. */
  prepare(): Promise<Envelope<ArchiveTicket>>;
  /** Streams the archive `ticket` names, once; false when no such archive is waiting. */
  download(res: ServerResponse, ticket: string): Promise<boolean>;
  /** Removes any archive not yet downloaded (the host is closing). */
  close(): Promise<void>;
}

export function archiveDownloads(current: () => Workbench): ArchiveDownloads {
  let pending: Pending | null = null;
  const discard = async (p: Pending | null): Promise<void> => {
    if (!p) return;
    clearTimeout(p.timer);
    if (pending === p) pending = null;
    await rm(p.folder, { recursive: true, force: true });
  };

  return {
    async prepare() {
      await discard(pending);
      const folder = await mkdtemp(join(tmpdir(), 'rw-archive-'));
      const fileName = backupArchiveName(new Date());
      try {
        const written = await writeBackupArchive(current(), join(folder, fileName));
        // 32 random bytes: the address cannot be guessed by another page or process.
        const ticket = randomBytes(32).toString('base64url');
        const mine: Pending = { ticket, folder, fileName };
        mine.timer = setTimeout(() => void discard(mine), ARCHIVE_TICKET_TTL_MS);
        mine.timer.unref();
        await discard(pending);
        pending = mine;
        return {
          ok: true,
          value: { fileName, download: `${BACKUP_ARCHIVE_ROUTE}/${ticket}`, ...written },
        };
      } catch (error) {
        await rm(folder, { recursive: true, force: true });
        if (error instanceof WorkbenchError)
          return { ok: false, error: { code: error.code, message: error.message } };
        throw error;
      }
    },

    async download(res, ticket) {
      const p = pending;
      if (!p || p.ticket !== ticket) return false;
      // Spent before the first await: a second request for it, even one arriving while
      // this one streams, finds nothing.
      pending = null;
      clearTimeout(p.timer);
      const path = join(p.folder, p.fileName);
      try {
        const { size } = await stat(path);
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'Content-Type': 'application/zip',
          'Content-Length': String(size),
          'Content-Disposition': `attachment; filename="${p.fileName}"`,
          'Cache-Control': 'no-store',
        });
        await pipeline(createReadStream(path), res);
      } catch (error) {
        // Once the download started, a failure is the page going away: nothing to answer.
        if (!res.headersSent) throw error;
        res.destroy();
      } finally {
        await discard(p);
      }
      return true;
    },

    close: () => discard(pending),
  };
}
