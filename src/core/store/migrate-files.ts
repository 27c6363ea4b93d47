// Files written by an older schema: copied aside into backups/ first, then rewritten in this
// one as a single logged change, so the user keeps what they had and the log says why the
// files changed.
import { dirname, join } from 'node:path';
import { SCHEMA_VERSION, type DocumentFile } from '../../shared/model';
import { documentIdOf, highlightsFileOf, recordFileOf, serialize, WORKSPACE_FILE } from './layout';
import type { WorkspaceStore } from './workspace-store';

export async function migrateFiles(store: WorkspaceStore, paths: readonly string[]): Promise<void> {
  const fs = store.fileSystem;
  const backup = join(store.dir, 'backups', `before-schema-${SCHEMA_VERSION}-${Date.now()}`);
  for (const path of paths) {
    const from = join(store.dir, path);
    if (!(await fs.lstat(from).catch(() => null))) continue; // written new, not migrated
    await fs.mkdir(dirname(join(backup, path)), { recursive: true });
    await fs.copyFile(from, join(backup, path));
  }
  const documents = new Map<string, DocumentFile>();
  for (const path of paths) {
    const id = documentIdOf(path);
    if (id && !documents.has(id)) documents.set(id, await store.document(id));
  }
  const changes = paths.map((path) => {
    if (path === WORKSPACE_FILE) return { path, content: serialize(store.workspace) };
    const file = documents.get(documentIdOf(path)!)!;
    const record = path.startsWith('highlights/') ? highlightsFileOf(file) : recordFileOf(file);
    return { path, content: serialize(record) };
  });
  await store.writeLogged(`Files upgraded to schema ${SCHEMA_VERSION}`, changes);
}
