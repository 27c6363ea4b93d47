// A .zip chosen in the desktop window, sent to main a chunk at a time, against a mocked
// `electron` and real workspaces: restored when every byte arrived in order, and refused,
// naming what and why, for anything else (another frame, a name with a folder, a size
// past the limit, a part out of order, more or fewer bytes than declared, a stale id).
// Whatever happens the private temp folder is removed: after the restore, on a refusal,
// an abort, a new upload, or silence (here 400 ms).
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  IPC_RESTORE_UPLOAD_CHANNEL,
  MAX_ARCHIVE_UPLOAD_BYTES,
  RESTORE_CHUNK_BYTES,
} from '../../src/shared/backup-archive';
import { writeBackupArchive } from '../../src/core/index';
import type { Workbench } from '../../src/core/workbench';
import { closeWorkbench, reopen, tempDir, unwrap } from '../integration/helpers';
import { handlerOf, mainFrame } from './electron-ipc-bridge';

vi.mock('electron', async () => (await import('./electron-mock')).electron);

const { bindRestoreUpload } = await import('../../src/main/restore-upload');

let into: Workbench;
let dir: string;
let cleanup: () => Promise<void>;
let zip: Uint8Array;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  const from = await reopen(join(dir, 'from'));
  const article = new TextEncoder().encode('# Field notes\n\nThe river rose two metres.\n');
  unwrap(await from.call('documents.importBytes', { fileName: 'notes.md', data: article }));
  await writeBackupArchive(from, join(dir, 'case.zip'));
  zip = new Uint8Array(await readFile(join(dir, 'case.zip')));
  await closeWorkbench(join(dir, 'from'));
  into = await reopen(join(dir, 'into'));
  bindRestoreUpload(() => into, 400);
});
afterAll(async () => {
  await closeWorkbench(join(dir, 'into'));
  await cleanup();
});

const step = (payload: unknown, senderFrame: unknown = mainFrame) =>
  handlerOf(IPC_RESTORE_UPLOAD_CHANNEL)({ senderFrame }, payload);
const folders = async () => (await readdir(tmpdir())).filter((f) => f.startsWith('rw-restore-'));
async function begin(fileName = 'case.zip', size = zip.length): Promise<string> {
  return (unwrap(await step({ step: 'begin', fileName, size })) as { id: string }).id;
}
const message = (reply: unknown): string =>
  (reply as { error?: { message: string } }).error?.message ?? '';

describe('a .zip sent from the desktop window', () => {
  it('is restored once every byte has arrived in order, and its temp folder removed', async () => {
    const before = await folders();
    const id = await begin();
    expect(await folders()).toHaveLength(before.length + 1);
    const half = Math.floor(zip.length / 2);
    unwrap(await step({ step: 'chunk', id, offset: 0, data: zip.subarray(0, half) }));
    unwrap(await step({ step: 'chunk', id, offset: half, data: zip.subarray(half) }));
    expect(await step({ step: 'finish', id })).toMatchObject({
      ok: true,
      value: { restored: true, outcome: { kind: 'backup', fileName: 'case.zip', documents: 1 } },
    });
    expect(await folders()).toEqual(before);
    // Spent: the id is not taken again.
    expect(message(await step({ step: 'finish', id }))).toMatch(/no longer under way/);
  });

  it('is refused before anything is kept for another frame, a bad name or size', async () => {
    const before = await folders();
    const foreign = await step(
      { step: 'begin', fileName: 'case.zip', size: 10 },
      { parent: null, url: 'https://evil.example/' },
    );
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const cases: [unknown, RegExp][] = [
      [{ step: 'begin', fileName: '../case.zip', size: 10 }, /no folder/],
      [{ step: 'begin', fileName: 'case.json', size: 10 }, /ending in \.zip/],
      [{ step: 'begin', fileName: 'case.zip', size: 0 }, /empty/],
      [{ step: 'begin', fileName: 'case.zip', size: MAX_ARCHIVE_UPLOAD_BYTES + 1 }, /4 GiB/],
      [{ step: 'begin', fileName: 'case.zip', size: 10, path: '/etc/passwd' }, /path/],
      [{ step: 'finish', id: 'A'.repeat(22) }, /no longer under way/],
    ];
    for (const [payload, said] of cases) {
      const reply = await step(payload);
      expect(reply.ok).toBe(false);
      expect(message(reply)).toMatch(said);
    }
    expect(await folders()).toEqual(before);
  });

  it('refuses parts that are not bytes, too large, out of order or past the size declared', async () => {
    const before = await folders();
    const id = await begin('case.zip', 8);
    const parts: [unknown, RegExp][] = [
      [{ step: 'chunk', id, offset: 0, data: [1, 2, 3] }, /must be bytes/],
      [{ step: 'chunk', id, offset: 0, data: new Uint8Array(RESTORE_CHUNK_BYTES + 1) }, /bytes/],
      [{ step: 'chunk', id, offset: 4, data: new Uint8Array(4) }, /out of order/],
    ];
    for (const [payload, said] of parts) expect(message(await step(payload))).toMatch(said);
    // The same part twice at once (a page's loop gone wrong): one is taken, one refused.
    const twice = await Promise.all(
      [0, 1].map(() => step({ step: 'chunk', id, offset: 0, data: new Uint8Array(4) })),
    );
    expect(twice.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(message(await step({ step: 'chunk', id, offset: 4, data: new Uint8Array(5) }))).toMatch(
      /larger than the 8 bytes it declared/,
    );
    expect(await folders()).toEqual(before);
  });

  it('restores nothing from a cut-short file, and removes it on abort, a new upload or silence', async () => {
    const documents = unwrap(await into.call('documents.list', {})).length;
    const before = await folders();
    const short = await begin();
    unwrap(await step({ step: 'chunk', id: short, offset: 0, data: zip.subarray(0, 100) }));
    expect(message(await step({ step: 'finish', id: short }))).toMatch(
      new RegExp(`cut short \\(100 of ${zip.length} bytes\\): nothing was restored`),
    );
    expect(await folders()).toEqual(before);
    expect(unwrap(await into.call('documents.list', {}))).toHaveLength(documents);

    const aborted = await begin();
    unwrap(await step({ step: 'abort', id: aborted }));
    expect(await folders()).toEqual(before);

    const first = await begin();
    await begin();
    expect(await folders()).toHaveLength(before.length + 1);
    expect(message(await step({ step: 'finish', id: first }))).toMatch(/no longer under way/);
    // Silent past the limit: dropped, folder and all.
    await expect.poll(folders).toEqual(before);
  });
});
