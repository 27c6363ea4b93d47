// The one content hash of the workbench: SHA-256, written `sha256:<hex>`, for a file's
// bytes as imported, a document's text at each revision, and every record the custody
// log names.
import { createHash } from 'node:crypto';

export function sha256(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** How much of a text is hashed before the caller may give the thread away. */
const CHUNK = 1 << 20;

/**
 * sha256() of a long text a chunk at a time, calling `turn` between chunks (where the
 * caller may let other calls run): the same digest as in one go. A 20 M-character text
 * hashed at once holds the thread for about 100 ms.
 */
export async function sha256InChunks(text: string, turn: () => Promise<void>): Promise<string> {
  if (text.length <= CHUNK) return sha256(text);
  const hash = createHash('sha256');
  for (let at = 0; at < text.length;) {
    // A chunk boundary may split a surrogate pair: hash the pair's two halves together.
    let end = Math.min(at + CHUNK, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += 1;
    hash.update(text.slice(at, end));
    at = end;
    await turn();
  }
  return `sha256:${hash.digest('hex')}`;
}
