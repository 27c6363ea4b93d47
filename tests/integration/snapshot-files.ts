// The workspace's files as text, to compare a workspace before and after (undo, crashes).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { settle } from './helpers';

/** workspace.json and every documents/ and highlights/ file, by relative path. */
export async function workspaceFiles(dir: string): Promise<Record<string, string>> {
  await settle(dir);
  const files: Record<string, string> = {
    'workspace.json': await readFile(join(dir, 'workspace.json'), 'utf8'),
  };
  for (const folder of ['documents', 'highlights']) {
    const names = await readdir(join(dir, folder)).catch(() => [] as string[]);
    for (const name of names.sort()) {
      files[`${folder}/${name}`] = await readFile(join(dir, folder, name), 'utf8');
    }
  }
  return files;
}

/** Every file under the workspace whose name ends in .tmp, or the journal. */
export async function leftovers(dir: string): Promise<string[]> {
  await settle(dir);
  const found: string[] = [];
  for (const folder of ['', 'documents', 'highlights', 'trash']) {
    const names = await readdir(join(dir, folder)).catch(() => [] as string[]);
    for (const name of names) {
      if (name.endsWith('.tmp') || name === '.journal.json') found.push(join(folder, name));
    }
  }
  return found;
}
