// The sync property (issue 18): 3 to 5 replicas of one shared workspace, each a real
// workspace folder with the real sync session, take random commands (create, edit and
// delete of highlights, entities and notes, entity merges, undos) while random partitions
// split them between two shared folders, restarts close and reopen them, and a real child
// process syncing one of them is killed with SIGKILL at a random moment. Once all have
// synced through one folder, every replica holds the same records and lists the same
// conflicts, no record is lost that no member removed, and no value shown was made up.
// RW_SYNC_PROPERTY_RUNS=200 runs it long (CI runs a few). Then two processes write one
// folder at the same time, and neither loses the other's notes.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newReplicaId } from '../../../src/core/sync/folder-link';
import { newShareId, SyncSession } from '../../../src/core/sync/sync-session';
import { sameHeads } from '../../../src/core/sync/workspace-doc';
import * as A from '@automerge/automerge';
import type { Workbench } from '../../../src/core/workbench';
import { closeWorkbench, openSample, reopen, tempDir, unwrap } from '../../integration/helpers';

const RUNS = Number(process.env.RW_SYNC_PROPERTY_RUNS ?? 2);
/**
 * CI runs one fixed seed, so that a run fails for a change, not for the draw; a long run
 * (RW_SYNC_PROPERTY_RUNS) draws afresh, and RW_SYNC_PROPERTY_REPLAY="seed:path" replays
 * what a failing run printed. A long run found a note lost with "-670344523:2": an
 * agreement saved mid-apply by a replica then killed (killed-apply.test.ts), and, behind
 * it, conflicts listed in arrival order (conflict-order.test.ts); both fixed. Another found
 * replicas that never agreed with "-604838485:0" (in 6 of 7 runs: the kill's timing varies):
 * one replica's JavaScript view of the team document showed two notes as empty maps, the
 * document itself held them whole, so it refused them and never held them. Records are now
 * read from Automerge's core (core-read.ts). And "30805636:12" (every run): a session closed
 * while an apply it had started still ran saved the agreement from before that apply; the
 * records it brought were then never compared again, and a note a teammate removed later
 * stayed on that replica. Closing now waits for the apply. CI replays both draws.
 */
const REPLAY = process.env.RW_SYNC_PROPERTY_REPLAY?.split(':');
const DRAW = REPLAY
  ? { seed: Number(REPLAY[0]), path: REPLAY[1] ?? '0' }
  : process.env.RW_SYNC_PROPERTY_RUNS
    ? {}
    : { seed: 20261207 };
/** Acknowledged commands by kind over all runs, printed after a long run. */
const tally = new Map<string, number>();
let childDir: string;

beforeAll(async () => {
  await mkdir(join(import.meta.dirname, '../../../out'), { recursive: true });
  childDir = await mkdtemp(join(import.meta.dirname, '../../../out/sync-child-'));
  await build({
    logLevel: 'error',
    configFile: false,
    build: {
      ssr: join(import.meta.dirname, '../../crash/sync-child.ts'),
      outDir: childDir,
      target: 'node20',
      rollupOptions: { output: { format: 'es', entryFileNames: 'sync-child.mjs' } },
    },
  });
}, 60_000);
afterAll(() => rm(childDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 }));

interface Member {
  dir: string;
  replica: string;
  group: number;
  wb: Workbench;
  session: SyncSession;
}

type Action =
  | { t: 'entity'; r: number; name: string }
  | { t: 'rename'; r: number; pick: number; name: string }
  | { t: 'deleteEntity'; r: number; pick: number }
  | { t: 'merge'; r: number; pick: number; other: number }
  | { t: 'note'; r: number; title: string; link: number }
  | { t: 'editNote'; r: number; pick: number; title: string }
  | { t: 'deleteNote'; r: number; pick: number }
  | { t: 'highlight'; r: number; at: number; link: number }
  | { t: 'editHighlight'; r: number; pick: number; note: string }
  | { t: 'deleteHighlight'; r: number; pick: number }
  | { t: 'undo'; r: number }
  | { t: 'sync'; r: number }
  | { t: 'partition'; groups: number }
  | { t: 'restart'; r: number }
  | { t: 'kill'; r: number; delay: number };

