// One part of the search index built from the workspace's files, for a worker thread
// (search-worker.ts): the documents it is given, and the entities and notes if asked,
// indexed and encoded as a cache file (search-cache.ts). The opener joins the parts and
// takes them over like a saved cache, so each record's entries are checked against the
// loaded workspace by hash: a file that changed or could not be read here is simply
// indexed again there.
import { encodeCache, probeTokens } from './search-cache';
import { SearchIndex } from './search-index';
import { nodeFs } from '../store/durable';
import { limited, PARALLEL_READS } from '../limited';
import { readDocumentQuietly, readWorkspaceQuietly } from '../store/load';

export interface IndexPartRequest {
  dir: string;
  documentIds: string[];
  /** Whether this part also holds workspace.json's entities and notes. */
  withWorkspace: boolean;
}

export type IndexPartReply = { ok: true; bytes: Uint8Array } | { ok: false; detail: string };

export async function buildIndexPart({
  dir,
  documentIds,
  withWorkspace,
}: IndexPartRequest): Promise<Uint8Array> {
  const index = new SearchIndex({ buildOnly: true });
  if (withWorkspace) {
    const workspace = await readWorkspaceQuietly(nodeFs, dir);
    for (const entity of workspace?.entities ?? []) index.putEntity(entity);
    for (const note of workspace?.notes ?? []) index.putNote(note);
  }
  // Read several at a time (mostly waiting on the disk), indexed in order as they come.
  const read = limited(PARALLEL_READS, (id: string) => readDocumentQuietly(nodeFs, dir, id));
  const files = documentIds.map((id) => read(id));
  for (const reading of files) {
    const file = await reading;
    if (!file) continue;
    index.putDocument(file.document);
    for (const annotation of file.annotations) index.putAnnotation(annotation);
  }
  const source = index.cacheSource();
  const bytes = await encodeCache(
    { probe: probeTokens(), ...source.manifest },
    source.postings,
    (id) => source.live.has(id),
    () => Promise.resolve(true),
  );
  if (!bytes) throw new Error('the index changed while it was encoded');
  return bytes;
}
