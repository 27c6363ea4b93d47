// One HTTP request to the relay, sent a second time when the connection it went out on
// was closed before any answer came. Requests reuse kept-alive connections, and the relay
// closes one left idle for 5 s; when this thread is busy for longer (applying a first
// sync, writing 2,000 documents into the team document), the close is only noticed once
// the next request is written on it, and fails with "other side closed" (the whole
// `npm run bench:sync` stopped there). Every blob request can be sent again safely: a blob
// is named by its bytes, and asking which blobs are missing changes nothing.

/** Error codes of a connection that went away before it answered. */
const CLOSED = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED']);

function closedBeforeAnswer(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return error instanceof TypeError && CLOSED.has(String(cause?.code));
}

/** `fetch`, tried once more (on a new connection) when the first connection was closed. */
export async function relayFetch(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (!closedBeforeAnswer(error)) throw error;
    return fetch(url, init);
  }
}
