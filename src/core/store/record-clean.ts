// Whether a record file read alone (documents/<id>.json, without its highlights) reads
// cleanly: the rule a view that only counts words in texts keeps, on this thread
// (DocumentReads.streamRecords) or in a worker (../mentions/count-records.ts), so the two
// cannot drift apart. A record that does not is read again whole, so its damage is
// reported and protected as on any first reading.
import type { Document, DocumentFile, DocumentRecordFile } from '../../shared/model';
import { inspectDocument } from './integrity';
import { newId } from './load';
import type { ReadResult } from './read-file';

/**
 * The record's document when it parsed, is the document asked for and passes its own
 * checks (blocks and marks inside the text; its highlights' checks wait until they are
 * read); undefined otherwise.
 */
export function cleanRecord(
  result: ReadResult<DocumentFile | DocumentRecordFile>,
  id: string,
): Document | undefined {
  if (!result.ok || result.data.document.id !== id) return undefined;
  const { findings } = inspectDocument(
    { schemaVersion: result.data.schemaVersion, document: result.data.document, annotations: [] },
    { entityIds: null, seenAnnotationIds: new Set(), newId },
  );
  return findings.length ? undefined : result.data.document;
}
