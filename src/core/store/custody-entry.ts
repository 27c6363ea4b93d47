// What a commit tells the custody log: for each file it writes, the SHA-256 of the file's
// bytes before (as the log last recorded them) and after, and for each record in that file
// that the commit changed, the SHA-256 of the record before and after. Pure: built from the
// commit's file changes and record operations. An import of thousands of highlights has
// thousands of records to hash: the hashing is done a slice at a time (at most SLICE_MS
// of it between two turns of the event loop), so it never holds the thread that answers
// every call for long. The commit waits for it, as it waits for its journal's fsync; the
// line it makes is the same, hash for hash, however it is sliced.
import { sha256InChunks } from '../hash';
import type { CustodyFileChange, RecordChange } from './custody';
import type { FileChange } from './journal';
import { documentPath, highlightsPath, WORKSPACE_FILE } from './layout';
import type { Op } from './tx';
import { nextTurn } from '../time-slices';

/** Hashing done between two turns of the event loop. */
const SLICE_MS = 20;
/** Gives the thread back to other calls once a slice's time has passed. */
class Slicer {
  private since = performance.now();
  async turn(): Promise<void> {
    if (performance.now() - this.since < SLICE_MS) return;
    await nextTurn();
    this.since = performance.now();
  }
}

/** A record's hash: of its JSON, a chunk at a time (a document may hold 20 M characters). */
const hashOf = async (record: unknown, slicer: Slicer): Promise<string | null> =>
  record === undefined ? null : sha256InChunks(JSON.stringify(record), () => slicer.turn());

/** The records each op changed, by the file they live in. */
async function recordsByFile(
  ops: readonly Op[],
  slicer: Slicer,
): Promise<Map<string, RecordChange[]>> {
  const byFile = new Map<string, RecordChange[]>();
  const pending: { file: string; id: string; before: unknown; after: unknown }[] = [];
  const add = (file: string, id: string, before: unknown, after: unknown): void => {
    pending.push({ file, id, before, after });
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
  for (const { file, id, before, after } of pending) {
    const list = byFile.get(file) ?? [];
    list.push({ id, before: await hashOf(before, slicer), after: await hashOf(after, slicer) });
    byFile.set(file, list);
    await slicer.turn();
  }
  return byFile;
}

/** The custody log's account of a commit's files, given what the log says each held. */
export async function custodyChanges(
  changes: readonly FileChange[],
  ops: readonly Op[],
  known: ReadonlyMap<string, string | null>,
): Promise<CustodyFileChange[]> {
  // Read before any turn is given away: the log's word on each file as this commit began.
  const before = changes.map((change) => known.get(change.path) ?? null);
  // A turn first: the commit has just serialised its files (a 20 M-character document's
  // JSON, and the collection that follows), and a record's JSON is as long again.
  await nextTurn();
  const slicer = new Slicer();
  const records = await recordsByFile(ops, slicer);
  const out: CustodyFileChange[] = [];
  for (const [i, change] of changes.entries())
    out.push({
      file: change.path,
      before: before[i]!,
      after:
        change.content === null ? null : await sha256InChunks(change.content, () => slicer.turn()),
      records: records.get(change.path) ?? [],
    });
  return out;
}
