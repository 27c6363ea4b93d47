// How each kind of record looks in the team's Automerge document, and the schema a remote
// record must pass before it may be applied. A document is synced as its metadata only:
// its text, blocks and marks travel as one immutable blob named by its SHA-256 (`body`),
// so the CRDT stays small (a text edit is a new blob, never a character-level merge) and
// the blob cannot be changed in transit without the name giving it away.
import type { z } from 'zod';
import {
  Annotation,
  Codebook,
  Document,
  Entity,
  HighlightLink,
  Note,
  Sha256Hex,
} from '../../shared/model';
import { sha256Hex, type KeptFolder } from '../originals/kept-files';
import type { SyncedKind } from './workspace-doc';

/** A document as the team document holds it: no text, and the name of its body blob. */
export const SyncedDocument = Document.omit({ text: true, blocks: true, marks: true }).extend({
  body: Sha256Hex,
});
export type SyncedDocument = z.infer<typeof SyncedDocument>;

/** The body blob's content: what a document has beyond its metadata. */
export const DocumentBody = Document.pick({ text: true, blocks: true, marks: true });
export type DocumentBody = z.infer<typeof DocumentBody>;

/** The schema each kind's records must pass, as read from the team document. */
export const SYNCED_SCHEMAS = {
  codebook: Codebook,
  entities: Entity,
  notes: Note,
  documents: SyncedDocument,
  highlights: Annotation,
  links: HighlightLink,
} as const satisfies Record<SyncedKind, z.ZodType>;

export interface SyncedRecords {
  codebook: Codebook;
  entities: Entity;
  notes: Note;
  documents: SyncedDocument;
  highlights: Annotation;
  links: HighlightLink;
}

/** A document's body as blob bytes, with their name. */
export function bodyBlob(document: Document): { sha256: string; bytes: Uint8Array } {
  const body: DocumentBody = {
    text: document.text,
    blocks: document.blocks,
    marks: document.marks,
  };
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  return { sha256: sha256Hex(bytes), bytes };
}

/** The synced form of a document, and its body blob. */
export function syncedDocument(document: Document): {
  record: SyncedDocument;
  body: { sha256: string; bytes: Uint8Array };
} {
  const { text: _t, blocks: _b, marks: _m, ...meta } = document;
  const body = bodyBlob(document);
  return { record: { ...meta, body: body.sha256 }, body };
}

/** The kept files a document names (its original, its figures' images), by folder. */
export function keptFilesOf(document: Document): { folder: KeptFolder; sha256: string }[] {
  const files: { folder: KeptFolder; sha256: string }[] = [];
  if (document.original) files.push({ folder: 'originals', sha256: document.original.sha256 });
  for (const block of document.blocks)
    if (block.image) files.push({ folder: 'media', sha256: block.image.sha256 });
  return files;
}

/**
 * A body blob read back: parsed and checked against the schema (a blob from a peer is
 * input like any other). Throws with the reason when it is not a document body.
 */
export function parseBody(bytes: Uint8Array): DocumentBody {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new Error('its text blob is not UTF-8 JSON');
  }
  const parsed = DocumentBody.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `its text blob is not a document body (${parsed.error.issues[0]?.message ?? 'invalid'})`,
    );
  return parsed.data;
}
