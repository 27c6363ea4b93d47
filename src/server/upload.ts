// The browser host's upload route: POST /api/documents.importBytes with the file's raw
// bytes as the body (Content-Type: application/octet-stream) and its name and options in
// the query. The bytes are gathered as they stream in, never decoded or re-encoded, and
// the size limit is enforced as they arrive: a declared Content-Length past it is refused
// before reading, a body that grows past it is answered 413 at that moment and the
// connection closed, so neither side waits for the rest of a file that will not be read.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ImportBytesMeta } from '../shared/methods/documents';
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from '../shared/concepts/import-formats';
import { describeIssues } from '../shared/issues';
import { invalid } from './responses';

export const UPLOAD_PATH = '/api/documents.importBytes';

export type Upload =
  | { ok: true; payload: { data: Uint8Array } & Record<string, unknown> }
  | { ok: false; answered: true };

/** The media type itself, parameters dropped. */
function isOctetStream(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/octet-stream';
}

/** Answered 413 with the connection closed: the rest of the body is not waited for. */
function tooLarge(req: IncomingMessage, res: ServerResponse, limit: number): void {
  res.shouldKeepAlive = false;
  invalid(res, 413, `The file is larger than ${limitLabel(limit)}, the largest import accepted.`);
  res.once('finish', () => req.destroy());
}

const limitLabel = (limit: number): string =>
  limit === MAX_IMPORT_BYTES ? MAX_IMPORT_LABEL : `${limit} bytes`;

/**
 * Reads an upload after the host's origin and session checks have passed. Either the
 * payload for `documents.importBytes` comes back, or the response has been sent.
 */
export async function readUpload(
  req: IncomingMessage,
  res: ServerResponse,
  searchParams: URLSearchParams,
  limit = MAX_IMPORT_BYTES,
): Promise<Upload> {
  const answered = { ok: false, answered: true } as const;
  // Not a type a form or a simple cross-site request can send: a page elsewhere would
  // need a CORS preflight, which this host never grants.
  if (!isOctetStream(req)) {
    res.shouldKeepAlive = false;
    invalid(res, 415, 'A file upload must send its bytes as application/octet-stream.');
    return answered;
  }
  const meta = ImportBytesMeta.safeParse(Object.fromEntries(searchParams));
  if (!meta.success) {
    res.shouldKeepAlive = false;
    invalid(res, 400, `Invalid upload: ${describeIssues(meta.error.issues, 5)}`);
    return answered;
  }
  const declared = req.headers['content-length'];
  const length = declared === undefined ? undefined : Number(declared);
  if (length !== undefined && length > limit) {
    tooLarge(req, res, limit);
    return answered;
  }
  // With a declared length the bytes go straight into one buffer of that size; a chunked
  // body is kept as its chunks and joined once, after the limit has held to the end.
  const whole = length ? Buffer.allocUnsafe(length) : undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      if (size + chunk.length > limit) {
        tooLarge(req, res, limit);
        return answered;
      }
      if (whole) chunk.copy(whole, size);
      else chunks.push(chunk);
      size += chunk.length;
    }
  } catch {
    // The client went away mid-upload: there is nobody to answer.
    return answered;
  }
  const data = whole ?? Buffer.concat(chunks, size);
  return { ok: true, payload: { ...meta.data, data } };
}
