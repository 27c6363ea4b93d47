// One part of the search index built from the workspace's files, for a worker thread
// (search-worker.ts): the documents it is given, and the entities and notes if asked,
// indexed and encoded as a cache file (search-cache.ts), each document's units stamped
// with the SHA-256 of the files they were built from. The opener joins the parts and takes
// them over like a saved cache: a unit whose file is not what the custody log says (it
// changed, or could not be read here) is simply indexed again there.
import { join } from 'node:path';
import { HighlightsFile, WorkspaceFile, type DocumentFile } from '../../shared/model';
import { sha256 } from '../hash';
import { limited, PARALLEL_READS } from '../limited';
import { nodeFs } from '../store/durable';
import { documentPath, highlightsPath, WORKSPACE_FILE } from '../store/layout';
import { parseWorkspaceFile } from '../store/read-file';
import { DocumentRecordFile, SCHEMA_VERSION } from '../../shared/model';
import { probeTokens } from './search-cache';
import { encodeCache } from './search-cache-write';
import { SearchIndex } from './search-index';

export interface IndexPartRequest {
  dir: string;
  documentIds: string[];
  /** Whether this part also holds workspace.json's entities and notes. */
  withWorkspace: boolean;
}

export type IndexPartReply = { ok: true; bytes: Uint8Array } | { ok: false; detail: string };

/** A document's two files, parsed, with their SHA-256s; null when either cannot be used. */
async function readHashed(
  dir: string,
  id: string,
): Promise<{ file: DocumentFile; hashes: [string, string] } | null> {
  try {
    const [record, highlights] = await Promise.all([
      nodeFs.readFile(join(dir, documentPath(id))),
      nodeFs.readFile(join(dir, highlightsPath(id))),
    ]);
    const r = parseWorkspaceFile(record, DocumentRecordFile);
    const h = parseWorkspaceFile(highlights, HighlightsFile);
    if (!r.ok || !h.ok || r.data.document.id !== id || h.data.documentId !== id) return null;
    return {
      file: {
        schemaVersion: SCHEMA_VERSION,
        document: r.data.document,
        annotations: h.data.annotations,
      },
      hashes: [sha256(record), sha256(highlights)],
    };
  } catch {
    return null;
  }
}

export async function buildIndexPart({
  dir,
  documentIds,
  withWorkspace,
}: IndexPartRequest): Promise<Uint8Array> {
  const index = new SearchIndex({ buildOnly: true });
  if (withWorkspace) {
    const ws = await nodeFs.readFile(join(dir, WORKSPACE_FILE)).catch(() => null);
    const workspace = ws ? parseWorkspaceFile(ws, WorkspaceFile) : null;
    if (workspace?.ok) {
      for (const entity of workspace.data.entities) index.putEntity(entity);
      for (const note of workspace.data.notes) index.putNote(note);
    }
  }
  const hashes = new Map<string, string>();
  // Read several at a time (mostly waiting on the disk), indexed in order as they come.
  const read = limited(PARALLEL_READS, (id: string) => readHashed(dir, id));
  const files = documentIds.map((id) => read(id));
  for (const reading of files) {
    const got = await reading;
    if (!got) continue;
    const { file } = got;
    hashes.set(documentPath(file.document.id), got.hashes[0]);
    hashes.set(highlightsPath(file.document.id), got.hashes[1]);
    index.putDocument(file.document);
    for (const annotation of file.annotations) index.putAnnotation(annotation);
  }
  const source = index.cacheSource((path) => hashes.get(path));
  const bytes = await encodeCache(
    { probe: probeTokens(), ...source.manifest },
    source.postings,
    (id) => source.live[id] === 1,
    () => Promise.resolve(true),
  );
  if (!bytes) throw new Error('the index changed while it was encoded');
  return bytes;
}
