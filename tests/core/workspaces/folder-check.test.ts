// The check a typed folder path passes before the browser host opens it as a workspace:
// a full path, a folder and not a file, a workspace (or empty folder) to open, a new or
// empty folder to create one in. Each refusal says what and why.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkWorkspaceFolder } from '../../../src/core/workspaces/folder-check';
import { WorkbenchError } from '../../../src/shared/errors';
import { tempDir } from '../../integration/helpers';

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => (temp = await tempDir()));
afterEach(() => temp.cleanup());

async function refusal(path: string, mode: 'open' | 'create'): Promise<WorkbenchError> {
  const error: unknown = await checkWorkspaceFolder(path, mode).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkbenchError);
  return error as WorkbenchError;
}

describe('checkWorkspaceFolder', () => {
  it('refuses a relative path, naming it', async () => {
    const error = await refusal('Investigation', 'create');
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('“Investigation” is not a full path');
  });

  it('refuses a file, in both modes', async () => {
    const file = join(temp.dir, 'notes.txt');
    await writeFile(file, 'not a folder');
    for (const mode of ['open', 'create'] as const) {
      expect((await refusal(file, mode)).message).toContain('is a file, not a folder');
    }
  });

  it('opens only a workspace or an empty folder', async () => {
    const missing = join(temp.dir, 'nowhere');
    expect((await refusal(missing, 'open')).code).toBe('NOT_FOUND');
    const busy = join(temp.dir, 'busy');
    await mkdir(busy);
    await writeFile(join(busy, 'thesis.docx'), 'x');
    expect((await refusal(busy, 'open')).message).toContain('holds no workspace');
    await writeFile(join(busy, 'workspace.json'), '{}');
    await expect(checkWorkspaceFolder(busy, 'open')).resolves.toBe(busy);
  });

  it('creates a new folder, in an existing parent only', async () => {
    const fresh = join(temp.dir, 'Evin 2026');
    await expect(checkWorkspaceFolder(fresh, 'create')).resolves.toBe(fresh);
    expect(await readdir(fresh)).toEqual([]);
    const deep = join(temp.dir, 'no', 'such', 'parent');
    expect((await refusal(deep, 'create')).message).toContain('does not exist');
  });

  it('will not create a workspace over a folder that holds anything', async () => {
    const full = join(temp.dir, 'full');
    await mkdir(full);
    await writeFile(join(full, 'workspace.json'), '{}');
    expect((await refusal(full, 'create')).message).toContain('already holds a workspace');
    await writeFile(join(full, 'other.txt'), 'x');
    const other = join(temp.dir, 'other');
    await mkdir(other);
    await writeFile(join(other, 'other.txt'), 'x');
    expect((await refusal(other, 'create')).message).toContain('is not empty');
  });
});
