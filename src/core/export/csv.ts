// CSV (RFC 4180): one row per highlight, and per tagged entity of it, with a header,
// the source it cites (address, author, publisher, dates) and what pins its text (the
// SHA-256 of the file imported and of the text the offsets count in, and the text's
// revision), its page (PDF; empty for documents without pages) and paragraph on that page,
// the document's language and direction (last, so a sheet read by column position reads
// as before), CRLF line endings and UTF-8 with a byte-order mark so spreadsheet programs
// read Persian and Arabic correctly. Cells are written by the one CSV writer (src/shared/csv.ts),
// which defuses every cell a spreadsheet would run as a formula: article text is untrusted.
// A highlight's codes are given with their place in the codebook ("Detention / Solitary
// confinement"), its kind by the codebook's name, its links as "relation → highlight id";
// a source detail the workspace does not have says "source not recorded", not a blank.
import { isolate } from '../../shared/bidi';
import { codePath } from '../../shared/codebook/code-tree';
import { kindLabel, relationOf } from '../../shared/codebook/codebook';
import { csvFile } from '../../shared/csv';
import { sha256 } from '../hash';
import { citeLocation } from './locate';
import { NOT_RECORDED } from './provenance';
import type { Snapshot } from './snapshot';

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
  'kind_label',
  'entity_id',
  'entity_name',
  'entity_type',
  'tags',
  'codes',
  'links',
  'note',
  'status',
  'created_at',
  'updated_at',
  // Last, so a sheet read by column position before they were added reads as it did.
  'language',
  'direction',
];

export function exportCsv(snapshot: Snapshot): string {
  const entities = new Map(snapshot.entities.map((e) => [e.id, e]));
  const { codebook } = snapshot;
  const rows: (string | number)[][] = [HEADER];
  const linksOf = (id: string): string =>
    snapshot.links
      .filter((l) => l.from === id || l.to === id)
      .map((l) => {
        const relation = relationOf(codebook, l.relation).label;
        return l.from === id ? `${relation} ${l.to}` : `${l.from} ${relation} this`;
      })
      .join('; ');
  for (const { document, annotations } of snapshot.documents) {
    const { url, author, publisher, publishedDate, accessedDate } = document.source;
    const known = (v: string | undefined): string => v?.trim() || NOT_RECORDED;
    const source = [
      known(url),
      known(author),
      known(publisher),
      known(publishedDate),
      known(accessedDate),
      document.contentHash,
      sha256(document.text),
      document.revision,
    ];
    for (const a of annotations) {
      const where =
        a.status === 'orphaned' ? undefined : citeLocation(document, a.target.position.start);
      const paragraph = where?.kind === 'paragraph' ? where.paragraph : '';
      const page = where?.page;
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
          kindLabel(codebook, a.kind),
          entityId,
          entity?.name ?? '',
          entity?.type ?? '',
          a.tags.map(isolate).join('; '),
          a.tags.map((t) => isolate(codePath(codebook, t))).join('; '),
          linksOf(a.id),
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
  return csvFile(rows);
}
