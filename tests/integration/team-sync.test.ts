// Two real workspaces sharing through the real relay on 127.0.0.1, driven by the command
// line as a team would: share, join, sync, conflicts. Records made on one appear on the
// other; one field edited on both is kept as a conflict, the same value shown on both; a
// peer holding the key but writing records that break the model is refused and reported,
// while the valid records it sent still arrive. A relay that loses its blobs is given them
// again by a member still running, so that one who joins later misses nothing.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Repo, type DocumentId, type PeerId } from '@automerge/automerge-repo';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/run';
import { RelayClientAdapter } from '../../src/core/sync/relay-client';
import { startRelay, type Relay } from '../../src/core/sync/relay';
import { SyncSession } from '../../src/core/sync/sync-session';
import {
  toAm,
  toAmRecord,
  type AmRecord,
  type WorkspaceDoc,
} from '../../src/core/sync/workspace-doc';
import type { Entity, Note } from '../../src/shared/model';
import { newShareId } from '../../src/core/sync/sync-session';
import { bodyBlob, keptFilesOf } from '../../src/core/sync/synced-records';
import { RelayBlobStore } from '../../src/core/sync/blob-store';
import { detentionPage } from '../fixtures/node/evidence-html';
import { closeWorkbench, openSample, reopen, tempDir, unwrap } from './helpers';

const KEY = 'integration-team-key-0123456789abcdef';
let relay: Relay;
let url: string;
let root: { dir: string; cleanup: () => Promise<void> };
let A: string;
let B: string;

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

async function records(dir: string): Promise<{ entities: Entity[]; notes: Note[] }> {
  const wb = await reopen(dir);
  const entities = unwrap(await wb.call('entities.list', {})).map(({ usage: _u, ...e }) => e);
  const notes = unwrap(await wb.call('notes.list', {}));
  await closeWorkbench(dir);
  return { entities, notes };
}

beforeAll(async () => {
  vi.stubEnv('RW_SYNC_TOKEN', KEY);
  root = await tempDir();
  A = join(root.dir, 'a');
  B = join(root.dir, 'b');
  relay = await startRelay({ port: 0, dataDir: join(root.dir, 'relay'), key: KEY });
  url = `ws://127.0.0.1:${relay.port}`;
});
afterAll(async () => {
  await relay.close();
  await root.cleanup();
  vi.unstubAllEnvs();
});

