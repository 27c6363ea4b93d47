// Two real workspaces sharing through one folder (what Syncthing, a network drive or a USB
// stick carries), driven by the command line: share --folder, join --folder, sync with the
// folder remembered. The document's text travels as a blob in the folder; a field edited
// on both sides is one conflict listed alike on both. Everything in the folder is hostile
// until checked: garbage, a rival document, one that replaces the workspace's maps, a file
// past the size limit are refused and said, a link is not followed; a member's document
// holding a record that breaks the model has that record refused, the rest applied.
import * as A from '@automerge/automerge';
import { readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { folderBlobs, MAX_REPLICA_BYTES } from '../../src/core/sync/folder-link';
import {
  genesis,
  toAmRecord,
  type AmRecord,
  type WorkspaceDoc,
} from '../../src/core/sync/workspace-doc';
import type { Entity, Note } from '../../src/shared/model';
import { closeWorkbench, openSample, reopen, tempDir, unwrap } from './helpers';

let root: { dir: string; cleanup: () => Promise<void> };
let F: string;
let WA: string;
let WB: string;
let shareId: string;

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

async function records(dir: string) {
  const wb = await reopen(dir);
  const entities: Entity[] = unwrap(await wb.call('entities.list', {})).map(
    ({ usage: _u, ...e }) => e,
  );
  // As a set: each workspace lists notes in the order they arrived there.
  const notes: Note[] = unwrap(await wb.call('notes.list', {})).sort((x, y) =>
    x.id.localeCompare(y.id),
  );
  const documents = await Promise.all(
    unwrap(await wb.call('documents.list', {})).map(
      async (d) => unwrap(await wb.call('documents.get', { id: d.id })).document,
    ),
  );
  await closeWorkbench(dir);
  return { entities, notes, documents };
}

const docsIn = (): string => join(F, shareId, 'docs');
const configOf = async (dir: string): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(join(dir, '.sync', 'config.json'), 'utf8')) as Record<string, unknown>;

/** A member's document as another member would write it: the genesis, then `fn`. */
function memberDoc(fn: (d: WorkspaceDoc) => void): Uint8Array {
  const doc = A.change(A.load<WorkspaceDoc>(genesis()), fn);
  return A.save(doc);
}

beforeAll(async () => {
  root = await tempDir();
  F = join(root.dir, 'shared');
  WA = join(root.dir, 'a');
  WB = join(root.dir, 'b');
  await import('node:fs/promises').then((fs) => fs.mkdir(F));
});
afterAll(() => root.cleanup());

