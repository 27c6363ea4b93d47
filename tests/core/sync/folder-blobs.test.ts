// Blobs in a shared folder, which anyone on the team (or a sync tool) may have written: a
// blob is given back only if its bytes hash to its name, it is a plain file (a link could
// name a pipe or any file on this machine), and it is no larger than the largest blob.
import { mkdir, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FolderBlobStore } from '../../../src/core/sync/blob-store';
import { MAX_BLOB_BYTES } from '../../../src/core/sync/relay-blobs';
import { sha256Hex } from '../../../src/core/originals/kept-files';
import { tempDir } from '../../integration/helpers';

let root: { dir: string; cleanup: () => Promise<void> };
let blobs: FolderBlobStore;
const bytes = new TextEncoder().encode('Testimony recorded in Tabriz, 1988.');
const name = sha256Hex(bytes);

beforeEach(async () => {
  root = await tempDir();
  await mkdir(join(root.dir, 'blobs'));
  blobs = new FolderBlobStore(join(root.dir, 'blobs'));
});
afterEach(() => root.cleanup());

it('gives back what was put, and nothing for a name it does not hold', async () => {
  await blobs.put(name, bytes);
  expect(await blobs.get(name)).toEqual(bytes);
  expect(await blobs.get(sha256Hex(new Uint8Array([1])))).toBeUndefined();
});

it('refuses other bytes under a name, a link, and a file past the largest blob', async () => {
  await writeFile(join(root.dir, 'blobs', name), 'something else');
  await expect(blobs.get(name)).rejects.toThrow(/arrived with other bytes/);

  await writeFile(join(root.dir, 'elsewhere'), bytes);
  const linked = join(root.dir, 'blobs', name);
  await import('node:fs/promises').then((fs) => fs.rm(linked));
  await symlink(join(root.dir, 'elsewhere'), linked);
  await expect(blobs.get(name)).rejects.toThrow(/is not a plain file/);

  const huge = sha256Hex(new Uint8Array([2]));
  await writeFile(join(root.dir, 'blobs', huge), '');
  await truncate(join(root.dir, 'blobs', huge), MAX_BLOB_BYTES + 1);
  await expect(blobs.get(huge)).rejects.toThrow(/is too large/);
});
