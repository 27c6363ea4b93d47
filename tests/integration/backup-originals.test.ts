// A JSON backup that carries the originals, as the user may choose: written with every
// original and figure image its documents name (checked as they are read), restored into
// an empty workspace with those files back under their hashes, and refused whole when a
// carried file no longer hashes to its name or an original changed on disk.
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import { sha256Hex } from '../../src/core/originals/kept-files';
import { detentionPage, png } from '../fixtures/node/evidence-html';
import { importAs } from './evidence-helpers';
import { reopen, tempDir, unwrap } from './helpers';

let dirs: { dir: string; cleanup: () => Promise<void> }[] = [];
beforeEach(() => {
  dirs = [];
});
afterEach(async () => {
  for (const d of dirs) await d.cleanup();
});
async function workspace(): Promise<{ dir: string; wb: Workbench }> {
  const made = await tempDir();
  dirs.push(made);
  return { dir: made.dir, wb: await reopen(made.dir) };
}

const image = png(0x44);
const page = new TextEncoder().encode(detentionPage(image));

async function backup(wb: Workbench, includeOriginals?: boolean) {
  return wb.call('export.create', {
    format: 'json',
    ...(includeOriginals === undefined ? {} : { includeOriginals }),
  });
}

async function restore(wb: Workbench, content: string) {
  return wb.call('documents.importBytes', {
    fileName: 'backup.json',
    data: new TextEncoder().encode(content),
  });
}

describe('a backup with the originals', () => {
  it('carries each original and image once, and restores them under their hashes', async () => {
    const from = await workspace();
    const { document } = await importAs(from.wb, 'detention.html', page);
    // Without the option the backup names the originals by hash only, as before.
    const plain = JSON.parse(unwrap(await backup(from.wb)).content) as { kept?: unknown };
    expect(plain.kept).toBeUndefined();
    const file = unwrap(await backup(from.wb, true));
    const carried = (JSON.parse(file.content) as { kept: { folder: string; sha256: string }[] })
      .kept;
    expect(carried.map((k) => `${k.folder}/${k.sha256}`).sort()).toEqual(
      [`media/${sha256Hex(image)}`, `originals/${sha256Hex(page)}`].sort(),
    );

    const to = await workspace();
    const outcome = unwrap(await restore(to.wb, file.content));
    expect(outcome).toMatchObject({ kind: 'backup', documents: 1, originals: 2 });
    expect(outcome).not.toHaveProperty('missingOriginals');
    // The backup without them, restored where they are not: both counted apart as missing.
    const bare = await workspace();
    expect(unwrap(await restore(bare.wb, JSON.stringify(plain)))).toMatchObject({
      kind: 'backup',
      documents: 1,
      missingOriginals: 2,
    });
    expect(new Uint8Array(await readFile(join(to.dir, 'originals', sha256Hex(page))))).toEqual(
      page,
    );
    const view = unwrap(await to.wb.call('documents.original', { id: document.id }));
    expect(new Uint8Array(view.bytes)).toEqual(page);
    const media = unwrap(
      await to.wb.call('documents.media', { id: document.id, sha256: sha256Hex(image) }),
    );
    expect(media.dataUrl).toContain(Buffer.from(image).toString('base64'));
  });

  it('is refused whole when a carried file no longer hashes to its name', async () => {
    const from = await workspace();
    await importAs(from.wb, 'detention.html', page);
    const file = unwrap(await backup(from.wb, true));
    const parsed = JSON.parse(file.content) as { kept: { folder: string; base64: string }[] };
    const original = parsed.kept.find((k) => k.folder === 'originals')!;
    const bytes = Buffer.from(original.base64, 'base64');
    bytes[10] = bytes[10]! ^ 1;
    original.base64 = bytes.toString('base64');

    const to = await workspace();
    const refused = await restore(to.wb, JSON.stringify(parsed));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/does not hash to its name/);
    expect(unwrap(await to.wb.call('documents.list', {}))).toEqual([]);
  });

  it('is not written when an original changed on disk, and says which', async () => {
    const from = await workspace();
    await importAs(from.wb, 'detention.html', page);
    const kept = join(from.dir, 'originals', sha256Hex(page));
    await chmod(kept, 0o644);
    await writeFile(kept, 'not the page');
    const refused = await backup(from.wb, true);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!refused.ok) expect(refused.error.message).toContain('without the originals');
    // Only the backup carries originals.
    const csv = await from.wb.call('export.create', { format: 'csv', includeOriginals: true });
    expect(csv).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