const r = fc.nat(4);
const pick = fc.nat(50);
const word = fc.constantFrom('Ada', 'Evin', 'Tabriz', 'Mina', 'Reza', 'Leyla', 'Karaj');
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('entity'), r, name: word }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('rename'), r, pick, name: word }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('deleteEntity'), r, pick }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('merge'), r, pick, other: pick }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('note'), r, title: word, link: pick }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('editNote'), r, pick, title: word }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('deleteNote'), r, pick }) },
  {
    weight: 3,
    arbitrary: fc.record({ t: fc.constant('highlight'), r, at: fc.nat(2000), link: pick }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('editHighlight'), r, pick, note: word }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('deleteHighlight'), r, pick }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('undo'), r }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('sync'), r }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('partition'), groups: fc.nat(31) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('restart'), r }) },
);
const kill = fc.record({ t: fc.constant('kill' as const), r, delay: fc.nat(400) });
/** Every run kills one replica's sync at least once; long runs may kill more. */
const scenario = fc.record({
  replicas: fc.integer({ min: 3, max: 5 }),
  actions: fc.array(action, { minLength: 5, maxLength: 30 }),
  kills: fc.array(fc.tuple(fc.nat(30), kill), { minLength: 1, maxLength: 2 }),
});

/** Runs the child until it acknowledges its note, then kills it `delay` ms later. */
function syncAndKill(args: string[], delay: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(childDir, 'sync-child.mjs'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: join(import.meta.dirname, '../../..'),
    });
    const created: string[] = [];
    let stderr = '';
    let buffer = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const ack = JSON.parse(line) as { created?: string };
        if (ack.created) {
          created.push(ack.created);
          setTimeout(() => child.kill('SIGKILL'), delay);
        }
      }
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL'
        ? resolve(created)
        : reject(new Error(`the sync child exited by itself (${code}): ${stderr}`)),
    );
  });
}

async function runScenario(s: { replicas: number; actions: Action[]; kills: [number, Action][] }) {
  const root = await tempDir();
  const folders = [join(root.dir, 'shared-1'), join(root.dir, 'shared-2')];
  for (const f of folders) await mkdir(f);
  const shareId = newShareId();
  const members: Member[] = [];
  /** Every record an acknowledged command made, and every one a member's own command removed. */
  const made = new Set<string>();
  const removed = new Set<string>();
  const named = new Set<string>(['Made before the kill', '']);
  let docId = '';

  const link = (m: Member) =>
    SyncSession.open(m.wb.core, m.dir, {
      shareId,
      folder: folders[m.group]!,
      replica: m.replica,
      poll: false,
    });
  const open = async (m: Member): Promise<void> => {
    m.wb = await reopen(m.dir);
    m.session = await link(m);
  };
  const close = async (m: Member): Promise<void> => {
    await m.session.close();
    await closeWorkbench(m.dir);
  };
  const ids = async (m: Member): Promise<Set<string>> => {
    const entities = unwrap(await m.wb.call('entities.list', {})).map((e) => `e/${e.id}`);
    const notes = unwrap(await m.wb.call('notes.list', {})).map((n) => `n/${n.id}`);
    const doc = unwrap(await m.wb.call('documents.get', { id: docId }));
    return new Set([...entities, ...notes, ...doc.annotations.map((a) => `h/${a.id}`)]);
  };

  try {
    for (let i = 0; i < s.replicas; i++) {
      const dir = join(root.dir, `r${i}`);
      const wb = i === 0 ? await openSample(dir) : await reopen(dir);
      const m = { dir, replica: newReplicaId(), group: 0, wb } as Member;
      m.session = await link(m);
      members.push(m);
      if (i === 0) {
        docId = unwrap(await wb.call('documents.list', {}))[0]!.id;
        // Records to edit, merge and delete from the first command on.
        for (const name of ['Ada', 'Evin', 'Tabriz']) {
          made.add(`e/${unwrap(await wb.call('entities.create', { name, type: 'person' })).id}`);
          named.add(name);
        }
        made.add(`n/${unwrap(await wb.call('notes.create', { title: 'Mina' })).id}`);
        named.add('Mina');
      }
      await m.session.round();
    }
    await syncAll(members);
    const text = unwrap(await members[0]!.wb.call('documents.get', { id: docId })).document.text;

    const actions = [...s.actions];
    for (const [at, k] of s.kills) actions.splice(Math.min(at, actions.length), 0, k);
    for (const a of actions) {
      if (a.t === 'partition') {
        for (const [i, m] of members.entries()) {
          const group = (a.groups >> i) & 1;
          if (group === m.group) continue;
          await m.session.close();
          m.group = group;
          m.session = await link(m);
        }
        continue;
      }
      const m = members[a.r % members.length]!;
      if (a.t === 'sync') await m.session.round();
      else if (a.t === 'restart') {
        await close(m);
        await open(m);
      } else if (a.t === 'kill') {
        tally.set('kill', (tally.get('kill') ?? 0) + 1);
        await close(m);
        const args = [m.dir, folders[m.group]!, shareId, m.replica, String(a.delay)];
        for (const id of await syncAndKill(args, a.delay)) made.add(`n/${id}`);
        await open(m);
      } else {
        const before = await ids(m);
        const done = await command(m, a, text, named);
        if (done.made) made.add(done.made);
        if (done.ok) tally.set(a.t, (tally.get(a.t) ?? 0) + 1);
        const after = await ids(m);
        for (const key of before) if (!after.has(key)) removed.add(key);
      }
    }

    for (const m of members)
      if (m.group !== 0) {
        await m.session.close();
        m.group = 0;
        m.session = await link(m);
      }
    await syncAll(members);

    const states = await Promise.all(members.map((m) => state(m, docId)));
    for (const st of states.slice(1)) expect(st).toEqual(states[0]);
    const conflicts = members.map((m) => m.session.conflicts());
    for (const c of conflicts.slice(1)) expect(c).toEqual(conflicts[0]);
    for (const m of members) expect([...m.session.replicator.quarantined.values()]).toEqual([]);
    const final = await ids(members[0]!);
    for (const key of made) if (!removed.has(key)) expect(final, `${key} was lost`).toContain(key);
    for (const e of states[0]!.entities) expect(named, `entity name ${e.name}`).toContain(e.name);
    for (const n of states[0]!.notes)
      expect(named, `note title ${n.title}`).toContain(n.title.replace(/ \d+$/, ''));
  } finally {
    for (const m of members) await close(m).catch(() => undefined);
    await root.cleanup();
  }
}

