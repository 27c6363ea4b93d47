// The search index worker's entry: builds one part of the index (index-part.ts) off the
// thread that serves the window, and hands the encoded bytes back without copying them.
import { parentPort } from 'node:worker_threads';
import { buildIndexPart, type IndexPartReply, type IndexPartRequest } from './index-part';

const port = parentPort;
if (!port) throw new Error('search-worker.ts runs only as a worker thread');

port.once('message', (request: IndexPartRequest) => {
  buildIndexPart(request).then(
    (bytes) => {
      // Only the bytes (transferred, not copied): the opener reads the manifest from them.
      const reply: IndexPartReply = { ok: true, bytes };
      port.postMessage(reply, [bytes.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      const reply: IndexPartReply = { ok: false, detail: String(error) };
      port.postMessage(reply);
    },
  );
});
