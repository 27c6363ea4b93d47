// Fault injection for the durable writer: the file system is wrapped so the test sees
// every fsync and rename, and can make any call fail. These defences have no visible
// effect while the machine runs; only a crash shows them, so the calls are checked.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeFs, type StoreFs } from '../../src/core/store/durable';
import { closeWorkbench, openSample, reopen, settle, tempDir, unwrap } from './helpers';
import { leftovers, workspaceFiles } from './snapshot-files';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

interface Recorder {
  fs: StoreFs;
  calls: string[];
  /** Makes the next calls matching `match` fail with `code`, `times` times. */
  fail(match: (call: string) => boolean, code: string, times?: number): void;
}

function recorder(): Recorder {
  const calls: string[] = [];
  const faults: { match: (c: string) => boolean; code: string; times: number }[] = [];
  const check = (call: string): void => {
    calls.push(call);
    const fault = faults.find((f) => f.times > 0 && f.match(call));
    if (fault) {
      fault.times -= 1;
      throw Object.assign(new Error(`${fault.code}: injected`), { code: fault.code });
    }
  };
  const rel = (p: unknown): string => String(p).replace(`${dir}/`, '').replace(dir, '.');
  const open = (async (path: string, flags?: string, mode?: number) => {
    check(`open ${rel(path)} ${flags ?? 'r'}`);
    const handle = await nodeFs.open(path, flags, mode);
    const sync = handle.sync.bind(handle);
    handle.sync = async () => {
      check(`sync ${rel(path)}`);
      return sync();
    };
    return handle;
  }) as StoreFs['open'];
  const fs: StoreFs = {
    ...nodeFs,
    open,
    rename: async (from, to) => {
      check(`rename ${rel(from).replace(/\.\d+\.\d+\.tmp$/, '.tmp')} ${rel(to)}`);
      return nodeFs.rename(from, to);
    },
    readFile: (async (path: string, options?: unknown) => {
      check(`read ${rel(path)}`);
      return nodeFs.readFile(path, options as BufferEncoding);
    }) as StoreFs['readFile'],
    lstat: (async (path: string) => {
      check(`lstat ${rel(path)}`);
      return nodeFs.lstat(path);
    }) as StoreFs['lstat'],
  };
  return { fs, calls, fail: (match, code, times = 1) => faults.push({ match, code, times }) };
}

async function withRecorder(): Promise<{ r: Recorder; docId: string }> {
  const wb = await openSample(dir);
  const docId = unwrap(await wb.call('documents.list', {}))[0]!.id;
  await closeWorkbench(dir);
  return { r: recorder(), docId };
}

