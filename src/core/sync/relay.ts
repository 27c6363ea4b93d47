// The team relay (`cli sync-server`): automerge-repo's WebSocket server adapter behind a
// check of the team key on every connection. It stores what clients send (automerge-repo's
// file storage, in a folder of the relay's own) and passes changes between them; it never
// announces documents, so a client reaches only the documents whose ids it knows. Document
// texts and kept files go through its blob endpoint (relay-blobs.ts), not the CRDT.
//
// TLS: the relay speaks plain ws:// on loopback. To reach it from other machines, put it
// behind a TLS-terminating proxy (for example Caddy: `reverse_proxy 127.0.0.1:PORT`) and
// give clients the wss:// address; the key then never crosses the network in clear.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { Repo, type PeerId } from '@automerge/automerge-repo';
import { NodeWSServerAdapter } from '@automerge/automerge-repo-network-websocket';
import { NodeFSStorageAdapter } from '@automerge/automerge-repo-storage-nodefs';
import { serveBlob } from './relay-blobs';
import { bearerKey, keyMatches } from './team-key';

export interface RelayOptions {
  /** 0 picks a free port. */
  port: number;
  /** Where to listen; loopback unless told otherwise. */
  host?: string;
  /** The relay's storage folder (never a workspace). */
  dataDir: string;
  key: string;
}

export interface Relay {
  readonly port: number;
  readonly host: string;
  /** Connections refused for a missing or wrong key, since start. */
  readonly refused: number;
  close(): Promise<void>;
}

/** The largest message a client may send: the first sync of a big workspace is one. */
const MAX_PAYLOAD = 64 * 1024 * 1024;

function refuse(socket: Duplex): void {
  socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  socket.destroy();
}

export async function startRelay(options: RelayOptions): Promise<Relay> {
  const host = options.host ?? '127.0.0.1';
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD });
  let refused = 0;
  // Besides the WebSocket, only the blobs (bodies and kept files, content-addressed).
  const blobs = join(options.dataDir, 'blobs');
  const http: Server = createServer((req, res) => {
    if (!serveBlob(req, res, blobs, options.key, () => (refused += 1))) res.writeHead(404).end();
  });
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // The key is checked before the WebSocket exists; nothing of the request is logged.
    if (!keyMatches(bearerKey(req.headers.authorization), options.key)) {
      refused += 1;
      refuse(socket);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  // The adapter's types name the server through isomorphic-ws; it is the same `ws` class.
  type AdapterServer = ConstructorParameters<typeof NodeWSServerAdapter>[0];
  const adapter = new NodeWSServerAdapter(wss as unknown as AdapterServer);
  // The Repo connects its adapter only after reading its storage id; a socket accepted before
  // that would have its greeting dropped. So the port opens once the adapter is connected.
  const connected = new Promise<void>((resolve) => {
    const connect = adapter.connect.bind(adapter);
    adapter.connect = (...args: Parameters<typeof connect>) => {
      connect(...args);
      resolve();
    };
  });
  const repo = new Repo({
    network: [adapter],
    storage: new NodeFSStorageAdapter(options.dataDir),
    peerId: `relay-${randomUUID()}` as PeerId,
    sharePolicy: () => Promise.resolve(false),
  });
  await connected;
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, host, () => resolve());
  });
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    port,
    host,
    get refused() {
      return refused;
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      // shutdown() would also flush handles that never became ready, and throw for them.
      adapter.disconnect();
      const ready = Object.values(repo.handles).filter((h) => h.isReady());
      await repo.flush(ready.map((h) => h.documentId));
    },
  };
}