describe('team sync through a shared folder', () => {
  it('shares through a folder and joins from it: records and the document text arrive', async () => {
    const wb = await openSample(WA);
    unwrap(await wb.call('entities.create', { name: 'Ada Lovelace', type: 'person' }));
    await closeWorkbench(WA);

    const shared = await cli('share', '--workspace', WA, '--folder', F);
    expect(shared.err).toEqual([]);
    expect(shared.code).toBe(0);
    shareId = shared.out.at(-1)!;
    const joined = await cli('join', shareId, '--workspace', WB, '--folder', F);
    expect(joined.err).toEqual([]);
    expect(joined.code).toBe(0);
    const b = await records(WB);
    expect(b).toEqual(await records(WA));
    expect(b.documents[0]!.text.length).toBeGreaterThan(100);
    // One file per member, each written by its owner only; the text as a blob.
    expect((await readdir(docsIn())).filter((f) => f.endsWith('.am'))).toHaveLength(2);
    expect(await readdir(join(F, shareId, 'blobs'))).not.toEqual([]);
    const config = await configOf(WB);
    expect(config).toMatchObject({ shareId, folder: F });
    expect(config.server).toBeUndefined();
  });

  it('syncs with the folder remembered, keeping a field edited on both sides as one conflict', async () => {
    const ada = (await records(WA)).entities[0]!;
    for (const [dir, name] of [
      [WA, 'Ada King'],
      [WB, 'Augusta Ada'],
    ] as const) {
      const wb = await reopen(dir);
      unwrap(await wb.call('entities.update', { id: ada.id, patch: { name } }));
      unwrap(await wb.call('notes.create', { title: `From ${name}` }));
      await closeWorkbench(dir);
    }
    for (const dir of [WA, WB, WA]) {
      const synced = await cli('sync', '--workspace', dir);
      expect(synced.err).toEqual([]);
      expect(synced.code).toBe(0);
    }
    const a = await records(WA);
    expect(await records(WB)).toEqual(a);
    expect(a.notes).toHaveLength(2);
    const lists = await Promise.all([WA, WB].map((d) => cli('conflicts', '--workspace', d)));
    expect(lists[0]!.out).toEqual(lists[1]!.out);
    expect(lists[0]!.out.at(-1)).toBe('1 open conflicts (as of the last sync).');
  });

  it('puts back the blobs deleted from the folder, each the bytes its name says', async () => {
    const blobs = join(F, shareId, 'blobs');
    const held = (await readdir(blobs)).filter((f) => !f.startsWith('.')).sort();
    expect(held).not.toEqual([]);
    for (const name of held) await rm(join(blobs, name));
    // A link in place of a blob is not one: it is replaced by the blob itself.
    await writeFile(join(root.dir, 'elsewhere'), 'not the text');
    await symlink(join(root.dir, 'elsewhere'), join(blobs, held[0]!));
    for (const dir of [WA, WB]) {
      const synced = await cli('sync', '--workspace', dir);
      expect(synced.err).toEqual([]);
      expect(synced.code).toBe(0);
    }
    expect((await readdir(blobs)).filter((f) => !f.startsWith('.')).sort()).toEqual(held);
    const store = folderBlobs(F, shareId);
    for (const name of held) expect(await store.get(name)).toBeInstanceOf(Uint8Array);
  });

  it('refuses what is not a member document of this share, says so, and syncs the rest', async () => {
    const rival = A.save(A.from<{ entities: Record<string, unknown> }>({ entities: {} }));
    await writeFile(join(docsIn(), 'garbage.am'), 'not a document at all');
    await writeFile(join(docsIn(), 'rival.am'), rival);
    await writeFile(
      join(docsIn(), 'replacer.am'),
      memberDoc((d) => {
        d.entities = {};
      }),
    );
    await writeFile(join(docsIn(), 'huge.am'), '');
    await truncate(join(docsIn(), 'huge.am'), MAX_REPLICA_BYTES + 1);
    const note = (id: string, title: string): AmRecord =>
      toAmRecord({
        id,
        title,
        body: '',
        entityIds: [],
        documentIds: [],
        annotationIds: [],
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      });
    await writeFile(
      join(docsIn(), 'member.am'),
      memberDoc((d) => {
        d.notes['note-good'] = note('note-good', 'A good note from the folder');
        d.notes['note-long'] = note('note-long', 'x'.repeat(501));
      }),
    );

    // A link is not followed: it could name any file here (or a pipe that never ends).
    await writeFile(
      join(root.dir, 'elsewhere.am'),
      memberDoc((d) => {
        d.notes['note-linked'] = note('note-linked', 'Read through a link');
      }),
    );
    await symlink(join(root.dir, 'elsewhere.am'), join(docsIn(), 'link.am'));
    const synced = await cli('sync', '--workspace', WB);
    expect(synced.code).toBe(0);
    expect(synced.err.sort()).toEqual([
      expect.stringMatching(/^! refused notes\/note-long: title: .*500/),
      "! refused the folder's file garbage.am: it is not an Automerge document, or is cut short",
      `! refused the folder's file huge.am: it is larger than ${MAX_REPLICA_BYTES / 2 ** 20} MB`,
      `! refused the folder's file replacer.am: it replaces the workspace's "entities" map`,
      "! refused the folder's file rival.am: it is not a workspace document (it does not grow from the shared genesis)",
    ]);
    // The window's status names the same files and why (one round reads the folder).
    const wb = await reopen(WB, { liveSync: true });
    unwrap(await wb.call('sync.now', {}));
    const said = unwrap(await wb.call('sync.status', {})).refusedFiles ?? [];
    expect(said.map((f) => `${f.file}: ${f.reason}`).sort()).toEqual([
      'garbage.am: it is not an Automerge document, or is cut short',
      `huge.am: it is larger than ${MAX_REPLICA_BYTES / 2 ** 20} MB`,
      `replacer.am: it replaces the workspace's "entities" map`,
      'rival.am: it is not a workspace document (it does not grow from the shared genesis)',
    ]);
    const titles = (await records(WB)).notes.map((n) => n.title);
    expect(titles).toContain('A good note from the folder');
    expect(titles).not.toContain('Read through a link');
    expect(titles).toHaveLength(3);
    // Nothing hostile went back out: B's own file, read alone, holds only valid records.
    const replica = String((await configOf(WB)).replica);
    const own = A.load<WorkspaceDoc>(await readFile(join(docsIn(), `${replica}.am`)));
    expect(Object.keys(own.entities)).toHaveLength(1);
  }, 20_000);

  it('removes its own write left half-done by a kill, and says plainly when the folder is missing', async () => {
    const replica = String((await configOf(WA)).replica);
    const leftover = join(docsIn(), `.${replica}.cut-short.tmp`);
    await writeFile(leftover, 'half');
    expect((await cli('sync', '--workspace', WA)).code).toBe(0);
    expect(await readdir(docsIn())).not.toContain(`.${replica}.cut-short.tmp`);

    const missing = await cli('sync', '--workspace', WA, '--folder', join(root.dir, 'unplugged'));
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toMatch(/unplugged is not a folder here/);
    const both = await cli('sync', '--workspace', WA, '--folder', F, '--server', 'ws://x:1');
    expect(both.err[0]).toBe('sync takes --server or --folder, not both.');
  });
});

