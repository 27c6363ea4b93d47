// Record files are lowdb databases over the durable, strict adapter: a missing file reads
// as no data, a damaged one is refused with its reason (never read as empty, which the
// next write would turn into data loss), and a write lands whole through temp and rename.
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Low } from 'lowdb';
import { WorkspaceFile } from '../../../src/shared/model';
import { nodeFs } from '../../../src/core/store/durable';
import {
  readRecord,
  recordDb,
  RecordReadError,
  writeRecord,
} from '../../../src/core/store/record-file';
import { emptyWorkspace } from '../../../src/core/store/workspace-store';
import { tempDir } from '../../integration/helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

describe('a record file as a lowdb database', () => {
  it('is a lowdb Low that reads null for a missing file and the record after a write', async () => {
    const file = join(dir, 'workspace.json');
    const db = recordDb(nodeFs, file, WorkspaceFile);
    expect(db).toBeInstanceOf(Low);
    await db.read();
    expect(db.data).toBeNull();
    db.data = emptyWorkspace();
    await db.write();
    const again = recordDb(nodeFs, file, WorkspaceFile);
    await again.read();
    expect(again.data).toEqual(emptyWorkspace());
    // Written whole: no temp file is left beside it.
    expect(await readdir(dir)).toEqual(['workspace.json']);
    expect(await readFile(file, 'utf8')).toBe(`${JSON.stringify(emptyWorkspace(), null, 2)}\n`);
  });

  it('refuses a damaged file with its reason rather than reading it as empty', async () => {
    const file = join(dir, 'workspace.json');
    await writeFile(file, '{"schemaVersion":3,"entities":[],"notes":[],"colour":"red"}');
    await expect(recordDb(nodeFs, file, WorkspaceFile).read()).rejects.toBeInstanceOf(
      RecordReadError,
    );
    const result = await readRecord(nodeFs, file, WorkspaceFile);
    expect(result).toMatchObject({ ok: false, unknownFields: { paths: ['colour'] } });
    await writeFile(file, Buffer.from([0x7b, 0xff, 0x7d]));
    expect(await readRecord(nodeFs, file, WorkspaceFile)).toMatchObject({
      ok: false,
      reason: 'it is not valid UTF-8 text',
    });
  });

  it('never follows a symbolic link', async () => {
    await mkdir(join(dir, 'elsewhere'));
    const target = join(dir, 'elsewhere', 'real.json');
    await writeRecord(nodeFs, target, WorkspaceFile, emptyWorkspace());
    await symlink(target, join(dir, 'workspace.json'));
    expect(await readRecord(nodeFs, join(dir, 'workspace.json'), WorkspaceFile)).toMatchObject({
      ok: false,
      reason: 'it is a symbolic link, not a regular file',
    });
  });
});
