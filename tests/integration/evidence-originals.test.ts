// Originals kept as evidence: an imported file is stored once, byte for byte, under its
// SHA-256, read-only, before the document that names it; importing the same bytes again
// finds it there; a changed original is refused when read; and none of it is listed or
// judged as a document.
import { readdir, readFile, stat, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import { sha256Hex } from '../../src/core/originals/kept-files';
import { nodeFs, type StoreFs } from '../../src/core/store/durable';
import { detentionPage, png } from '../fixtures/node/evidence-html';
import { reopen, tempDir, unwrap } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
let wb: Workbench;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  wb = await reopen(dir);
});
afterEach(() => cleanup());

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
const importBytes = (fileName: string, data: Uint8Array) =>
  wb.call('documents.importBytes', { fileName, data });

describe('the original of an import', () => {
  it('is kept once, byte for byte and read-only, and the document points at it', async () => {
    const page = bytesOf(detentionPage());
    const outcome = unwrap(await importBytes('detention.html', page));
    if (outcome.kind !== 'document') throw new Error(outcome.kind);
    const { document } = unwrap(await wb.call('documents.get', { id: outcome.documentId }));
    const sha = sha256Hex(page);
    expect(document.original).toEqual({
      sha256: sha,
      fileName: 'detention.html',
      mediaType: 'text/html',
      size: page.byteLength,
    });
    expect(document.contentHash).toBe(`sha256:${sha}`);
    const kept = join(dir, 'originals', sha);
    expect(new Uint8Array(await readFile(kept))).toEqual(page);
    expect((await stat(kept)).mode & 0o222).toBe(0);
    // The same bytes again: found, nothing new written.
    const again = unwrap(await importBytes('copy-of-detention.html', page));
    expect(again).toMatchObject({ kind: 'duplicate', documentId: outcome.documentId });
    expect(await readdir(join(dir, 'originals'))).toEqual([sha]);
    // And through the API, as the window reads it.
    const view = unwrap(await wb.call('documents.original', { id: outcome.documentId }));
    expect(view.original.sha256).toBe(sha);
    expect(new Uint8Array(view.bytes)).toEqual(page);
  });

  it('keeps an image the page held as a file of its own, shown only to its document', async () => {
    const image = png(0x30);
    const outcome = unwrap(await importBytes('detention.html', bytesOf(detentionPage(image))));
    if (outcome.kind !== 'document') throw new Error(outcome.kind);
    const sha = sha256Hex(image);
    expect(new Uint8Array(await readFile(join(dir, 'media', sha)))).toEqual(image);
    const { dataUrl } = unwrap(
      await wb.call('documents.media', { id: outcome.documentId, sha256: sha }),
    );
    expect(dataUrl).toBe(`data:image/png;base64,${Buffer.from(image).toString('base64')}`);
    const other = unwrap(await importBytes('note.txt', bytesOf('A note about something else.')));
    if (other.kind !== 'document') throw new Error(other.kind);
    const refused = await wb.call('documents.media', { id: other.documentId, sha256: sha });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('is refused, never shown, once its bytes changed on disk', async () => {
    const page = bytesOf(detentionPage());
    const outcome = unwrap(await importBytes('detention.html', page));
    if (outcome.kind !== 'document') throw new Error(outcome.kind);
    const kept = join(dir, 'originals', sha256Hex(page));
    await chmod(kept, 0o644);
    await writeFile(kept, bytesOf(detentionPage().replace('1,200', '1,900')));
    const read = await wb.call('documents.original', { id: outcome.documentId });
    expect(read).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!read.ok) expect(read.error.message).toContain(`originals/${sha256Hex(page)} has changed`);
  });

  it('is given to a document that had none when the same bytes are imported', async () => {
    // Pasted text keeps no file; the same words imported as a file find that document and
    // leave it the file, as a document imported before originals were kept gets it.
    const text = 'Witnesses described the transfer to Evin on 3 March.\n';
    const pasted = unwrap(await wb.call('documents.paste', { title: 'Transfer', text }));
    if (pasted.kind !== 'document') throw new Error(pasted.kind);
    const before = unwrap(await wb.call('documents.get', { id: pasted.documentId }));
    expect(before.document.original).toBeUndefined();
    const again = unwrap(await importBytes('transfer.txt', bytesOf(text)));
    expect(again).toMatchObject({ kind: 'duplicate', documentId: pasted.documentId });
    const after = unwrap(await wb.call('documents.get', { id: pasted.documentId }));
    expect(after.document.original).toMatchObject({ sha256: sha256Hex(bytesOf(text)) });
    const view = unwrap(await wb.call('documents.original', { id: pasted.documentId }));
    expect(new Uint8Array(view.bytes)).toEqual(bytesOf(text));
  });

  it('is never listed or judged as a document, and survives reopening', async () => {
    unwrap(await importBytes('detention.html', bytesOf(detentionPage())));
    unwrap(await importBytes('note.txt', bytesOf('A plain note with one paragraph.')));
    wb = await reopen(dir);
    const info = unwrap(await wb.call('workspace.info', {}));
    expect(info.problems).toEqual([]);
    expect(unwrap(await wb.call('documents.list', {}))).toHaveLength(2);
    expect(await readdir(join(dir, 'originals'))).toHaveLength(2);
    const verified = unwrap(await wb.call('workspace.verify', {}));
    expect(verified.mismatches).toEqual([]);
  });

  it('keeps nothing when the workspace is read-only', async () => {
    const other = await import('../../src/core/workbench').then((m) =>
      m.openWorkbench(dir, { host: 'second window' }),
    );
    try {
      const refused = await other.call('documents.importBytes', {
        fileName: 'detention.html',
        data: bytesOf(detentionPage()),
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
      await expect(readdir(join(dir, 'originals'))).rejects.toThrow();
    } finally {
      await other.close();
    }
  });
});

describe('keeping an original durably', () => {
  /** The store's file system, with every link, fsync and journal write recorded. */
  function recording(failLink = false): { fs: StoreFs; calls: string[] } {
    const calls: string[] = [];
    const rel = (p: unknown): string => String(p).replace(`${dir}/`, '');
    const fs: StoreFs = {
      ...nodeFs,
      open: (async (path: string, flags?: string, mode?: number) => {
        const handle = await nodeFs.open(path, flags, mode);
        const sync = handle.sync.bind(handle);
        handle.sync = async () => {
          calls.push(`sync ${rel(path).replace(/\.[^/]*\.tmp$/, '.tmp')}`);
          return sync();
        };
        return handle;
      }) as StoreFs['open'],
      link: async (from, to) => {
        calls.push(`link ${rel(to)}`);
        if (failLink && rel(to).startsWith('originals/'))
          throw Object.assign(new Error('EIO: injected'), { code: 'EIO' });
        return nodeFs.link(from, to);
      },
    };
    return { fs, calls };
  }

  it('has the file and its folder synced before the command that names it writes', async () => {
    const { fs, calls } = recording();
    wb = await reopen(dir, { fs });
    const page = bytesOf(detentionPage());
    unwrap(await importBytes('detention.html', page));
    await wb.settled();
    const sha = sha256Hex(page);
    const linked = calls.indexOf(`link originals/${sha}`);
    const folderSynced = calls.indexOf('sync originals');
    const firstRecord = calls.findIndex((c) => /^sync (documents|highlights|\.journal)/.test(c));
    expect(linked).toBeGreaterThan(-1);
    expect(folderSynced).toBeGreaterThan(linked);
    expect(firstRecord).toBeGreaterThan(folderSynced);
    // The image was kept first, the same way.
    expect(calls.indexOf('sync media')).toBeGreaterThan(-1);
    expect(calls.indexOf('sync media')).toBeLessThan(linked);
  });

  it('adds no document when the original cannot be kept, and leaves no temp file', async () => {
    const { fs } = recording(true);
    wb = await reopen(dir, { fs });
    const refused = await importBytes('detention.html', bytesOf(detentionPage()));
    expect(refused).toMatchObject({ ok: false, error: { code: 'WRITE_FAILED' } });
    expect(unwrap(await wb.call('documents.list', {}))).toEqual([]);
    expect(await readdir(join(dir, 'originals'))).toEqual([]);
  });
});
