// The one content hash of the workbench: SHA-256, written `sha256:<hex>`, for a file's
// bytes as imported, a document's text at each revision, and every record the custody
// log names.
import { createHash } from 'node:crypto';

export function sha256(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