describe('durable writes', () => {
  it('syncs the custody line first, then the new file before renaming it into place, and the folder after', async () => {
    const { r } = await withRecorder();
    const wb = await reopen(dir, { fs: r.fs });
    r.calls.length = 0;
    unwrap(await wb.call('entities.create', { name: 'Evin prison', type: 'place' }));
    const steps = r.calls.filter((c) => /^(sync|rename)/.test(c));
    expect(steps).toEqual([
      // Write-ahead: the change's line in the custody log is on disk before its file.
      'sync custody.log',
      expect.stringMatching(/^sync \.workspace\.json\.\d+\.\d+\.tmp$/),
      'rename .workspace.json.tmp workspace.json',
      'sync .',
    ]);
  });

  it('writes a multi-file command through a durable journal first, and removes it after', async () => {
    const { r, docId } = await withRecorder();
    const wb = await reopen(dir, { fs: r.fs });
    r.calls.length = 0;
    unwrap(await wb.call('documents.delete', { id: docId, confirmHighlights: 0 }));
    // The call answers once the journal is durable; the files are put in place after it.
    const answered = r.calls.length;
    expect(r.calls.filter((c) => c.startsWith('rename'))).toEqual([
      'rename ..journal.json.tmp .journal.json',
    ]);
    await settle(dir);
    expect(r.calls.length).toBeGreaterThan(answered);
    const renames = r.calls.filter((c) => c.startsWith('rename'));
    expect(renames[0]).toBe('rename ..journal.json.tmp .journal.json');
    expect(r.calls.indexOf('sync .')).toBeGreaterThan(r.calls.indexOf(renames[0]!));
    expect(r.calls.indexOf('sync .')).toBeLessThan(r.calls.indexOf(renames[1]!));
    expect(renames.slice(1).map((c) => c.split(' ')[2])).toEqual([
      expect.stringMatching(/^trash\//),
    ]);
    expect(await leftovers(dir)).toEqual([]);
  });

  it('puts a journalled change in its files before the next change starts its journal', async () => {
    const { r, docId } = await withRecorder();
    const wb = await reopen(dir, { fs: r.fs });
    const other = unwrap(await wb.call('documents.paste', { title: 'Other', text: 'Evin.' }));
    if (other.kind !== 'document') throw new Error('expected a document');
    await settle(dir);
    r.calls.length = 0;
    // Two multi-file changes queued at once: one journal at a time, each finished in turn.
    await Promise.all([
      wb.call('documents.delete', { id: docId, confirmHighlights: 0 }),
      wb.call('documents.delete', { id: other.documentId, confirmHighlights: 0 }),
    ]);
    await settle(dir);
    const renames = r.calls.filter((c) => c.startsWith('rename')).map((c) => c.split(' ')[2]);
    expect(renames.map((to) => (to!.startsWith('trash/') ? 'trash' : to))).toEqual([
      '.journal.json',
      'trash',
      '.journal.json',
      'trash',
    ]);
    expect(await leftovers(dir)).toEqual([]);
  });

  it('saving a highlight writes its highlights file only, never the document text', async () => {
    const { r, docId } = await withRecorder();
    const wb = await reopen(dir, { fs: r.fs });
    r.calls.length = 0;
    unwrap(await wb.call('annotations.create', { documentId: docId, start: 0, end: 20 }));
    const renamed = r.calls.filter((c) => c.startsWith('rename')).map((c) => c.split(' ')[2]);
    expect(renamed).toEqual([`highlights/${docId}.json`]);
  });

  it('a failed write leaves the file, the memory and the folder as they were', async () => {
    const { r } = await withRecorder();
    const wb = await reopen(dir, { fs: r.fs });
    const before = await workspaceFiles(dir);
    r.fail((c) => c.startsWith('rename') && c.endsWith('workspace.json'), 'EIO');
    const result = await wb.call('entities.create', { name: 'Evin prison', type: 'place' });
    expect(result).toMatchObject({ ok: false, error: { code: 'WRITE_FAILED' } });
    expect(result.ok || result.error.message).toContain('EIO');
    expect(unwrap(await wb.call('entities.list', {}))).toEqual([]);
    expect(await workspaceFiles(dir)).toEqual(before);
    expect(await leftovers(dir)).toEqual([]);
    // The next write goes through.
    unwrap(await wb.call('entities.create', { name: 'Evin prison', type: 'place' }));
  });

  it('a failed fsync fails the write instead of acknowledging data that may not be on disk', async () => {
    const { r } = await withRecorder();
    const wb = await reopen(dir, { fs: r.fs });
    r.fail((c) => c.startsWith('sync .workspace.json'), 'EIO');
    expect((await wb.call('entities.create', { name: 'Evin prison', type: 'place' })).ok).toBe(
      false,
    );
    expect(unwrap(await wb.call('entities.list', {}))).toEqual([]);
  });

  it('a read error other than "missing" never opens an empty, writable workspace', async () => {
    const { r } = await withRecorder();
    const before = await readFile(join(dir, 'workspace.json'), 'utf8');
    r.fail((c) => c === 'read workspace.json', 'EACCES');
    const wb = await reopen(dir, { fs: r.fs });
    const info = unwrap(await wb.call('workspace.info', {}));
    expect(info.readOnly).toBe(true);
    expect(info.problems[0]?.file).toBe('workspace.json');
    expect(info.problems[0]?.reason).toContain('EACCES');
    expect((await wb.call('entities.create', { name: 'X', type: 'person' })).ok).toBe(false);
    expect(await readFile(join(dir, 'workspace.json'), 'utf8')).toBe(before);
  });

  it('a multi-file commit that fails part way is finished, never left half done', async () => {
    const { r, docId } = await withRecorder();
    const wb = await reopen(dir, { fs: r.fs });
    unwrap(await wb.call('notes.create', { title: 'Linked', documentIds: [docId] }));
    // Syncing trash/ fails, then fails again on the retry: the journal cannot be finished now.
    r.fail((c) => c === 'sync trash', 'EIO', 2);
    // The delete is durable in the journal when it answers; putting its files in place fails.
    unwrap(await wb.call('documents.delete', { id: docId, confirmHighlights: 0 }));
    await settle(dir);
    expect(unwrap(await wb.call('workspace.info', {})).readOnly).toBe(true);
    const next = await wb.call('entities.create', { name: 'Evin prison', type: 'place' });
    expect(next).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    expect(next.ok || next.error.message).toContain('EIO');
    expect(await readdir(dir)).toContain('.journal.json');
    // The next open finishes it: the document is gone and the note no longer links it.
    const again = await reopen(dir);
    expect(unwrap(await again.call('documents.list', {}))).toEqual([]);
    expect(unwrap(await again.call('notes.list', {}))[0]!.documentIds).toEqual([]);
    expect(unwrap(await again.call('workspace.info', {})).problems).toEqual([]);
    expect(await leftovers(dir)).toEqual([]);
  });

  it('a multi-file commit whose files fail once is finished by the retry, and writing goes on', async () => {
    const { r, docId } = await withRecorder();
    const wb = await reopen(dir, { fs: r.fs });
    r.fail((c) => c === 'sync trash', 'EIO', 1);
    unwrap(await wb.call('documents.delete', { id: docId, confirmHighlights: 0 }));
    await settle(dir);
    expect(unwrap(await wb.call('workspace.info', {})).readOnly).toBe(false);
    expect(await leftovers(dir)).toEqual([]);
    expect(await readdir(join(dir, 'documents'))).toEqual([]);
    unwrap(await wb.call('entities.create', { name: 'Evin prison', type: 'place' }));
  });
});

describe('what opening cleans up', () => {
  it('removes temp files of writers that are gone, and keeps those of a running one', async () => {
    await withRecorder();
    const { writeFile } = await import('node:fs/promises');
    const dead = join(dir, 'documents', `.doc_x.json.${2 ** 22 + 777}.1.tmp`);
    const live = join(dir, 'documents', `.doc_y.json.${process.ppid}.1.tmp`);
    await writeFile(dead, 'half a write');
    await writeFile(live, 'a write in progress');
    await reopen(dir);
    const names = await readdir(join(dir, 'documents'));
    expect(names).not.toContain(dead.split('/').pop());
    expect(names).toContain(live.split('/').pop());
  });

  it('refuses a journal that would write outside the workspace files, and says so', async () => {
    await withRecorder();
    const { writeFile } = await import('node:fs/promises');
    const name = `escaped-${process.pid}-${Date.now()}.json`;
    const journal = { journal: 1, changes: [{ path: `../${name}`, content: '{}' }] };
    await writeFile(join(dir, '.journal.json'), JSON.stringify(journal));
    const wb = await reopen(dir);
    const info = unwrap(await wb.call('workspace.info', {}));
    expect(info.readOnly).toBe(true);
    expect(info.problems[0]?.reason).toContain(`refusing to write "../${name}"`);
    expect(await readdir(join(dir, '..'))).not.toContain(name);
  });
});
