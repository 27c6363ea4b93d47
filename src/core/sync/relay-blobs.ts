// The relay's blob endpoint: `HEAD|GET|PUT /blobs/<sha256>`, for the bodies and kept files
// that stay out of the CRDT, and `POST /blobs/missing`, which names those of a batch the
// relay lacks (a relay restarted empty or from an older backup: members send them again).
// Every request needs the team key (checked as the WebSocket's is); an upload is refused
// unless its bytes hash to its name, and past a size limit, so no member can put a wrong
// blob under a name another member will ask for.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { bearerKey, keyMatches } from './team-key';

/** The largest blob taken: above the largest file an import accepts. */
export const MAX_BLOB_BYTES = 512 * 1024 * 1024;
const PATH = /^\/blobs\/([0-9a-f]{64})$/;
const MISSING_PATH = '/blobs/missing';

/** Answers a blob request; false when the request is not for a blob (the caller says 404). */
export function serveBlob(
  req: IncomingMessage,
  res: ServerResponse,
  dir: string,
  key: string,
  refused: () => void,
): boolean {
  const match = PATH.exec(req.url ?? '');
  const missing = req.url === MISSING_PATH;
  if (!match && !missing) return false;
  if (!keyMatches(bearerKey(req.headers.authorization), key)) {
    refused();
    res.writeHead(401).end();
    return true;
  }
  if (missing) {
    if (req.method === 'POST')
      answerMissing(req, res, dir).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    else res.writeHead(405, { allow: 'POST' }).end();
    return true;
  }
  if (!match) return false;
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

/** The most blob names one `POST /blobs/missing` may ask about; clients ask in batches. */
export const MAX_MISSING_QUERY = 1000;
/** Its body: that many names in JSON, with room to spare, and no more read into memory. */
const MAX_MISSING_BODY = MAX_MISSING_QUERY * 80 + 1024;
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The blob names of a `POST /blobs/missing` body, `{"blobs": [<sha256>, …]}`; a string saying
 * what is wrong when it is not that (every name a SHA-256 in lowercase hex, at most
 * MAX_MISSING_QUERY of them), so a broken client is told, and a hostile one never makes the
 * relay look up a path of its choosing.
 */
export function missingQuery(text: string): string[] | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'the body is not JSON';
  }
  const blobs = (json as { blobs?: unknown } | null)?.blobs;
  if (!Array.isArray(blobs)) return 'the body must be {"blobs": [<sha256>, …]}';
  if (blobs.length > MAX_MISSING_QUERY)
    return `at most ${MAX_MISSING_QUERY} blobs may be asked about at once, not ${blobs.length}`;
  const bad = blobs.findIndex((b) => typeof b !== 'string' || !SHA256.test(b));
  if (bad >= 0) return `blobs[${bad}] is not a SHA-256 (64 lowercase hex digits)`;
  return blobs as string[];
}

/** Answers which of the asked blobs this relay does not hold: `{"missing": [...]}`. */
async function answerMissing(
  req: IncomingMessage,
  res: ServerResponse,
  dir: string,
): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_MISSING_BODY) {
      res
        .writeHead(413, { 'content-type': 'text/plain', connection: 'close' })
        .end(`the request is larger than ${MAX_MISSING_BODY} bytes`);
      req.destroy();
      return;
    }
    chunks.push(chunk);
  }
  const query = missingQuery(Buffer.concat(chunks).toString('utf8'));
  if (typeof query === 'string') {
    res.writeHead(400, { 'content-type': 'text/plain' }).end(query);
    return;
  }
  const held = await Promise.all(
    query.map((sha) =>
      stat(join(dir, sha)).then(
        (s) => s.isFile(),
        () => false,
      ),
    ),
  );
  const missing = query.filter((_, i) => !held[i]);
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ missing }));
}
