// Where each record lives on disk. A document's text and structure are in
// documents/<id>.json and its highlights in highlights/<id>.json, so a change to one
// highlight writes the highlight list, never the text (a 500 KB article stays unwritten).
import { serializeRecord } from './record-file';
import {
  SCHEMA_VERSION,
  type DocumentFile,
  type DocumentRecordFile,
  type HighlightsFile,
  type WorkspaceFile,
} from '../../shared/model';

export const WORKSPACE_FILE = 'workspace.json';
/**
 * Caches derived from the records (the search index). Nothing reads it as a record:
 * loading, integrity and repair never look inside, and deleting it loses nothing.
 */
export const CACHE_FOLDER = '.cache/search';
export const DOCUMENT_NAME = /^([A-Za-z0-9_-]{1,64})\.json$/;

export const documentPath = (id: string): string => `documents/${id}.json`;
export const highlightsPath = (id: string): string => `highlights/${id}.json`;

/** The document id a documents/ or highlights/ path belongs to. */
export function documentIdOf(path: string): string | undefined {
  const match = /^(?:documents|highlights)\/(.+)$/.exec(path);
  return match ? DOCUMENT_NAME.exec(match[1]!)?.[1] : undefined;
}

export const serialize = (
  data: WorkspaceFile | DocumentFile | DocumentRecordFile | HighlightsFile,
): string => serializeRecord(data);

export const recordFileOf = (file: DocumentFile): DocumentRecordFile => ({
  schemaVersion: SCHEMA_VERSION,
  document: file.document,
});

export const highlightsFileOf = (file: DocumentFile): HighlightsFile => ({
  schemaVersion: SCHEMA_VERSION,
  documentId: file.document.id,
  annotations: file.annotations,
});

/** Both files of a document, as a commit writes them. */
export function documentFiles(file: DocumentFile): { path: string; content: string }[] {
  const id = file.document.id;
  return [
    { path: documentPath(id), content: serialize(recordFileOf(file)) },
    { path: highlightsPath(id), content: serialize(highlightsFileOf(file)) },
  ];
}
