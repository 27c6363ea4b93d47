// What a commit tells the custody log: for each file it writes, the SHA-256 of the file's
// bytes before (as the log last recorded them) and after, and for each record in that file
// that the commit changed, the SHA-256 of the record before and after. Pure: built from the
// commit's file changes and record operations.
import { sha256 } from '../hash';
import type { CustodyFileChange, RecordChange } from './custody';
import type { FileChange } from './journal';
import { documentPath, highlightsPath, WORKSPACE_FILE } from './layout';
import type { Op } from './tx';

const hashOf = (record: unknown): string | null =>
  record === undefined ? null : sha256(JSON.stringify(record));

/** The records each op changed, by the file they live in. */
function recordsByFile(ops: readonly Op[]): Map<string, RecordChange[]> {
  const byFile = new Map<string, RecordChange[]>();
  const add = (file: string, id: string, before: unknown, after: unknown): void => {
    const list = byFile.get(file) ?? [];
    list.push({ id, before: hashOf(before), after: hashOf(after) });
    byFile.set(file, list);
  };
  for (const op of ops) {
    switch (op.kind) {
      case 'entity':
      case 'note':
        add(WORKSPACE_FILE, op.id, op.before, op.after);
        break;
      case 'annotation':
        add(highlightsPath(op.documentId), op.id, op.before, op.after);
        break;
      case 'document':
        add(documentPath(op.id), op.id, op.before, op.after);
        break;
      case 'file': {
        add(documentPath(op.id), op.id, op.before?.document, op.after?.document);
        const before = new Map(op.before?.annotations.map((a) => [a.id, a]));
        const after = new Map(op.after?.annotations.map((a) => [a.id, a]));
        for (const id of new Set([...before.keys(), ...after.keys()]))
          add(highlightsPath(op.id), id, before.get(id), after.get(id));
        if (op.trashName) {
          // A document going to trash/ (or coming back from it) as one file.
          const trash = `trash/${op.trashName}.json`;
          if (op.after) add(trash, op.id, op.after, undefined);
          else add(trash, op.id, undefined, op.before);
        }
        break;
      }
    }
  }
  return byFile;
}

/** The custody log's account of a commit's files, given what the log says each held. */
export function custodyChanges(
  changes: readonly FileChange[],
  ops: readonly Op[],
  known: ReadonlyMap<string, string | null>,
): CustodyFileChange[] {
  const records = recordsByFile(ops);
  return changes.map((change) => ({
    file: change.path,
    before: known.get(change.path) ?? null,
    after: change.content === null ? null : sha256(change.content),
    records: records.get(change.path) ?? [],
  }));
}
