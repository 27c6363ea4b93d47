// Writing an evidence bundle: the originals (or, if the user chooses, only their names
// and hashes), each document's extracted text, the workspace's record files byte for
// byte, the highlights and notes as W3C Web Annotations, the research notes, the custody
// log, a manifest and SHA256SUMS, in one canonical zip. Taken between two commands (the
// queue runs nothing else meanwhile), so the records, the log and the texts agree.
import { join } from 'node:path';
import { APP_VERSION } from '../../shared/version';
import type { CoreContext } from '../context';
import { snapshot } from '../export/handlers';
import { exportW3c } from '../export/w3c';
import { ORIGINALS_FOLDER, readKept, sha256Hex } from '../originals/kept-files';
import { CUSTODY_FILE } from '../store/custody';
import { documentPath, highlightsPath, WORKSPACE_FILE } from '../store/layout';
import {
  ANNOTATIONS,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  CUSTODY,
  formatSums,
  MANIFEST,
  NOTES,
  originalEntry,
  README,
  recordEntry,
  SUMS,
  textEntry,
  writeZip,
  type BundleDocument,
  type BundleManifest,
} from './bundle-layout';
import { bundleReadme } from './bundle-readme';

export interface WrittenBundle {
  bytes: Uint8Array;
  /** SHA-256 of SHA256SUMS: what the sender tells the recipient apart from the bundle. */
  fingerprint: string;
  documents: number;
  originals: number;
  /** Documents imported before originals were kept: named, but with no original to include. */
  withoutOriginal: number;
  custodyLog: boolean;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function writeBundle(ctx: CoreContext, includeOriginals: boolean): Promise<WrittenBundle> {
  const { store } = ctx;
  const fs = store.fileSystem;
  const readRaw = async (path: string): Promise<Uint8Array | undefined> => {
    try {
      return new Uint8Array(await fs.readFile(join(store.dir, path)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };
  return store.exclusive(async () => {
    const snap = await snapshot(ctx);
    const files = new Map<string, Uint8Array>();
    const documents: BundleDocument[] = [];
    let originals = 0;
    let withoutOriginal = 0;
    for (const path of [WORKSPACE_FILE]) {
      const bytes = await readRaw(path);
      if (bytes) files.set(recordEntry(path), bytes);
    }
    for (const { document, annotations } of snap.documents) {
      const { id } = document;
      for (const path of [documentPath(id), highlightsPath(id)]) {
        const bytes = await readRaw(path);
        if (bytes) files.set(recordEntry(path), bytes);
      }
      files.set(textEntry(id), utf8(document.text));
      const { original } = document;
      let path: string | undefined;
      if (original && includeOriginals) {
        path = originalEntry(original.sha256);
        if (!files.has(path)) {
          // Read through the hash check: a changed original is refused, never bundled.
          files.set(path, await readKept(fs, store.dir, ORIGINALS_FOLDER, original.sha256));
          originals += 1;
        }
      }
      if (!original) withoutOriginal += 1;
      documents.push({
        id,
        title: document.title,
        revision: document.revision,
        contentHash: document.contentHash,
        textHash: document.textHash ?? `sha256:${sha256Hex(utf8(document.text))}`,
        text: textEntry(id),
        record: recordEntry(documentPath(id)),
        highlights: recordEntry(highlightsPath(id)),
        highlightCount: annotations.length,
        ...(original ? { original: { ...original, ...(path ? { path } : {}) } } : {}),
      });
    }
    files.set(ANNOTATIONS, utf8(exportW3c(snap)));
    files.set(NOTES, utf8(`${JSON.stringify(snap.notes, null, 2)}\n`));
    const log = await readRaw(CUSTODY_FILE);
    if (log) files.set(CUSTODY, log);
    files.set(README, utf8(bundleReadme(snap.exportedAt)));
    const manifest: BundleManifest = {
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      createdAt: snap.exportedAt,
      createdBy: `Research Workbench ${APP_VERSION}`,
      files: [...files].map(([p, bytes]) => ({
        path: p,
        sha256: sha256Hex(bytes),
        size: bytes.byteLength,
      })),
      documents,
      custodyLog: log !== undefined,
      originalsIncluded: includeOriginals,
    };
    files.set(MANIFEST, utf8(`${JSON.stringify(manifest, null, 2)}\n`));
    const sums = utf8(
      formatSums([...files].map(([p, bytes]) => ({ path: p, sha256: sha256Hex(bytes) }))),
    );
    files.set(SUMS, sums);
    return {
      bytes: writeZip(files),
      fingerprint: sha256Hex(sums),
      documents: documents.length,
      originals,
      withoutOriginal,
      custodyLog: log !== undefined,
    };
  });
}