describe('team sync through the relay', () => {
  let shareId: string;
  let ada: Entity;

  it('shares a workspace and joins it from another: its entities and notes arrive', async () => {
    const wb = await reopen(A);
    ada = unwrap(await wb.call('entities.create', { name: 'Ada Lovelace', type: 'person' }));
    unwrap(
      await wb.call('notes.create', {
        title: 'Interview',
        body: 'Met on Tuesday.',
        entityIds: [ada.id],
      }),
    );
    await closeWorkbench(A);

    const shared = await cli('share', '--workspace', A, '--server', url);
    expect(shared.err).toEqual([]);
    expect(shared.code).toBe(0);
    shareId = shared.out.at(-1)!;
    expect(shared.out.slice(0, -1)).toEqual(['Sent 2 records, received 0; 0 open conflicts.']);

    const joined = await cli('join', shareId, '--workspace', B, '--server', url);
    expect(joined.err).toEqual([]);
    expect(joined.out.at(-1)).toBe('Sent 0 records, received 2; 0 open conflicts.');
    expect(await records(B)).toEqual(await records(A));
  });

  it('refuses to join into a folder that is not empty, or with a wrong key', async () => {
    expect((await cli('join', shareId, '--workspace', A, '--server', url)).err[0]).toMatch(
      /not empty/,
    );
    vi.stubEnv('RW_SYNC_TOKEN', `${KEY}-wrong`);
    const refused = await cli('sync', '--workspace', B);
    vi.stubEnv('RW_SYNC_TOKEN', KEY);
    expect(refused.code).toBe(1);
  });

  it('keeps both values of a field edited on both sides, showing the same one on both', async () => {
    let wb = await reopen(A);
    unwrap(await wb.call('entities.update', { id: ada.id, patch: { name: 'Ada King' } }));
    unwrap(await wb.call('notes.create', { title: 'From A' }));
    await closeWorkbench(A);
    wb = await reopen(B);
    unwrap(await wb.call('entities.update', { id: ada.id, patch: { name: 'Augusta Ada' } }));
    unwrap(
      await wb.call('entities.update', { id: ada.id, patch: { description: 'Mathematician' } }),
    );
    await closeWorkbench(B);

    for (const dir of [A, B, A]) expect((await cli('sync', '--workspace', dir)).code).toBe(0);

    const a = await records(A);
    const b = await records(B);
    expect(b).toEqual(a);
    const merged = a.entities.find((e) => e.id === ada.id)!;
    // Different fields both land; the same field shows one value, the other is kept.
    expect(merged.description).toBe('Mathematician');
    expect(['Ada King', 'Augusta Ada']).toContain(merged.name);
    expect(a.notes.map((n) => n.title).sort()).toEqual(['From A', 'Interview']);
    for (const dir of [A, B]) {
      const listed = await cli('conflicts', '--workspace', dir);
      expect(listed.out[0]).toMatch(
        new RegExp(
          `^entities/${ada.id} name: “${merged.name}” by \\w+ \\(shown\\) \\| “(Ada King|Augusta Ada)” by \\w+$`,
        ),
      );
      expect(listed.out.at(-1)).toBe('1 open conflicts (as of the last sync).');
    }
  });

  it('refuses records from a peer that break the model, and applies the valid ones it sent', async () => {
    const adapter = new RelayClientAdapter(url, KEY);
    const repo = new Repo({ network: [adapter], peerId: 'hostile' as PeerId });
    const handle = await repo.find<WorkspaceDoc>(shareId as DocumentId);
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
    handle.change((d) => {
      d.notes['note-long'] = note('note-long', 'x'.repeat(501));
      d.notes['note-elsewhere'] = note('note-renamed', 'Filed under another id');
      d.notes['note-dangling'] = {
        ...note('note-dangling', 'Links a stranger'),
        entityIds: toAm(['nobody']),
      };
      d.notes['note-good'] = note('note-good', 'A good note');
    });
    // Until the relay holds the change.
    await vi.waitFor(
      () => {
        const sid = repo.getStorageIdOfPeer(repo.peers[0]!);
        expect([...((sid && handle.getSyncInfo(sid)?.lastHeads) || [])].sort()).toEqual(
          [...handle.heads()].sort(),
        );
      },
      { timeout: 10_000 },
    );
    adapter.disconnect();

    const synced = await cli('sync', '--workspace', B);
    expect(synced.code).toBe(0);
    expect(synced.err.sort()).toEqual([
      '! refused notes/note-dangling: it links entities "nobody", which do not exist here',
      '! refused notes/note-elsewhere: it is filed under another id ("note-elsewhere")',
      expect.stringMatching(/^! refused notes\/note-long: title: .*500/),
    ]);
    const titles = (await records(B)).notes.map((n) => n.title);
    expect(titles).toContain('A good note');
    expect(titles).not.toContain('Filed under another id');
    expect(titles).toHaveLength(3);
  });

  it('brings a note made in one open workspace into the other while both are open', async () => {
    const open = async (dir: string) => {
      const wb = await reopen(dir);
      const session = await SyncSession.open(wb.core, dir, { shareId, server: url, key: KEY });
      return { wb, session };
    };
    const a = await open(A);
    const b = await open(B);
    try {
      const made = unwrap(await a.wb.call('notes.create', { title: 'Live from A' }));
      await vi.waitFor(
        async () =>
          expect(unwrap(await b.wb.call('notes.list', {})).map((n) => n.id)).toContain(made.id),
        { timeout: 10_000, interval: 50 },
      );
    } finally {
      await a.session.close();
      await b.session.close();
      await closeWorkbench(A);
      await closeWorkbench(B);
    }
  });
});