/** Rounds through the one folder until every replica holds the same changes, twice over. */
async function syncAll(members: readonly { session: SyncSession }[]): Promise<void> {
  for (let pass = 0; pass < 8; pass++) {
    for (const m of members) await m.session.round();
    const heads = members.map((m) => A.getHeads(m.session.handle.doc()));
    if (heads.every((h) => sameHeads(h, heads[0]!))) {
      for (const m of members) await m.session.round();
      return;
    }
  }
  throw new Error('the replicas did not agree after 8 passes');
}

const nth = <T>(list: readonly T[], n: number): T | undefined =>
  list.length ? list[n % list.length] : undefined;

/** One member's command: whether it was acknowledged, and the key of the record it made. */
async function command(
  m: Member,
  a: Action,
  text: string,
  named: Set<string>,
): Promise<{ ok: boolean; made?: string }> {
  const wb = m.wb;
  const entities = unwrap(await wb.call('entities.list', {}));
  const notes = unwrap(await wb.call('notes.list', {}));
  const docId = unwrap(await wb.call('documents.list', {}))[0]!.id;
  const highlights = unwrap(await wb.call('documents.get', { id: docId })).annotations;
  switch (a.t) {
    case 'entity': {
      named.add(a.name);
      const made = await wb.call('entities.create', { name: a.name, type: 'person' });
      return made.ok ? { ok: true, made: `e/${made.value.id}` } : { ok: false };
    }
    case 'rename': {
      const e = nth(entities, a.pick);
      named.add(a.name);
      return {
        ok: e
          ? (await wb.call('entities.update', { id: e.id, patch: { name: a.name } })).ok
          : false,
      };
    }
    case 'deleteEntity': {
      const e = nth(entities, a.pick);
      return {
        ok: e ? (await wb.call('entities.delete', { id: e.id, confirmUsage: e.usage })).ok : false,
      };
    }
    case 'merge': {
      const target = nth(entities, a.pick);
      // Another entity than the target, whenever there are two.
      const source = nth(entities, a.pick + 1 + (a.other % Math.max(1, entities.length - 1)));
      if (!target || !source || target.id === source.id) return { ok: false };
      const merged = await wb.call('entities.merge', {
        targetId: target.id,
        sourceIds: [source.id],
        choose: { type: target.type },
      });
      return { ok: merged.ok };
    }
    case 'note': {
      named.add(a.title);
      const e = nth(entities, a.link);
      const made = await wb.call('notes.create', {
        title: a.title,
        entityIds: e ? [e.id] : [],
      });
      return made.ok ? { ok: true, made: `n/${made.value.id}` } : { ok: false };
    }
    case 'editNote': {
      const n = nth(notes, a.pick);
      named.add(a.title);
      return {
        ok: n ? (await wb.call('notes.update', { id: n.id, patch: { title: a.title } })).ok : false,
      };
    }
    case 'deleteNote': {
      const n = nth(notes, a.pick);
      return { ok: n ? (await wb.call('notes.delete', { id: n.id })).ok : false };
    }
    case 'highlight': {
      const start = a.at % Math.max(1, text.length - 40);
      const e = nth(entities, a.link);
      const made = await wb.call('annotations.create', {
        documentId: docId,
        start,
        end: start + 12,
        entityIds: e && a.link % 2 ? [e.id] : [],
      });
      return made.ok ? { ok: true, made: `h/${made.value.id}` } : { ok: false };
    }
    case 'editHighlight': {
      const h = nth(highlights, a.pick);
      return {
        ok: h
          ? (await wb.call('annotations.update', { id: h.id, patch: { note: a.note } })).ok
          : false,
      };
    }
    case 'deleteHighlight': {
      const h = nth(highlights, a.pick);
      return { ok: h ? (await wb.call('annotations.delete', { id: h.id })).ok : false };
    }
    case 'undo':
      return { ok: (await wb.call('history.undo', {})).ok };
    default:
      return { ok: false };
  }
}

