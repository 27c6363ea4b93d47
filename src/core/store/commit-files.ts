// Which files a finished command writes: workspace.json if an entity or note changed; for
// each touched document only the part that changed (a highlight's save leaves the text
// alone), and a whole copy in trash/ for a document deleted.
import { SCHEMA_VERSION, type WorkspaceFile } from '../../shared/model';
import { WorkbenchError } from '../../shared/errors';
import type { FileChange } from './journal';
import {
  documentFiles,
  documentPath,
  highlightsFileOf,
  highlightsPath,
  recordFileOf,
  serialize,
  WORKSPACE_FILE,
} from './layout';
import type { Finished } from './tx';

export function filesOfCommit(finished: Finished): FileChange[] {
  const changes: FileChange[] = [];
  const record = (path: string, data: object): FileChange => ({
    path,
    content: serialize(data as WorkspaceFile),
    record: data,
  });
  if (finished.workspaceChanged) changes.push(record(WORKSPACE_FILE, finished.workspace));
  for (const [id, file] of finished.touched) {
    const trash = finished.trashNames.get(id);
    const trashPath = trash ? `trash/${trash}.json` : undefined;
    const before = finished.before.get(id);
    if (file && before) {
      if (file.document !== before.document)
        changes.push(record(documentPath(id), recordFileOf(file)));
      if (file.annotations !== before.annotations)
        changes.push(record(highlightsPath(id), highlightsFileOf(file)));
    } else if (file) {
      changes.push(...documentFiles(file));
      if (trashPath) changes.push({ path: trashPath, content: null });
    } else if (before) {
      changes.push({ path: trashPath!, content: serialize(before) });
      changes.push({ path: documentPath(id), content: null });
      changes.push({ path: highlightsPath(id), content: null });
    }
  }
  // Highlights changed on documents whose text was never read: the text stays unwritten.
  for (const [id, { after }] of finished.highlightsAlone)
    changes.push(
      record(highlightsPath(id), {
        schemaVersion: SCHEMA_VERSION,
        documentId: id,
        annotations: after,
      }),
    );
  return changes;
}

/** A file system that refused a write (full disk, failing drive): said as such, not as a bug. */
export function writeFailed(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (!code) return error;
  return new WorkbenchError(
    'WRITE_FAILED',
    `Not saved: the file system refused the write (${(error as Error).message}). Nothing was changed.`,
  );
}
