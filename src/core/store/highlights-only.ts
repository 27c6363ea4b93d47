// When a document's highlights may be read and rewritten without its text: a command that
// changes highlights alone (deleting or merging an entity untags them) need not read a
// 30,000-character text to do it. The highlights file cannot be checked against the text
// without reading it (is each quote still the text at its place?), so it is taken alone
// only when the store can vouch for it: both of the document's files are, by size and
// time, what was last read and checked, or written, here (the catalog's stamp, the rule the
// freshness check trusts), and it says exactly what the catalog says of it (its highlight
// ids in order, its entity and tag counts) and fits what the catalog knows of the text
// (revision, length). Anything else is read whole and checked, so damage is found, reported
// and protected exactly as on any first reading.
import { SCHEMA_VERSION, type Annotation, type HighlightsFile } from '../../shared/model';
import { withHighlights, type DocumentStamp, type DocumentSummary } from './catalog';

const sameCounts = (a: Record<string, number>, b: Record<string, number>): boolean => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};

/**
 * The highlights of document `id` from its highlights file read alone, or undefined when
 * the file is not the one the store last checked or wrote (then read the document whole).
 * `onDisk`: both files' size and time now, as the catalog's stamp lists them.
 */
export function vouchedHighlights(
  id: string,
  read: { file: HighlightsFile; version: number },
  onDisk: DocumentStamp,
  known: { summary: DocumentSummary; stamp: DocumentStamp | undefined },
  entityIds: ReadonlySet<string>,
): readonly Annotation[] | undefined {
  const { summary, stamp } = known;
  if (!stamp || onDisk.some((v, i) => v !== stamp[i])) return undefined;
  const { file } = read;
  if (read.version !== SCHEMA_VERSION || file.documentId !== id) return undefined;
  const { annotations } = file;
  const ids = summary.annotationIds;
  if (annotations.length !== ids.length) return undefined;
  const { revision, textLength } = summary.document;
  const fits = annotations.every(
    (a, i) =>
      a.id === ids[i] &&
      a.documentId === id &&
      a.anchoredRevision === revision &&
      a.target.position.end <= textLength &&
      a.entityIds.every((e) => entityIds.has(e)),
  );
  if (!fits) return undefined;
  const counted = withHighlights(summary.document, annotations);
  if (!sameCounts(counted.entities, summary.entities) || !sameCounts(counted.tags, summary.tags))
    return undefined;
  return annotations;
}