async function state(m: Member, docId: string) {
  const wb = m.wb;
  const view = unwrap(await wb.call('documents.get', { id: docId }));
  const byId = (x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id);
  return {
    document: view.document,
    highlights: [...view.annotations].sort(byId),
    entities: unwrap(await wb.call('entities.list', {}))
      .map(({ usage: _u, ...e }) => e)
      .sort(byId),
    notes: unwrap(await wb.call('notes.list', {})).sort(byId),
    codebook: unwrap(await wb.call('codebook.get', {})),
    links: unwrap(await wb.call('links.list', {})),
  };
}

it(`${RUNS} random team histories with partitions, restarts and kill -9 converge with nothing lost`, async () => {
  await fc.assert(fc.asyncProperty(scenario, runScenario), {
    numRuns: RUNS,
    endOnFailure: true,
    ...DRAW,
  });
  if (process.env.RW_SYNC_PROPERTY_RUNS) console.log('acknowledged:', Object.fromEntries(tally));
}, 600_000);

/** Draws that found a fault, replayed by CI (each failed in most runs before its fix). */
const FOUND: [string, number, string][] = [
  ['a replica refusing notes its view of the document showed empty', -604838485, '0'],
  ['an agreement saved while an apply ran, then a note removed by a teammate', 30805636, '12'],
];
it.skipIf(REPLAY || process.env.RW_SYNC_PROPERTY_RUNS).each(FOUND)(
  'the draw that found %s converges',
  async (_what, seed, path) => {
    await fc.assert(fc.asyncProperty(scenario, runScenario), {
      numRuns: 1,
      endOnFailure: true,
      seed,
      path,
    });
  },
  600_000,
);

it('two processes writing one folder at the same time lose nothing of each other', async () => {
  const root = await tempDir();
  const folder = join(root.dir, 'shared');
  await mkdir(folder);
  const shareId = newShareId();
  const [x, y] = [join(root.dir, 'x'), join(root.dir, 'y')];
  const place = (replica: string) => ({ shareId, folder, replica, poll: false });
  const rx = newReplicaId();
  const ry = newReplicaId();
  try {
    const wx = await openSample(x);
    const sx = await SyncSession.open(wx.core, x, place(rx));
    await sx.round();
    await sx.close();
    await closeWorkbench(x);
    const wy = await reopen(y);
    const sy = await SyncSession.open(wy.core, y, place(ry));
    await sy.round();

    // X syncs round after round in a child process while Y writes and syncs here.
    const child = syncAndKill([x, folder, shareId, rx, 'concurrent'], 1500);
    const mine: string[] = [];
    for (let i = 0; i < 12; i++) {
      mine.push(unwrap(await wy.call('notes.create', { title: `From Y ${i}` })).id);
      await sy.round();
    }
    const theirs = await child;

    const wx2 = await reopen(x);
    const sx2 = await SyncSession.open(wx2.core, x, place(rx));
    const members = [
      { session: sx2, wb: wx2 },
      { session: sy, wb: wy },
    ];
    await syncAll(members);
    for (const m of members) {
      const ids = unwrap(await m.wb.call('notes.list', {})).map((n) => n.id);
      expect(ids).toEqual(expect.arrayContaining([...mine, ...theirs]));
    }
    await sx2.close();
    await sy.close();
  } finally {
    await closeWorkbench(x);
    await closeWorkbench(y);
    await root.cleanup();
  }
}, 60_000);
