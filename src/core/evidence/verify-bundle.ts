// Checking an evidence bundle offline, with nothing but its bytes: every file against
// SHA256SUMS and the manifest (the two lists tell which of them changed when a hash does
// not match), each original against the hash recorded at import, each text against the
// hash recorded for its revision, each highlight's quote against its text, the custody
// log's chain and the records against the log's last word on them, and finally the zip
// itself, written again the canonical way and compared byte for byte, so a change
// anywhere (a file's date, a header) is caught too. Each problem names its file.
import { strFromU8, unzipSync } from 'fflate';
import { foldSpaces } from '../../shared/anchoring';
import { HighlightsFile, DocumentRecordFile } from '../../shared/model';
import { sha256Hex } from '../originals/kept-files';
import { lastWords, readCustody } from '../store/custody';
import {
  BundleManifest,
  CUSTODY,
  MANIFEST,
  parseSums,
  SUMS,
  writeZip,
  type BundleDocument,
} from './bundle-layout';

export interface BundleProblem {
  file: string;
  reason: string;
}

export interface BundleCheck {
  ok: boolean;
  /** SHA-256 of SHA256SUMS, when it could be read: compare with the sender's. */
  fingerprint?: string;
  files: number;
  documents: number;
  highlights: number;
  custodyLines: number;
  problems: BundleProblem[];
}

/** The most files and bytes a bundle may unpack to, so a crafted zip cannot fill memory. */
const MAX_FILES = 200_000;
const MAX_BYTES = 8 * 1024 * 1024 * 1024;

function unpack(bytes: Uint8Array): Record<string, Uint8Array> | string {
  let count = 0;
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter: (f) => {
        count += 1;
        total += f.originalSize;
        if (count > MAX_FILES || total > MAX_BYTES) throw new Error('it unpacks to too much');
        return true;
      },
    });
  } catch (error) {
    return (error as Error).message;
  }
}

export function verifyBundle(bytes: Uint8Array, name = 'the bundle'): BundleCheck {
  const problems: BundleProblem[] = [];
  const check: BundleCheck = {
    ok: false,
    files: 0,
    documents: 0,
    highlights: 0,
    custodyLines: 0,
    problems,
  };
  const files = unpack(bytes);
  if (typeof files === 'string') {
    problems.push({ file: name, reason: `it is not a readable zip (${files})` });
    return check;
  }
  check.files = Object.keys(files).length;
  const sumsBytes = files[SUMS];
  const parsedSums = sumsBytes ? parseSums(strFromU8(sumsBytes)) : undefined;
  if (!sumsBytes || !parsedSums || 'bad' in parsedSums) {
    problems.push({
      file: SUMS,
      reason: !sumsBytes
        ? 'it is missing'
        : `line ${(parsedSums as { bad: number }).bad} is not “<SHA-256>  <file>”`,
    });
    return check;
  }
  check.fingerprint = sha256Hex(sumsBytes);
  const sums = parsedSums.sums;
  let manifest: BundleManifest | undefined;
  const manifestBytes = files[MANIFEST];
  if (manifestBytes && sums.get(MANIFEST) === sha256Hex(manifestBytes)) {
    try {
      manifest = BundleManifest.parse(JSON.parse(strFromU8(manifestBytes)));
    } catch {
      problems.push({ file: MANIFEST, reason: 'it is not a bundle manifest' });
    }
  }
  const listed = new Map(manifest?.files.map((f) => [f.path, f.sha256]) ?? []);
  for (const [path, expected] of sums) {
    const content = files[path];
    if (!content) {
      problems.push({ file: path, reason: 'it is listed in SHA256SUMS but missing' });
      continue;
    }
    const actual = sha256Hex(content);
    if (actual === expected) continue;
    // The manifest lists the same hashes: if it agrees with the file, the list changed.
    const blame = listed.get(path) === actual ? SUMS : path;
    problems.push({
      file: blame,
      reason:
        blame === SUMS
          ? `its line for ${path} says ${expected}, but the file (and the manifest) say ${actual}`
          : `its SHA-256 is ${actual}, not ${expected} as SHA256SUMS says: it was changed`,
    });
  }
  for (const path of Object.keys(files))
    if (path !== SUMS && !sums.has(path))
      problems.push({ file: path, reason: 'it is not listed in SHA256SUMS (added afterwards?)' });
  if (manifestBytes && !manifest && !problems.some((p) => p.file === MANIFEST))
    problems.push({ file: MANIFEST, reason: 'it could not be checked' });
  if (manifest) checkDocuments(manifest.documents, files, check);
  if (files[CUSTODY]) checkCustody(files, check);
  // Last, the archive as a whole: the same files written the canonical way must give
  // the same bytes, or something outside the files (a header, a date) was changed.
  if (!problems.length) {
    const again = writeZip(new Map(Object.entries(files)));
    const at = firstDifference(again, bytes);
    if (at !== undefined)
      problems.push({
        file: name,
        reason: `the zip was changed outside the files it holds (first at byte ${at})`,
      });
  }
  check.ok = problems.length === 0;
  return check;
}

