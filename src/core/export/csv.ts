// CSV (RFC 4180): one row per highlight, and per tagged entity of it, with a header,
// the source it cites (address, author, publisher, dates) and what pins its text (the
// SHA-256 of the file imported and of the text the offsets count in, and the text's
// revision), its page (PDF; empty for documents without pages) and paragraph on that page,
// the document's language and direction, CRLF line endings and UTF-8 with a byte-order
// mark so spreadsheet programs read Persian and Arabic correctly. Cells that a spreadsheet
// would run as a formula are prefixed with an apostrophe: article text is untrusted.
import { locate, type Snapshot } from './snapshot';
import { sha256 } from '../hash';

const HEADER = [
  'annotation_id',
  'document_id',
  'document_title',
  'source_url',
  'author',
  'publisher',
  'published',
  'accessed',
  'source_sha256',
  'text_sha256',
  'revision',
  'page',
  'paragraph',
  'quote',
  'prefix',
  'suffix',
  'start',
  'end',
  'kind',
  'entity_id',
  'entity_name',
  'entity_type',
  'tags',
  'note',
  'status',
  'created_at',
  'updated_at',
  // Last, so a sheet read by column position before they were added reads as it did.
  'language',
  'direction',
];

export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+@\t\r]|^-[\d(]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function exportCsv(snapshot: Snapshot): string {
  const entities = new Map(snapshot.entities.map((e) => [e.id, e]));
  const rows: (string | number)[][] = [HEADER];
  for (const { document, annotations } of snapshot.documents) {
    const { url, author, publisher, publishedDate, accessedDate } = document.source;
    const source = [
      url ?? '',
      author ?? '',
      publisher ?? '',
      publishedDate ?? '',
      accessedDate ?? '',
      document.contentHash,
      sha256(document.text),
      document.revision,
    ];
    for (const a of annotations) {
      const { page, paragraph } = locate(document.blocks, a.target.position.start);
      const base = (entityId: string): (string | number)[] => {
        const entity = entities.get(entityId);
        return [
          a.id,
          document.id,
          document.title,
          ...source,
          page ?? '',
          paragraph,
          a.target.quote.exact,
          a.target.quote.prefix,
          a.target.quote.suffix,
          a.target.position.start,
          a.target.position.end,
          a.kind,
          entityId,
          entity?.name ?? '',
          entity?.type ?? '',
          a.tags.join('; '),
          a.note,
          a.status,
          a.createdAt,
          a.updatedAt,
          document.source.language ?? '',
          document.source.direction ?? '',
        ];
      };
      if (a.entityIds.length === 0) rows.push(base(''));
      for (const id of a.entityIds) rows.push(base(id));
    }
  }
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
