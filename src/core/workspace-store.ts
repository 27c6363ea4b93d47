// The workspace folder on disk: workspace.json plus documents/<id>.json, each a lowdb
// database. Every file is validated on load; one that fails is reported with the reason
// and opened read-only, so the user's data is never overwritten by a guess.
import { mkdir, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileProblem } from '../shared/api';
import { DocumentFile, SCHEMA_VERSION, WorkspaceFile } from '../shared/model';
import { DurableJsonFile, fsyncDirectory, UnreadableFileError } from './durable-json-file';
import { JsonDb } from './json-db';
import { migrate } from './migrations';

const DOCUMENT_FILE = /^([A-Za-z0-9_-]{1,64})\.json$/;

export interface UnreadableDocument {
  id: string;
  file: string;
  reason: string;
}

const emptyWorkspace = (): WorkspaceFile => ({
  schemaVersion: SCHEMA_VERSION,
  entities: [],
  notes: [],
  documents: [],
});

async function openDb<T>(
  adapter: DurableJsonFile<T>,
  fallback: T,
): Promise<{ db: JsonDb<T>; created: boolean; problem?: FileProblem }> {
  try {
    const data = await adapter.read();
    return { db: new JsonDb(adapter, data ?? fallback), created: data === null };
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    const problem = { file: error.file, reason: error.reason };
    return { db: new JsonDb(adapter, fallback, error.message), created: false, problem };
  }
}

export class WorkspaceStore {
  private constructor(
    readonly dir: string,
    readonly workspace: JsonDb<WorkspaceFile>,
    readonly documents: Map<string, JsonDb<DocumentFile>>,
    readonly unreadable: UnreadableDocument[],
    readonly problems: FileProblem[],
    /** True when this open created workspace.json: a brand-new workspace. */
    readonly isNew: boolean,
  ) {}

  static async open(dir: string): Promise<WorkspaceStore> {
    await mkdir(join(dir, 'documents'), { recursive: true });
    const problems: FileProblem[] = [];
    const ws = await openDb(
      new DurableJsonFile(join(dir, 'workspace.json'), WorkspaceFile, migrate),
      emptyWorkspace(),
    );
    if (ws.problem) problems.push(ws.problem);

    const documents = new Map<string, JsonDb<DocumentFile>>();
    const unreadable: UnreadableDocument[] = [];
    const names = (await readdir(join(dir, 'documents'))).sort();
    for (const name of names) {
      const id = DOCUMENT_FILE.exec(name)?.[1];
      if (!id) continue;
      const file = join(dir, 'documents', name);
      const adapter = new DurableJsonFile(file, DocumentFile, migrate);
      try {
        const data = await adapter.read();
        if (!data) continue;
        if (data.document.id !== id) {
          throw new UnreadableFileError(
            file,
            `it holds document "${data.document.id}", not "${id}"`,
          );
        }
        documents.set(id, new JsonDb(adapter, data));
      } catch (error) {
        if (!(error instanceof UnreadableFileError)) throw error;
        unreadable.push({ id, file, reason: error.reason });
        problems.push({ file, reason: error.reason });
      }
    }
    return new WorkspaceStore(dir, ws.db, documents, unreadable, problems, ws.created);
  }

  get readOnly(): boolean {
    return this.workspace.readOnlyReason !== undefined;
  }

  documentFile(id: string): string {
    return join(this.dir, 'documents', `${id}.json`);
  }

  /** Creates documents/<id>.json; the caller adds it to workspace.json afterwards. */
  async createDocument(data: DocumentFile): Promise<JsonDb<DocumentFile>> {
    const adapter = new DurableJsonFile(this.documentFile(data.document.id), DocumentFile, migrate);
    const db = new JsonDb(adapter, data);
    await db.update(() => undefined);
    this.documents.set(data.document.id, db);
    return db;
  }

  /**
   * Moves documents/<id>.json to trash/, where the user can still recover it; the caller
   * removes it from workspace.json afterwards.
   */
  async trashDocument(id: string, stamp: string): Promise<void> {
    this.documents.get(id)?.assertWritable();
    const trash = join(this.dir, 'trash');
    await mkdir(trash, { recursive: true });
    await rename(this.documentFile(id), join(trash, `${id}-${stamp.replace(/[:.]/g, '-')}.json`));
    await fsyncDirectory(join(this.dir, 'documents'));
    await fsyncDirectory(trash);
    this.documents.delete(id);
  }
}
