// A blob request whose connection the relay closed before answering (a kept-alive
// connection it dropped while this thread was busy) is sent once more, on a new connection;
// a relay that keeps closing is reported, not asked for ever.
import { createServer, type Server } from 'node:http';
import { afterEach, expect, it } from 'vitest';
import { RelayBlobStore } from '../../../src/core/sync/blob-store';

const NAME = 'ab'.repeat(32);
let server: Server | undefined;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

/** A relay that drops the first `drops` requests' connections unanswered, then answers. */
async function dropping(drops: number): Promise<{ store: RelayBlobStore; seen: () => number }> {
  let seen = 0;
  server = createServer((req, res) => {
    seen += 1;
    req.resume();
    req.on('end', () => {
      if (seen <= drops) req.socket.destroy();
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"missing":[]}');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { store: new RelayBlobStore(`ws://127.0.0.1:${port}`, 'key'), seen: () => seen };
}

it('asks again when the connection was closed before any answer', async () => {
  const { store, seen } = await dropping(1);
  expect(await store.missing([NAME])).toEqual([]);
  expect(seen()).toBe(2);
});

it('reports a relay that closes the second connection too', async () => {
  const { store, seen } = await dropping(2);
  await expect(store.missing([NAME])).rejects.toThrow(/fetch failed/);
  expect(seen()).toBe(2);
});
