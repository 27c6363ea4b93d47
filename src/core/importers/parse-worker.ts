// The entry of the import worker thread. It parses one file's bytes (PDF, Word, web page,
// Markdown, text) and posts back the document's content or why it cannot be read; or, for
// an annotations import, reads the annotations file or places its annotations
// (src/core/annotations/interchange/worker-side.ts). Hosts build it as its own bundle next
// to theirs; src/core/importers/worker-parser.ts and the annotation placer run it, each
// request in a fresh thread with capped memory (limited-worker.ts).
import { parentPort } from 'node:worker_threads';
import { serveAnnotations } from '../annotations/interchange/worker-side';
import type { AnnotationsRequest } from '../annotations/interchange/worker-messages';
import { importBytes } from './index';
import { ImportError } from './import-error';
import type { ParseReply, ParseRequest } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs only as a worker thread');

port.once('message', (request: ParseRequest | AnnotationsRequest) => {
  if (request.kind === 'parse') void parse(request).then((reply) => port.postMessage(reply));
  else serveAnnotations(request, (reply) => port.postMessage(reply));
});

async function parse({ bytes, fileName }: ParseRequest): Promise<ParseReply> {
  try {
    return { ok: true, content: await importBytes(bytes, fileName) };
  } catch (error) {
    if (error instanceof ImportError) {
      return { ok: false, kind: 'import', fileName: error.fileName, reason: error.reason };
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { ok: false, kind: 'internal', detail };
  }
}
