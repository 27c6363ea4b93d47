// The evidence bundle's layout, shared by the writer and the checker: which files it
// holds and where, the manifest's schema, the SHA256SUMS list (the format `sha256sum -c`
// reads, so a recipient can check every file with no workbench at all), and the one
// canonical way the zip is written: stored (not compressed, so a damaged byte damages
// only its own file and every file can be read by the simplest tools), in a fixed order
// with fixed dates, so the checker can write the same zip again and compare every byte.
import { zipSync } from 'fflate';
import { z } from 'zod';

export const BUNDLE_FORMAT = 'research-workbench-evidence-bundle';
export const BUNDLE_VERSION = 1;

export const SUMS = 'SHA256SUMS';
export const MANIFEST = 'manifest.json';
export const README = 'README.txt';
export const ANNOTATIONS = 'annotations.jsonld';
export const NOTES = 'notes.json';
export const CUSTODY = 'custody.log';
export const originalEntry = (sha256: string): string => `originals/${sha256}`;
export const textEntry = (id: string): string => `texts/${id}.txt`;
/** A record file of the workspace, byte for byte, under records/. */
export const recordEntry = (path: string): string => `records/${path}`;

const Hex = z.string().regex(/^[0-9a-f]{64}$/);
const Hash = z.string().regex(/^sha256:[0-9a-f]{64}$/);
const Path = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/, 'a plain relative path')
  .refine((p) => !p.split('/').includes('..'), 'a path inside the bundle');

export const BundleDocument = z.strictObject({
  id: z.string().min(1).max(64),
  title: z.string().max(500),
  revision: z.number().int().positive(),
  /** SHA-256 of the file imported (every document has one, even without its original). */
  contentHash: Hash,
  textHash: Hash,
  text: Path,
  record: Path,
  highlights: Path,
  highlightCount: z.number().int().nonnegative(),
  original: z
    .strictObject({
      sha256: Hex,
      fileName: z.string().max(500),
      mediaType: z.string().max(200),
      size: z.number().int().nonnegative(),
      /** Where its bytes are in the bundle; absent when the bundle only names it. */
      path: Path.optional(),
    })
    .optional(),
});

export const BundleManifest = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  createdAt: z.iso.datetime(),
  createdBy: z.string().max(200),
  /** Every file but SHA256SUMS and this one, with its SHA-256 and size. */
  files: z.array(z.strictObject({ path: Path, sha256: Hex, size: z.number().int().nonnegative() })),
  documents: z.array(BundleDocument),
  custodyLog: z.boolean(),
  originalsIncluded: z.boolean(),
});
export type BundleManifest = z.infer<typeof BundleManifest>;
export type BundleDocument = z.infer<typeof BundleDocument>;

/** `<hex>  <path>` per line, as sha256sum writes it. */
export function formatSums(files: readonly { path: string; sha256: string }[]): string {
  return files.map((f) => `${f.sha256}  ${f.path}\n`).join('');
}

/** SHA256SUMS read back: path to hex, or the line that is not one. */
export function parseSums(text: string): { sums: Map<string, string> } | { bad: number } {
  const sums = new Map<string, string>();
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const [i, line] of lines.entries()) {
    const m = /^([0-9a-f]{64}) {2}(\S+)$/.exec(line);
    if (!m || !Path.safeParse(m[2]).success || sums.has(m[2]!)) return { bad: i + 1 };
    sums.set(m[2]!, m[1]!);
  }
  return { sums };
}

/** Where each entry goes: the lists first, then the rest by name. */
function rank(path: string): number {
  return [SUMS, MANIFEST, README].indexOf(path) + 1 || 4;
}
export const canonicalOrder = (paths: Iterable<string>): string[] =>
  [...paths].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));

/** 1980-01-01, the first date a zip can hold: the bundle's date is in its manifest. */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** The bundle's zip, written the one canonical way. */
export function writeZip(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const entries: Record<string, [Uint8Array, { level: 0; mtime: Date }]> = {};
  for (const path of canonicalOrder(files.keys()))
    entries[path] = [files.get(path)!, { level: 0, mtime: FIXED_TIME }];
  return zipSync(entries);
}