describe('sharing through a folder from the window (sync.*)', () => {
  it('shares, joins, carries a rename live, and resumes through the folder after a restart', async () => {
    const G = join(root.dir, 'window-folder');
    await import('node:fs/promises').then((fs) => fs.mkdir(G));
    const WC = join(root.dir, 'c');
    const WD = join(root.dir, 'd');
    let c = await reopen(WC, { liveSync: true });
    const refused = await c.dispatch('sync.share', { folder: 'Sync/team' });
    expect(refused.ok ? '' : refused.error.message).toMatch(/folder: the folder is a full path/);
    const missing = await c.dispatch('sync.share', { folder: join(root.dir, 'unplugged') });
    expect(missing.ok ? '' : missing.error.message).toMatch(/shared folder cannot be read/);
    const ada = unwrap(await c.call('entities.create', { name: 'Ada Lovelace', type: 'person' }));
    const shared = unwrap(await c.call('sync.share', { folder: G }));
    expect(shared).toMatchObject({ state: 'synced', folder: G, server: null });

    const d = await reopen(WD, { liveSync: true });
    unwrap(await d.call('sync.join', { shareId: shared.shareId!, folder: G }));
    expect(unwrap(await d.call('entities.list', {})).map((e) => e.name)).toEqual(['Ada Lovelace']);

    await closeWorkbench(WC);
    c = await reopen(WC, { liveSync: true });
    expect(unwrap(await c.call('sync.status', {})).folder).toBe(G);
    unwrap(await c.call('entities.update', { id: ada.id, patch: { name: 'Ada King' } }));
    for (let i = 0; i < 200; i++) {
      const names = unwrap(await d.call('entities.list', {})).map((e) => e.name);
      if (names.includes('Ada King')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(unwrap(await d.call('entities.list', {})).map((e) => e.name)).toEqual(['Ada King']);
    await closeWorkbench(WC);
    await closeWorkbench(WD);
  }, 20_000);
});
