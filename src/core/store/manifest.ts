// The manifest: the catalog of every document (catalog.ts) and what the custody log last
// said of every record file, saved as `.cache/manifest.json` with the custody line it
// stands for. Opening reads it instead of every document; the custody lines written after
// it name the documents to read again, so a manifest saved before a crash (or never saved
// since) is brought up to date, never trusted beyond the log. It is only derived data: when
// it is missing, unreadable or disagrees with the log, the workspace is scanned instead.
import { join } from 'node:path';
import { z } from 'zod';
import { SCHEMA_VERSION } from '../../shared/model';
import type { StoreFs } from './durable';
import { readRecord, writeRecord } from './record-file';
import { DocumentStamp, DocumentSummary } from './catalog';

export const MANIFEST_FILE = '.cache/manifest.json';

const Hash = z.string().regex(/^sha256:[0-9a-f]{64}$/);

/** Where the custody log stood when the manifest was saved. */
export const Checkpoint = z.strictObject({
  seq: z.number().int().nonnegative(),
  hash: Hash,
  /** Bytes of the log up to and including that line: where the lines after it begin. */
  offset: z.number().int().nonnegative(),
});
export type Checkpoint = z.infer<typeof Checkpoint>;

export const Manifest = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  custody: Checkpoint,
  /** What the custody log last said each record file holds (null: removed). */
  files: z.record(z.string(), Hash.nullable()),
  documents: z.array(DocumentSummary),
  /** Each document's files' size and modification time when last read or written here. */
  stamps: z.record(z.string(), DocumentStamp),
});
export type Manifest = z.infer<typeof Manifest>;

/** The saved manifest, or why it cannot be used. */
export async function readManifest(
  fs: StoreFs,
  dir: string,
): Promise<{ ok: true; manifest: Manifest } | { ok: false; reason: string }> {
  const result = await readRecord(fs, join(dir, MANIFEST_FILE), Manifest);
  if (result.ok) return { ok: true, manifest: result.data };
  return { ok: false, reason: result.missing ? 'there is none' : result.reason };
}

/** Saves the manifest durably (it is only a cache: a failure loses nothing). */
export async function writeManifest(fs: StoreFs, dir: string, manifest: Manifest): Promise<void> {
  await fs.mkdir(join(dir, '.cache'), { recursive: true });
  // Compact: at 20,000 documents the pretty form would be twice the size to read back.
  await writeRecord(fs, join(dir, MANIFEST_FILE), Manifest, manifest, (m) => JSON.stringify(m));
}
