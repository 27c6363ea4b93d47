// The workbench's connection to a team relay: an automerge-repo network adapter that sends
// the team key in the Authorization header of the WebSocket upgrade. automerge-repo's own
// client adapter can send no header, and throws out of a socket listener when the relay
// answers 401, which would bring the whole process down; this one reports the refusal and
// tries again later. The key is never put in the URL, which libraries log when debugging.
import WebSocket from 'ws';
import {
  cbor,
  NetworkAdapter,
  type Message,
  type PeerId,
  type PeerMetadata,
} from '@automerge/automerge-repo';

/** How long to wait before trying a closed connection again. */
const RETRY_MS = 1500;
/** After this, the adapter says it is ready even offline, so that nothing waits for it. */
const READY_WITHOUT_PEER_MS = 1000;

interface Wire {
  type: string;
  senderId?: PeerId;
  peerMetadata?: PeerMetadata;
}

export class RelayClientAdapter extends NetworkAdapter {
  private socket: WebSocket | undefined;
  private ready = false;
  private markReady!: () => void;
  private readonly readyNow = new Promise<void>((resolve) => (this.markReady = resolve));
  private retry: NodeJS.Timeout | undefined;
  private closed = false;
  private relayPeer: PeerId | undefined;
  /** Why the last connection failed, if it did ('refused' means a wrong key). */
  lastError: 'refused' | 'unreachable' | undefined;

  constructor(
    private readonly url: string,
    private readonly key: string,
  ) {
    super();
  }

  isReady(): boolean {
    return this.ready;
  }
  whenReady(): Promise<void> {
    return this.readyNow;
  }
  /** Whether the relay has answered our greeting on the open connection. */
  get connected(): boolean {
    return this.relayPeer !== undefined;
  }

  private becomeReady(): void {
    if (this.ready) return;
    this.ready = true;
    this.markReady();
  }

  connect(peerId: PeerId, peerMetadata?: PeerMetadata): void {
    this.peerId = peerId;
    this.peerMetadata = peerMetadata ?? {};
    this.closed = false;
    this.open();
    setTimeout(() => this.becomeReady(), READY_WITHOUT_PEER_MS).unref();
  }

  private open(): void {
    const ws = new WebSocket(this.url, {
      headers: { authorization: `Bearer ${this.key}` },
      maxPayload: 64 * 1024 * 1024,
    });
    ws.binaryType = 'arraybuffer';
    this.socket = ws;
    ws.on('open', () => {
      this.lastError = undefined;
      ws.send(
        cbor.encode({
          type: 'join',
          senderId: this.peerId,
          peerMetadata: this.peerMetadata,
          supportedProtocolVersions: ['1'],
        }),
      );
    });
    ws.on('unexpected-response', (_req, res) => {
      this.lastError = res.statusCode === 401 ? 'refused' : 'unreachable';
      ws.terminate();
    });
    // A socket error is followed by 'close', which retries; nothing is thrown from here.
    ws.on('error', () => {
      this.lastError ??= 'unreachable';
    });
    ws.on('message', (data: WebSocket.RawData) =>
      this.receive(new Uint8Array(data as ArrayBuffer)),
    );
    ws.on('close', () => {
      this.dropPeer();
      if (!this.closed) this.retry = setTimeout(() => this.open(), RETRY_MS);
    });
  }

  private receive(bytes: Uint8Array): void {
    let message: Wire;
    try {
      message = cbor.decode<Wire>(bytes);
    } catch {
      return;
    }
    if (message.type === 'peer' && message.senderId) {
      this.becomeReady();
      this.relayPeer = message.senderId;
      this.emit('peer-candidate', {
        peerId: message.senderId,
        peerMetadata: message.peerMetadata ?? {},
      });
    } else if (message.type !== 'error') {
      this.emit('message', message as unknown as Message);
    }
  }

  private dropPeer(): void {
    if (!this.relayPeer) return;
    this.emit('peer-disconnected', { peerId: this.relayPeer });
    this.relayPeer = undefined;
  }

  send(message: Message): void {
    // Dropped while disconnected: the sync protocol sends what is missing after reconnecting.
    if (this.socket?.readyState !== WebSocket.OPEN) return;
    this.socket.send(cbor.encode(message));
  }

  disconnect(): void {
    this.closed = true;
    clearTimeout(this.retry);
    this.dropPeer();
    this.socket?.terminate();
  }
}