/** A file's JSON, or undefined when it is not JSON (the schema check then says so). */
function json(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(strFromU8(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

function firstDifference(a: Uint8Array, b: Uint8Array): number | undefined {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? undefined : n;
}

function checkDocuments(
  documents: readonly BundleDocument[],
  files: Record<string, Uint8Array>,
  check: BundleCheck,
): void {
  const { problems } = check;
  for (const doc of documents) {
    check.documents += 1;
    const original = doc.original?.path ? files[doc.original.path] : undefined;
    if (doc.original?.path && original) {
      const actual = `sha256:${sha256Hex(original)}`;
      if (actual !== doc.contentHash)
        problems.push({
          file: doc.original.path,
          reason: `it is not the file “${doc.title}” was imported from (${doc.contentHash})`,
        });
    }
    const textBytes = files[doc.text];
    if (!textBytes) continue;
    const text = strFromU8(textBytes);
    if (`sha256:${sha256Hex(textBytes)}` !== doc.textHash)
      problems.push({
        file: doc.text,
        reason: `it is not the text recorded for revision ${doc.revision}`,
      });
    const record = files[doc.record];
    if (record) {
      const parsed = DocumentRecordFile.safeParse(json(record));
      if (!parsed.success || parsed.data.document.text !== text)
        problems.push({ file: doc.record, reason: `its text is not ${doc.text}` });
    }
    const highlights = files[doc.highlights];
    if (!highlights) continue;
    const parsed = HighlightsFile.safeParse(json(highlights));
    if (!parsed.success) {
      problems.push({ file: doc.highlights, reason: 'it is not a highlights file' });
      continue;
    }
    for (const a of parsed.data.annotations) {
      check.highlights += 1;
      if (a.status === 'fuzzy' || a.status === 'orphaned') continue;
      const { start, end } = a.target.position;
      if (foldSpaces(text.slice(start, end)) !== foldSpaces(a.target.quote.exact))
        problems.push({
          file: doc.highlights,
          reason: `highlight ${a.id}'s quote is not the text at ${start}–${end} of ${doc.text}`,
        });
    }
  }
}

function checkCustody(files: Record<string, Uint8Array>, check: BundleCheck): void {
  const log = readCustody(strFromU8(files[CUSTODY]!));
  check.custodyLines = log.lines.length;
  for (const problem of log.problems) check.problems.push({ file: CUSTODY, reason: problem });
  if (log.problems.length) return;
  // Each record in the bundle is what the log last wrote for it.
  for (const [file, hash] of lastWords(log.lines)) {
    const bundled = files[`records/${file}`];
    if (!bundled || hash === null) continue;
    const actual = `sha256:${sha256Hex(bundled)}`;
    if (actual !== hash)
      check.problems.push({
        file: `records/${file}`,
        reason: `it is not what ${CUSTODY} last recorded for ${file} (${hash})`,
      });
  }
}
