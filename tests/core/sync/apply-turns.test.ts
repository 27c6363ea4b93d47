// A remote apply and what runs beside it. An apply moves the agreed heads when its command
// reads the team document, but the store holds the records only once the command commits.
// Three interleavings found by reading replicator.ts, each played here step by step:
// a full read of the store (after a feed reset) between those two moments, a second pull
// that starts while the first one's command is still to fail, and a local edit of the same
// field committed after the apply took its turn but before its command ran (its write,
// queued behind the apply, must still be concurrent with the remote edit: a listed conflict).
import * as A from '@automerge/automerge';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { conflictAt } from '../../../src/core/sync/workspace-doc';
import { unwrap } from '../../integration/helpers';
import { exchange, type Replica, openPair, type Pair } from './replicas';

let pair: Pair;
let a: Replica;
let b: Replica;

beforeEach(async () => {
  pair = await openPair();
  ({ a, b } = pair);
  await exchange(a, b);
});
afterEach(() => pair.close());

const noteIds = async (r: Replica): Promise<string[]> =>
  unwrap(await r.wb.call('notes.list', {})).map((n) => n.id);

/** A note made in a and its change merged into b's document, not yet applied there. */
async function noteFromA(title: string): Promise<string> {
  const note = unwrap(await a.wb.call('notes.create', { title }));
  await a.replicator.sent();
  b.handle.update((d) => A.merge(d, a.handle.doc()));
  return note.id;
}

it('a full read during a remote apply does not take the incoming note for removed', async () => {
  const ctx = b.wb.core;
  const run = ctx.commandOverCatalog.bind(ctx);
  const spy = vi.spyOn(ctx, 'commandOverCatalog').mockImplementation((label, fn) =>
    run(label, (tx) => {
      const value = fn(tx);
      // The workspace was read again behind the workbench's back (the freshness check's
      // reset) just as the apply has read the document, before its command commits.
      ctx.feed.reset();
      return value;
    }),
  );
  const id = await noteFromA('Arriving while b reads everything again');
  await b.replicator.pull();
  spy.mockRestore();
  // Meanwhile a renames it: b must not have removed and written the note anew (its old
  // copy, with the rename in it, would be dropped).
  unwrap(await a.wb.call('notes.update', { id, patch: { title: 'Renamed in a' } }));
  await exchange(a, b);
  for (const r of [a, b]) {
    const notes = unwrap(await r.wb.call('notes.list', {}));
    expect(notes.find((n) => n.id === id)?.title).toBe('Renamed in a');
  }
});

it('a failed apply does not leave its heads to an overlapping pull', async () => {
  const ctx = b.wb.core;
  const run = ctx.commandOverCatalog.bind(ctx);
  let calls = 0;
  let second: Promise<void> | undefined;
  let reached = (): void => undefined;
  const atSecond = new Promise<void>((resolve) => (reached = resolve));
  const spy = vi.spyOn(ctx, 'commandOverCatalog').mockImplementation(async (label, fn) => {
    if (++calls > 1) {
      reached();
      // The second command fails too (the disk is still full).
      return run(label, (tx) => {
        fn(tx);
        throw new Error('second: disk full');
      });
    }
    // The first apply reads the document (its heads become the agreement) ...
    await run(label, (tx) => {
      fn(tx);
      throw new Error('read only');
    }).catch(() => undefined);
    // ... a second change arrives and its pull gets as far as it can ...
    await noteFromA('Second');
    second = b.replicator.pull();
    await Promise.race([atSecond, new Promise((resolve) => setImmediate(resolve))]);
    // ... and the first command fails.
    throw new Error('first: disk full');
  });
  const first = await noteFromA('First');
  await expect(b.replicator.pull()).rejects.toThrow('first: disk full');
  await expect(second).rejects.toThrow('second: disk full');
  spy.mockRestore();
  // Neither note is in b's store: the agreement must not say it holds the first.
  expect(await noteIds(b)).not.toContain(first);
  await b.replicator.pull();
  await b.replicator.idle();
  expect(await noteIds(b)).toContain(first);
});

it('a local edit whose write waits behind a remote apply of the same field is a conflict', async () => {
  const note = unwrap(await a.wb.call('notes.create', { title: 'Interview' }));
  await exchange(a, b);

  unwrap(await a.wb.call('notes.update', { id: note.id, patch: { title: 'Title from A' } }));
  await a.replicator.sent();

  // b's apply of a's rename has taken its turn; before its command runs, b's own rename of
  // the same note commits (the store runs one command at a time, b's came first).
  const ctx = b.wb.core;
  const run = ctx.commandOverCatalog.bind(ctx);
  let edited = false;
  const spy = vi.spyOn(ctx, 'commandOverCatalog').mockImplementation(async (label, fn) => {
    if (label === null && !edited) {
      edited = true;
      unwrap(await b.wb.call('notes.update', { id: note.id, patch: { title: 'Title from B' } }));
    }
    return run(label, fn);
  });
  b.handle.update((d) => A.merge(d, a.handle.doc()));
  await b.replicator.pull();
  await b.replicator.idle();
  spy.mockRestore();
  expect(edited).toBe(true);
  await exchange(a, b);

  for (const r of [a, b]) {
    const clash = conflictAt(r.handle.doc(), 'notes', note.id, 'title');
    expect(clash?.values.map((v) => v.value).sort()).toEqual(['Title from A', 'Title from B']);
  }
  const titles = await Promise.all(
    [a, b].map(async (r) => unwrap(await r.wb.call('notes.list', {}))[0]!.title),
  );
  const shown = conflictAt(a.handle.doc(), 'notes', note.id, 'title')!.values[0]!.value;
  expect(titles).toEqual([shown, shown]);
});
