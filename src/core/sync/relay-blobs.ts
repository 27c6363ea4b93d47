// The relay's blob endpoint: `HEAD|GET|PUT /blobs/<sha256>`, for the bodies and kept files
// that stay out of the CRDT. Every request needs the team key (checked as the WebSocket's
// is); an upload is refused unless its bytes hash to its name, and past a size limit, so no
// member can put a wrong blob under a name another member will ask for.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { bearerKey, keyMatches } from './team-key';

/** The largest blob taken: above the largest file an import accepts. */
export const MAX_BLOB_BYTES = 512 * 1024 * 1024;
const PATH = /^\/blobs\/([0-9a-f]{64})$/;

/** Answers a blob request; false when the request is not for a blob (the caller says 404). */
export function serveBlob(
  req: IncomingMessage,
  res: ServerResponse,
  dir: string,
  key: string,
  refused: () => void,
): boolean {
  const match = PATH.exec(req.url ?? '');
  if (!match) return false;
  if (!keyMatches(bearerKey(req.headers.authorization), key)) {
    refused();
    res.writeHead(401).end();
    return true;
  }
  const sha256 = match[1]!;
  const file = join(dir, sha256);
  const fail = (): void => {
    if (!res.headersSent) res.writeHead(500);
    res.end();
  };
  if (req.method === 'HEAD' || req.method === 'GET') {
    stat(file).then(
      (s) => {
        res.writeHead(200, {
          'content-length': s.size,
          'content-type': 'application/octet-stream',
        });
        if (req.method === 'HEAD') res.end();
        else createReadStream(file).on('error', fail).pipe(res);
      },
      () => res.writeHead(404).end(),
    );
  } else if (req.method === 'PUT') {
    receive(req, res, dir, sha256).catch(fail);
  } else res.writeHead(405, { allow: 'HEAD, GET, PUT' }).end();
  return true;
}

async function receive(
  req: IncomingMessage,
  res: ServerResponse,
  dir: string,
  sha256: string,
): Promise<void> {
  const chunks: Buffer[] = [];
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BLOB_BYTES) {
      res.writeHead(413, { connection: 'close' }).end();
      req.destroy();
      return;
    }
    hash.update(chunk);
    chunks.push(chunk);
  }
  if (hash.digest('hex') !== sha256) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end('the bytes do not hash to the name');
    return;
  }
  await mkdir(dir, { recursive: true });
  // Named only once whole: a reader never sees half a blob under its name.
  const temp = join(dir, `.${sha256}.${randomUUID()}.tmp`);
  try {
    await writeFile(temp, Buffer.concat(chunks));
    await rename(temp, join(dir, sha256));
  } finally {
    await rm(temp, { force: true });
  }
  res.writeHead(201).end();
}
