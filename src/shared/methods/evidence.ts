// evidence.*: the workspace as an evidence bundle (originals, texts, records, highlights
// and notes, the custody log, a manifest and SHA256SUMS in one zip) that anyone can check
// offline with `npm run cli -- verify --bundle FILE`.
import { z } from 'zod';
import { method, namespace } from './define';

export const BundleInput = z.strictObject({
  /** Put each original file in the bundle (the default), or only name it by its SHA-256. */
  includeOriginals: z.boolean().default(true),
});

export interface EvidenceBundle {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  /** SHA-256 of the bundle's SHA256SUMS: to give the recipient apart from the bundle. */
  fingerprint: string;
  documents: number;
  originals: number;
  /** Documents imported before originals were kept: named in it, but with no original. */
  withoutOriginal: number;
  custodyLog: boolean;
}

export const evidenceMethods = namespace('evidence', {
  'evidence.bundle': method<EvidenceBundle>()(BundleInput),
});
