// A workspace snapshot: everything the exporters read, captured at one moment, so every
// exporter is a pure function from a snapshot to the text of a file.
import { z } from 'zod';
import {
  DocumentFile,
  Entity,
  Note,
  type Annotation,
  type Block,
  type Document,
} from '../../shared/model';
import { isolate } from '../../shared/bidi';

export interface Snapshot {
  entities: Entity[];
  notes: Note[];
  documents: { document: Document; annotations: Annotation[] }[];
  exportedAt: string;
}

export const BACKUP_FORMAT = 'research-workbench-backup';
/** 2 since documents carry a revision; version-1 backups are upgraded when restored. */
export const BACKUP_VERSION = 2;

/** The lossless JSON backup: the workspace's files, verbatim, in one document. */
export const Backup = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.string(),
  entities: z.array(Entity),
  notes: z.array(Note),
  documents: z.array(DocumentFile.omit({ schemaVersion: true })),
});
export type Backup = z.infer<typeof Backup>;

/** 1-based number of the block (paragraph, heading, list item) holding `offset`. */
export function paragraphNumber(blocks: readonly Block[], offset: number): number {
  const index = blocks.findIndex((b) => offset >= b.start && offset < b.end);
  if (index >= 0) return index + 1;
  const after = blocks.findIndex((b) => b.start > offset);
  return after >= 0 ? after + 1 : blocks.length;
}

/** Where an offset is cited: on a page (PDF), the paragraph counts from the page's top. */
export interface Location {
  page?: number;
  paragraph: number;
}

export function locate(blocks: readonly Block[], offset: number): Location {
  const paragraph = paragraphNumber(blocks, offset);
  const page = blocks[paragraph - 1]?.page;
  if (page === undefined) return { paragraph };
  return { page, paragraph: paragraph - blocks.findIndex((b) => b.page === page) };
}

/** "p. 2, ¶ 3" for a paged document, "¶ 7" for one without pages. */
export function locationLabel({ page, paragraph }: Location): string {
  return page === undefined ? `¶ ${paragraph}` : `p. ${page}, ¶ ${paragraph}`;
}

/** "Title. Author. Publisher, date. URL" from whatever metadata is known. */
export function citation(doc: Document): string {
  const { author, publisher, publishedDate, url } = doc.source;
  const date = publishedDate ? publishedDate.slice(0, 10) : undefined;
  // Title, author and publisher isolated: one in Persian would otherwise swap places with
  // its English neighbours when the line is shown.
  const parts = [
    `“${isolate(doc.title)}”`,
    author && isolate(author),
    [publisher && isolate(publisher), date].filter(Boolean).join(', '),
    url,
  ];
  return parts.filter(Boolean).join('. ');
}