describe('highlights through the relay', () => {
  it('brings a highlight made in one open workspace into the other store, and refuses a schema-breaking highlight from a peer while the rest syncs', async () => {
    const C = join(root.dir, 'c');
    const D = join(root.dir, 'd');
    const share = { shareId: newShareId(), server: url, key: KEY };
    const c = await openSample(C);
    const sc = await SyncSession.open(c.core, C, share);
    await sc.round();
    const d = await reopen(D);
    const sd = await SyncSession.open(d.core, D, share);
    try {
      // The document, its text from the relay's blobs, arrives with the first round.
      await sd.round();
      const [doc] = unwrap(await d.call('documents.list', {}));
      expect(doc?.title).toBe(unwrap(await c.call('documents.list', {}))[0]!.title);

      // A peer holding the key writes a highlight that breaks the schema.
      const adapter = new RelayClientAdapter(url, KEY);
      const repo = new Repo({ network: [adapter], peerId: 'hostile-highlights' as PeerId });
      const handle = await repo.find<WorkspaceDoc>(share.shareId as DocumentId);
      const text = unwrap(await c.call('documents.get', { id: doc!.id })).document.text;
      const made = unwrap(
        await c.call('annotations.create', {
          documentId: doc!.id,
          start: 0,
          end: text.indexOf(' ', 5),
          tags: ['opening'],
        }),
      );
      handle.change((w) => {
        w.highlights['h-hostile'] = toAmRecord({
          ...made,
          id: 'h-hostile',
          anchoredRevision: -3,
        });
      });
      await vi.waitFor(
        async () => {
          const there = unwrap(await d.call('documents.get', { id: doc!.id })).annotations;
          expect(there.map((h) => h.id)).toEqual([made.id]);
          expect(there[0]!.tags).toEqual(['opening']);
          expect(sd.replicator.quarantined.get('highlights/h-hostile')?.reason).toMatch(
            /^anchoredRevision: /,
          );
        },
        { timeout: 10_000, interval: 50 },
      );
      adapter.disconnect();
      const round = await sd.round();
      expect(round.quarantined).toContainEqual(
        expect.objectContaining({ kind: 'highlights', id: 'h-hostile' }),
      );
    } finally {
      await sc.close();
      await sd.close();
      await closeWorkbench(C);
      await closeWorkbench(D);
    }
  });
});

describe('a relay that lost its blobs', () => {
  it('is given them again by a member still running, so one who joins later gets every text and file, and by one connecting later', async () => {
    const E = join(root.dir, 'e');
    const F = join(root.dir, 'f');
    const share = { shareId: newShareId(), server: url, key: KEY };
    const e = await openSample(E);
    // A page with a figure: its original and its image are kept files, besides its text.
    unwrap(
      await e.call('documents.importBytes', {
        fileName: 'detention.html',
        data: new TextEncoder().encode(detentionPage()),
      }),
    );
    let se = await SyncSession.open(e.core, E, share);
    let sf: SyncSession | undefined;
    try {
      await se.round();
      // The relay's blob store is lost (a disk replaced, a backup from before), while the
      // session that put its blobs keeps running and remembers having put them.
      await rm(join(root.dir, 'relay', 'blobs'), { recursive: true, force: true });
      await se.round();

      const f = await reopen(F);
      sf = await SyncSession.open(f.core, F, share);
      const round = await sf.round();
      expect(round.quarantined).toEqual([]);
      const documents = unwrap(await e.call('documents.list', {}));
      expect(documents).toHaveLength(2);
      for (const { id } of documents) {
        const here = unwrap(await e.call('documents.get', { id })).document;
        const there = unwrap(await f.call('documents.get', { id })).document;
        expect(there.text).toBe(here.text);
        expect(there.blocks).toEqual(here.blocks);
        for (const { folder, sha256 } of keptFilesOf(here))
          expect(await readFile(join(F, folder, sha256))).toEqual(
            await readFile(join(E, folder, sha256)),
          );
      }

      // Lost again while no session runs: the next one asks as soon as it connects (its
      // documents are unchanged, so it reads none of them and put nothing this time).
      await se.close();
      await rm(join(root.dir, 'relay', 'blobs'), { recursive: true, force: true });
      se = await SyncSession.open(e.core, E, share);
      const names: string[] = [];
      for (const { id } of documents) {
        const here = unwrap(await e.call('documents.get', { id })).document;
        names.push(bodyBlob(here).sha256, ...keptFilesOf(here).map((k) => k.sha256));
      }
      const relayBlobs = new RelayBlobStore(url, KEY);
      await vi.waitFor(async () => expect(await relayBlobs.missing(names)).toEqual([]), {
        timeout: 5_000,
        interval: 50,
      });
    } finally {
      await se.close();
      await sf?.close();
      await closeWorkbench(E);
      await closeWorkbench(F);
    }
  });
});
