// The search index worker's entry: builds one part of the index (index-part.ts) off the
// thread that serves the window, and hands the encoded bytes back without copying them;
// or reads the saved cache with its checksum (cache-read.ts); or counts an entity's
// mentions in record files (../mentions/count-records.ts).
import { parentPort } from 'node:worker_threads';
import {
  countRecords,
  type CountRecordsReply,
  type CountRecordsRequest,
} from '../mentions/count-records';
import { readCacheHashed, type CacheReadRequest } from './cache-read';
import type { IndexPartReply, IndexPartRequest } from './index-part';

const port = parentPort;
if (!port) throw new Error('search-worker.ts runs only as a worker thread');

port.once('message', (request: IndexPartRequest | CountRecordsRequest | CacheReadRequest) => {
  if ('readCache' in request) {
    void readCacheHashed(request.readCache).then((reply) =>
      port.postMessage(reply, reply.ok ? [reply.bytes.buffer as ArrayBuffer] : []),
    );
    return;
  }
  if ('countRecords' in request) {
    let reply: CountRecordsReply;
    try {
      reply = { ok: true, counts: countRecords(request) };
    } catch (error) {
      reply = { ok: false, detail: String(error) };
    }
    port.postMessage(reply);
    return;
  }
  // Loaded only for an index part: a count does not need FlexSearch and the index's code.
  import('./index-part')
    .then(({ buildIndexPart }) => buildIndexPart(request))
    .then(
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
