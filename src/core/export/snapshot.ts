// A workspace snapshot: everything the exporters read, captured at one moment, so every
// exporter is a pure function from a snapshot to the text of a file.
import { z } from 'zod';
import type { CitationLocale, CitationStyle } from '../../shared/concepts/citation-styles';
import { tagged, tagsUnder } from '../../shared/codebook/code-tree';
import {
  Codebook,
  DocumentFile,
  Entity,
  HighlightLink,
  Note,
  Sha256Hex,
  type Annotation,
  type Block,
  type Document,
} from '../../shared/model';

export interface Snapshot {
  entities: Entity[];
  notes: Note[];
  documents: { document: Document; annotations: Annotation[] }[];
  codebook: Codebook;
  /** Whether the workspace has a codebook of its own (not the default one). */
  codebookChanged?: boolean;
  links: HighlightLink[];
  exportedAt: string;
}

/** What the user chose for an export: the citation style and locale, and what to include. */
export interface ExportOptions {
  style: CitationStyle;
  locale: CitationLocale;
  /** Only highlights carrying this code or one filed under it. */
  code?: string;
  /** Only these documents (and their highlights). */
  documentIds?: readonly string[];
  /** The backup only: the kept files (originals and figure images) to carry inside it. */
  kept?: readonly KeptCopy[];
}

/**
 * The part of a snapshot an export covers: the chosen documents, and with a code only the
 * highlights under it (and the documents holding them); links only where both ends stay.
 */
export function selectSnapshot(snapshot: Snapshot, options: ExportOptions): Snapshot {
  const { code, documentIds } = options;
  if (!code && !documentIds) return snapshot;
  const wanted = documentIds ? new Set(documentIds) : null;
  const under = code ? tagsUnder(snapshot.codebook, code) : null;
  const documents = snapshot.documents
    .filter((d) => !wanted || wanted.has(d.document.id))
    .map((d) => ({
      document: d.document,
      annotations: under ? d.annotations.filter((a) => tagged(a.tags, under)) : d.annotations,
    }))
    .filter((d) => !under || d.annotations.length);
  const kept = new Set(documents.flatMap((d) => d.annotations.map((a) => a.id)));
  const links = snapshot.links.filter((l) => kept.has(l.from) && kept.has(l.to));
  return { ...snapshot, documents, links };
}

export const BACKUP_FORMAT = 'research-workbench-backup';
/** 2 since documents carry a revision; version-1 backups are upgraded when restored. */
export const BACKUP_VERSION = 2;

/**
 * A kept file carried inside a backup when the user asks for the originals: its folder,
 * its name (the SHA-256 of its bytes, checked again when restored) and its bytes.
 */
export const KeptCopy = z.strictObject({
  folder: z.enum(['originals', 'media']),
  sha256: Sha256Hex,
  base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
});
export type KeptCopy = z.infer<typeof KeptCopy>;

/** The lossless JSON backup: the workspace's files, verbatim, in one document. */
export const Backup = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.string(),
  entities: z.array(Entity),
  notes: z.array(Note),
  documents: z.array(DocumentFile.omit({ schemaVersion: true })),
  /** The codebook and links (optional: backups made before them have neither). */
  codebook: Codebook.optional(),
  links: z.array(HighlightLink).optional(),
  /** The originals and figure images, when the user chose to include them. */
  kept: z.array(KeptCopy).optional(),
});
export type Backup = z.infer<typeof Backup>;

/**
 * 1-based number of the block (paragraph, heading, list item) holding `offset`: a unit's
 * identity for co-occurrence. Citations count differently (./locate.ts).
 */
export function paragraphNumber(blocks: readonly Block[], offset: number): number {
  const index = blocks.findIndex((b) => offset >= b.start && offset < b.end);
  if (index >= 0) return index + 1;
  const after = blocks.findIndex((b) => b.start > offset);
  return after >= 0 ? after + 1 : blocks.length;
}

/** The page a block-holding offset is printed on, for documents that have pages. */
export function pageAt(blocks: readonly Block[], offset: number): number | undefined {
  return blocks[paragraphNumber(blocks, offset) - 1]?.page;
}
