// Commands that race each other through the API on one workspace, and a second opener of
// the same folder. Before the command queue, delete-versus-annotate brought a deleted
// document back from trash/ and a double delete answered INTERNAL.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { openWorkbench } from '../../src/core/workbench';
import { closeWorkbench, openSample, reopen, tempDir, unwrap } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

async function sampleId(folder = dir): Promise<string> {
  const wb = await openSample(folder);
  return unwrap(await wb.call('documents.list', {}))[0]!.id;
}

describe('racing commands', () => {
  it('delete versus annotate on one document: the document stays deleted', async () => {
    for (let trial = 0; trial < 10; trial++) {
      const { dir, cleanup } = await tempDir();
      const id = await sampleId(dir);
      const wb = await reopen(dir);
      const [deleted, created] = await Promise.all([
        wb.call('documents.delete', { id, confirmHighlights: 0 }),
        wb.call('annotations.create', { documentId: id, start: 0, end: 20 }),
      ]);
      // Whichever ran first, the other saw its result: never both on a live document.
      if (deleted.ok) expect(created).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      else expect(deleted).toMatchObject({ ok: false, error: { code: 'IN_USE' } });
      const again = await reopen(dir);
      const listed = unwrap(await again.call('documents.list', {}));
      expect(listed.map((d) => d.id)).toEqual(deleted.ok ? [] : [id]);
      await cleanup();
    }
  });

  it('deleting a document twice answers "not found" the second time', async () => {
    const id = await sampleId();
    const wb = await reopen(dir);
    const [a, b] = await Promise.all([
      wb.call('documents.delete', { id, confirmHighlights: 0 }),
      wb.call('documents.delete', { id, confirmHighlights: 0 }),
    ]);
    expect(a.ok).toBe(true);
    expect(b).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('entity delete versus tagging: no highlight is left tagged to a deleted entity', async () => {
    const id = await sampleId();
    const wb = await reopen(dir);
    const entity = unwrap(await wb.call('entities.create', { name: 'Evin prison', type: 'place' }));
    const [deleted, tagged] = await Promise.all([
      wb.call('entities.delete', { id: entity.id, confirmUsage: 0 }),
      wb.call('annotations.create', { documentId: id, start: 0, end: 20, entityIds: [entity.id] }),
    ]);
    expect(deleted.ok).toBe(true);
    expect(tagged).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const again = await reopen(dir);
    expect(unwrap(await again.call('workspace.info', {})).problems).toEqual([]);
  });

  it('a hundred interleaved creates all land, and all are there after a restart', async () => {
    const id = await sampleId();
    const wb = await reopen(dir);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        i % 3 === 0
          ? wb.call('entities.create', { name: `Official ${i}`, type: 'person' })
          : i % 3 === 1
            ? wb.call('notes.create', { title: `Note ${i}` })
            : wb.call('annotations.create', { documentId: id, start: i, end: i + 30 }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const again = await reopen(dir);
    expect(unwrap(await again.call('entities.list', {}))).toHaveLength(34);
    expect(unwrap(await again.call('notes.list', {}))).toHaveLength(33);
    expect(unwrap(await again.call('documents.get', { id })).annotations).toHaveLength(33);
  });
});

describe('the workspace lock', () => {
  it('a second opener is read-only, says who holds it, and writes nothing', async () => {
    await sampleId();
    const first = await reopen(dir);
    const before = await readFile(join(dir, 'workspace.json'), 'utf8');
    const second = await openWorkbench(dir, { host: 'browser host' });
    const info = unwrap(await second.call('workspace.info', {}));
    expect(info.readOnly).toBe(true);
    expect(info.lockedBy).toMatchObject({ pid: process.pid, host: 'test' });
    expect(info.readOnlyReason).toContain(`open in the test (process ${process.pid}`);
    const write = await second.call('entities.create', { name: 'Evin prison', type: 'place' });
    expect(write).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    expect(write.ok || write.error.message).toContain('read-only');
    expect(await readFile(join(dir, 'workspace.json'), 'utf8')).toBe(before);
    // Reads still work.
    expect(unwrap(await second.call('documents.list', {}))).toHaveLength(1);
    await second.close();
    expect(unwrap(await first.call('workspace.info', {})).readOnly).toBe(false);
  });

  it('the command line refuses to import while a host holds the workspace, and still searches', async () => {
    await sampleId();
    await reopen(dir);
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    const file = join(dir, 'note.txt');
    await writeFile(file, 'A short note about Evin prison.');
    expect(await runCli(['import', file, '--workspace', dir], io)).toBe(1);
    expect(err.join('\n')).toMatch(
      /This workspace is open in the test \(process \d+.*Nothing was changed\./,
    );
    expect(await runCli(['search', 'Evin', '--workspace', dir], io)).toBe(0);
    expect(out.join('\n')).toContain('«Evin»');
  });

  it('a lock left by a process that no longer runs is taken over', async () => {
    await sampleId();
    await closeWorkbench(dir);
    const { hostname } = await import('node:os');
    const dead = {
      pid: 2 ** 22 + 12345,
      host: 'desktop app',
      hostname: hostname(),
      since: '2026-01-01T00:00:00.000Z',
    };
    await writeFile(join(dir, '.lock'), JSON.stringify(dead));
    const wb = await reopen(dir);
    expect(unwrap(await wb.call('workspace.info', {})).readOnly).toBe(false);
    expect(JSON.parse(await readFile(join(dir, '.lock'), 'utf8'))).toMatchObject({
      pid: process.pid,
    });
  });

  it('a lock held on another machine is respected', async () => {
    await sampleId();
    await closeWorkbench(dir);
    // No process has this pid here; on another machine that says nothing about the holder.
    const other = {
      pid: 2 ** 22 + 999,
      host: 'desktop app',
      hostname: 'another-laptop',
      since: '2026-01-01T00:00:00.000Z',
    };
    await writeFile(join(dir, '.lock'), JSON.stringify(other));
    const wb = await reopen(dir);
    const info = unwrap(await wb.call('workspace.info', {}));
    expect(info.readOnly).toBe(true);
    expect(info.readOnlyReason).toContain(`process ${2 ** 22 + 999} on another-laptop`);
  });
});

describe('a read-only opener during a commit', () => {
  it('reads the workspace as the unfinished journal will leave it', async () => {
    await sampleId();
    const holder = await reopen(dir);
    const ws = JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8')) as {
      entities: unknown[];
    };
    const now = '2026-11-24T00:00:00.000Z';
    ws.entities.push({
      id: 'ent_j',
      name: 'In the journal',
      type: 'place',
      aliases: [],
      description: '',
      createdAt: now,
      updatedAt: now,
    });
    const journal = {
      journal: 1,
      changes: [{ path: 'workspace.json', content: JSON.stringify(ws) }],
    };
    await writeFile(join(dir, '.journal.json'), JSON.stringify(journal));
    const reader = await openWorkbench(dir, { host: 'browser host' });
    expect(unwrap(await reader.call('entities.list', {})).map((e) => e.name)).toEqual([
      'In the journal',
    ]);
    await reader.close();
    void holder;
  });
});

describe('internal errors', () => {
  it('are logged with an id and answered with the id only, never their text', async () => {
    const { setInternalErrorLog } = await import('../../src/core/dispatch');
    const lines: string[] = [];
    setInternalErrorLog((line) => lines.push(line));
    try {
      const wb = await openSample(dir);
      const handlers = wb.handlers as unknown as Record<string, () => Promise<unknown>>;
      handlers['workspace.info'] = () => Promise.reject(new Error('secret path /home/someone/x'));
      const result = await wb.dispatch('workspace.info', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      const message = result.ok ? '' : result.error.message;
      expect(message).not.toContain('secret path');
      const id = /error id ([0-9a-f-]{36})/.exec(message)?.[1];
      expect(lines.some((l) => id && l.includes(id) && l.includes('secret path'))).toBe(true);
    } finally {
      setInternalErrorLog((line) => console.error(line));
    }
  });
});
