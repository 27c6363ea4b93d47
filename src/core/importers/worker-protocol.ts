// The messages between the serving thread and the import worker: one request, one reply.
import type { ImportedContent } from './plain-text';

export interface ParseRequest {
  kind: 'parse';
  bytes: Uint8Array;
  fileName: string;
}

export type ParseReply =
  | { ok: true; content: ImportedContent }
  /** The file cannot be read (an ImportError in the worker): said to the user as such. */
  | { ok: false; kind: 'import'; fileName: string; reason: string }
  /** A bug in a parser: logged with its stack, the user gets an error id. */
  | { ok: false; kind: 'internal'; detail: string };

/** Parses one file's bytes to a document's content, or rejects with an ImportError. */
export type ParseFile = (bytes: Uint8Array, fileName: string) => Promise<ImportedContent>;
