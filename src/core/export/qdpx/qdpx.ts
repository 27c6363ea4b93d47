// The REFI-QDA exports as files: a project (.qdpx: a zip holding project.qde and the
// sources' texts under sources/, written UTF-8 without a byte-order mark, as QualCoder and
// the standard's examples do) and a codebook alone (.qdc: one XML file in the
// urn:QDA-XML:codebook:1.0 namespace, with the highlight kinds and the codes).
import { strToU8, zipSync, type Zippable } from 'fflate';
import { codebookCodes } from './code-tree';
import { buildXml, ORIGIN, projectXml } from './project';
import type { Snapshot } from '../snapshot';

export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

/** Every entry gets the export's time, so the same workspace exports to the same bytes. */
export function exportQdpx(snapshot: Snapshot): Promise<Uint8Array> {
  const { xml, texts } = projectXml(snapshot);
  const mtime = new Date(snapshot.exportedAt);
  const files: Zippable = { 'project.qde': [strToU8(xml), { level: 6, mtime }] };
  for (const [name, text] of texts) files[`sources/${name}`] = [strToU8(text), { level: 6, mtime }];
  return Promise.resolve(zipSync(files));
}

export function exportQdc(snapshot: Snapshot): Promise<string> {
  const tags = new Set(snapshot.documents.flatMap((d) => d.annotations.flatMap((a) => a.tags)));
  return Promise.resolve(
    buildXml({
      CodeBook: {
        '@_xmlns': CODEBOOK_NS,
        '@_origin': ORIGIN,
        Codes: { Code: codebookCodes(snapshot.codebook, tags) },
      },
    }),
  );
}
