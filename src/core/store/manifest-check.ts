// The strict check of the manifest's lines (manifest.ts), written by hand for what there is
// most of: at 20,000 documents, 200,000 highlight ids, 200,000 entity counts and 40,000
// file hashes, which zod checked at about 2 µs each. The rules are zod's own (the same id
// rule as `Id`, positive whole counts, SHA-256 hashes, no field it does not know); the
// document's record (title, source, dates), varied and comparatively small, is still
// checked by its zod schema, so the manifest cannot drift from the model.
import { z } from 'zod';
import { describeIssues } from '../../shared/issues';
import { isId, SCHEMA_VERSION } from '../../shared/model';
import { DocumentMeta, type DocumentStamp, type DocumentSummary } from './catalog';

/** Why a manifest cannot be used: it is then ignored and the workspace scanned. */
export class ManifestError extends Error {}

const HASH = /^sha256:[0-9a-f]{64}$/;

/** Where the custody log stood when the manifest was saved. */
export const Checkpoint = z.strictObject({
  seq: z.number().int().nonnegative(),
  hash: z.string().regex(HASH),
  /** Bytes of the log up to and including that line: where the lines after it begin. */
  offset: z.number().int().nonnegative(),
});
export type Checkpoint = z.infer<typeof Checkpoint>;

/** The first line: what the manifest stands for, and how many records follow. */
const Header = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  custody: Checkpoint,
  documents: z.number().int().nonnegative(),
  files: z.number().int().nonnegative(),
});

export function checkHeader(value: unknown): z.infer<typeof Header> {
  const header = Header.safeParse(value);
  if (!header.success)
    throw new ManifestError(
      `its first line is not a manifest's (${describeIssues(header.error.issues)})`,
    );
  return header.data;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Counts by name (entity id or tag), each a positive whole number; a fresh prototype-free copy. */
function counts(value: unknown, what: string): Record<string, number> {
  if (!isRecord(value)) throw new ManifestError(`${what} is not an object`);
  const out = Object.create(null) as Record<string, number>;
  // Keys, not entries: no pair made for each of 400,000 counts at 20,000 documents.
  for (const key of Object.keys(value)) {
    const n = value[key];
    if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0)
      throw new ManifestError(`${what} "${key}" is not a positive whole number`);
    out[key] = n;
  }
  return out;
}

const SUMMARY_FIELDS = new Set(['document', 'annotationIds', 'entities', 'tags']);

/** One document's summary, as catalog.ts's `DocumentSummary` schema would take it. */
export function checkSummary(value: unknown): DocumentSummary {
  if (!isRecord(value)) throw new ManifestError('the summary is not an object');
  for (const key of Object.keys(value))
    if (!SUMMARY_FIELDS.has(key)) throw new ManifestError(`unknown field "${key}"`);
  const document = DocumentMeta.safeParse(value.document);
  if (!document.success)
    throw new ManifestError(`its document: ${describeIssues(document.error.issues)}`);
  // Saved as one string of ids joined by spaces (ids have none): a tenth of the values to
  // parse at every open. A list, as manifests were saved before, is read too.
  const listed = value.annotationIds;
  const ids = typeof listed === 'string' ? (listed === '' ? [] : listed.split(' ')) : listed;
  if (!Array.isArray(ids)) throw new ManifestError('annotationIds is not a list');
  for (const id of ids)
    if (!isId(id)) throw new ManifestError(`highlight id ${JSON.stringify(id)} is invalid`);
  return {
    document: document.data,
    annotationIds: ids as string[],
    entities: counts(value.entities, 'entity count'),
    tags: counts(value.tags, 'tag count'),
  };
}

function checkStamp(value: unknown): DocumentStamp | null {
  if (value === null) return null;
  if (
    !Array.isArray(value) ||
    value.length !== 4 ||
    !value.every((n) => typeof n === 'number' && Number.isFinite(n))
  )
    throw new ManifestError('the stamp is not four numbers');
  return value as DocumentStamp;
}

/** A summary as its manifest line holds it: the highlight ids as one string. */
export function summaryLine(summary: DocumentSummary): object {
  return { ...summary, annotationIds: summary.annotationIds.join(' ') };
}

/** `["d", summary, stamp or null]`: one document. */
export function checkDocumentLine(value: unknown): {
  summary: DocumentSummary;
  stamp: DocumentStamp | null;
} {
  if (!Array.isArray(value) || value.length !== 3 || value[0] !== 'd')
    throw new ManifestError('it is not a document line');
  return { summary: checkSummary(value[1]), stamp: checkStamp(value[2]) };
}

/** `["f", {path: hash or null}]`: file hashes, added to `into`; returns how many. */
export function checkFilesLine(value: unknown, into: Record<string, string | null>): number {
  if (!Array.isArray(value) || value.length !== 2 || value[0] !== 'f' || !isRecord(value[1]))
    throw new ManifestError('it is not a line of file hashes');
  let n = 0;
  for (const [path, hash] of Object.entries(value[1])) {
    if (hash !== null && (typeof hash !== 'string' || !HASH.test(hash)))
      throw new ManifestError(`the hash of ${path} is not a SHA-256`);
    if (path in into) throw new ManifestError(`${path} comes twice`);
    into[path] = hash;
    n += 1;
  }
  return n;
}
