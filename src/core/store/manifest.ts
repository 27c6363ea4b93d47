// The manifest: the catalog of every document (catalog.ts) and what the custody log last
// said of every record file, saved as `.cache/manifest.jsonl` with the custody line it
// stands for. Opening reads it instead of every document; the custody lines written after
// it name the documents to read again, so a manifest saved before a crash (or never saved
// since) is brought up to date, never trusted beyond the log. It is only derived data: when
// it is missing, unreadable or disagrees with the log, the workspace is scanned instead.
//
// At 20,000 documents it is 18 MB. As one JSON value it cost the open 1.8 s in a single
// synchronous step (one JSON.parse of the whole text, then zod over 200,000 ids); as lines
// (a header, one line per document, the file hashes in chunks) it is parsed and checked a
// slice of lines at a time, with the event loop free between slices, and the ids, counts
// and hashes are checked by hand (manifest-check.ts), as strictly and several times faster.
import { join } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { writeFileDurably, type StoreFs } from './durable';
import { decodeUtf8, readRegularFile } from './read-file';
import type { DocumentStamp, DocumentSummary } from './catalog';
import { sliceClock } from '../time-slices';
import {
  checkDocumentLine,
  checkFilesLine,
  checkHeader,
  ManifestError,
  summaryLine,
  type Checkpoint,
} from './manifest-check';
import { nextTurn } from '../time-slices';

export type { Checkpoint } from './manifest-check';

export const MANIFEST_FILE = '.cache/manifest.jsonl';
/** Where the manifest was saved as one JSON value before: removed once the lines are saved. */
const OLD_MANIFEST_FILE = '.cache/manifest.json';

export interface Manifest {
  schemaVersion: number;
  custody: Checkpoint;
  /** What the custody log last said each record file holds (null: removed). */
  files: Record<string, string | null>;
  documents: DocumentSummary[];
  /** Each document's files' size and modification time when last read or written here. */
  stamps: Record<string, DocumentStamp>;
}

/** Lines parsed (or written) between two turns of the event loop: a few ms each. */
const SLICE = 500;
/** File hashes per line. */
const FILES_PER_LINE = 1000;

/** The manifest's file as a lowdb database: read and written a slice of lines at a time. */
class ManifestAdapter implements Adapter<Manifest> {
  constructor(
    private readonly fs: StoreFs,
    private readonly file: string,
    private readonly pause: () => Promise<void> = nextTurn,
  ) {}

  /** The manifest, null when there is none; throws ManifestError when it cannot be used. */
  async read(): Promise<Manifest | null> {
    const read = await readRegularFile(this.fs, this.file);
    if (!read.ok) {
      if (read.missing) return null;
      throw new ManifestError(read.reason);
    }
    const text = decodeUtf8(read.bytes);
    if (text === undefined) throw new ManifestError('it is not valid UTF-8 text');
    if (!text.endsWith('\n')) throw new ManifestError('it is cut short (no final line break)');
    const lines = text.split('\n');
    lines.pop();
    const header = checkHeader(parseLine(lines[0], 1));
    if (lines.length !== 1 + header.documents + Math.ceil(header.files / FILES_PER_LINE))
      throw new ManifestError(`it has ${lines.length} lines, not what its header counts`);
    const manifest: Manifest = {
      schemaVersion: header.schemaVersion,
      custody: header.custody,
      files: Object.create(null) as Record<string, string | null>,
      documents: [],
      stamps: Object.create(null) as Record<string, DocumentStamp>,
    };
    let files = 0;
    const seen = new Set<string>();
    const due = sliceClock();
    for (let i = 1; i < lines.length; i++) {
      // A line of file hashes holds a thousand: the clock, not the count, ends a slice.
      if (i % SLICE === 0 || due()) await this.pause();
      const value = parseLine(lines[i], i + 1);
      try {
        if (i <= header.documents) {
          const { summary, stamp } = checkDocumentLine(value);
          const id = summary.document.id;
          if (seen.has(id)) throw new ManifestError(`document ${id} comes twice`);
          seen.add(id);
          manifest.documents.push(summary);
          if (stamp) manifest.stamps[id] = stamp;
        } else files += checkFilesLine(value, manifest.files);
      } catch (error) {
        throw new ManifestError(`line ${i + 1}: ${(error as Error).message}`);
      }
    }
    if (files !== header.files)
      throw new ManifestError(`it holds ${files} file hashes, its header says ${header.files}`);
    return manifest;
  }

  async write(manifest: Manifest): Promise<void> {
    const paths = Object.keys(manifest.files);
    const parts: string[] = [
      JSON.stringify({
        schemaVersion: manifest.schemaVersion,
        custody: manifest.custody,
        documents: manifest.documents.length,
        files: paths.length,
      }),
    ];
    manifest.documents.forEach((summary, i) => {
      parts.push(
        JSON.stringify(['d', summaryLine(summary), manifest.stamps[summary.document.id] ?? null]),
      );
      if (i % SLICE === SLICE - 1) parts.push('');
    });
    for (let at = 0; at < paths.length; at += FILES_PER_LINE) {
      const chunk: Record<string, string | null> = {};
      for (const path of paths.slice(at, at + FILES_PER_LINE)) chunk[path] = manifest.files[path]!;
      parts.push(JSON.stringify(['f', chunk]));
    }
    // Serialised in slices too: a save at close or every 500 changes must not stall calls.
    const lines: string[] = [];
    for (const part of parts) {
      if (part === '') await this.pause();
      else lines.push(part);
    }
    await writeFileDurably(this.fs, this.file, `${lines.join('\n')}\n`);
  }
}

function parseLine(line: string | undefined, n: number): unknown {
  if (line === undefined) throw new ManifestError('it is empty');
  try {
    return JSON.parse(line);
  } catch (error) {
    throw new ManifestError(`line ${n} is not valid JSON (${(error as Error).message})`);
  }
}

/** The saved manifest, or why it cannot be used. */
export async function readManifest(
  fs: StoreFs,
  dir: string,
  pause?: () => Promise<void>,
): Promise<{ ok: true; manifest: Manifest } | { ok: false; reason: string }> {
  const db = new Low<Manifest | null>(
    new ManifestAdapter(fs, join(dir, MANIFEST_FILE), pause) as Adapter<Manifest | null>,
    null,
  );
  try {
    await db.read();
  } catch (error) {
    if (error instanceof ManifestError) return { ok: false, reason: error.message };
    throw error;
  }
  return db.data ? { ok: true, manifest: db.data } : { ok: false, reason: 'there is none' };
}

/** Saves the manifest durably (it is only a cache: a failure loses nothing). */
export async function writeManifest(fs: StoreFs, dir: string, manifest: Manifest): Promise<void> {
  await fs.mkdir(join(dir, '.cache'), { recursive: true });
  const db = new Low<Manifest>(new ManifestAdapter(fs, join(dir, MANIFEST_FILE)), manifest);
  await db.write();
  await fs.rm(join(dir, OLD_MANIFEST_FILE), { force: true });
}
