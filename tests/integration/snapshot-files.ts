// The workspace's files as text, to compare a workspace before and after (undo, crashes).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DocumentRecordFile, HighlightsFile, WorkspaceFile } from '../../src/shared/model';
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

/**
 * Paths of snapshot files whose bytes differ from what loading them (through the schema,
 * which gives its own key order) and writing them again gives: a file the core rewrites
 * after a reopen would change though its records did not, and undo would not give it back.
 */
export function unstableFiles(files: Record<string, string>): string[] {
  const schemaOf = (path: string) =>
    path.startsWith('highlights/')
      ? HighlightsFile
      : path.startsWith('documents/')
        ? DocumentRecordFile
        : WorkspaceFile;
  return Object.entries(files)
    .filter(([path, text]) => {
      const again = schemaOf(path).parse(JSON.parse(text));
      return `${JSON.stringify(again, null, 2)}\n` !== text;
    })
    .map(([path]) => path);
}
