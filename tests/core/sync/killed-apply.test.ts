// A replica killed while it applied a remote change (the sync property test's lost note,
// seed -670344523:2). The agreed heads are saved on a timer, at any moment; if a save
// falls between the moment the apply has read the document and the moment its command
// commits, and the process dies there, the saved agreement says the store holds a remote
// note it never got. Started again, the replica compares the store with the document at
// those heads, takes the missing note for one removed here, and removes it for everyone.
import * as A from '@automerge/automerge';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { Replicator } from '../../../src/core/sync/replicator';
import { unwrap } from '../../integration/helpers';
import { exchange, type Replica, type Team, openPair, type Pair } from './replicas';

let pair: Pair;
let t: Team;
let a: Replica;
let b: Replica;

beforeEach(async () => {
  pair = await openPair({ sample: true });
  ({ t, a, b } = pair);
  await exchange(a, b);
});
afterEach(() => pair.close());

it('saves no agreement on a remote change its store has not committed', async () => {
  const note = unwrap(await a.wb.call('notes.create', { title: 'Made by a, removed by no one' }));
  await a.replicator.sent();
  b.handle.update((d) => A.merge(d, a.handle.doc()));
  // What the session would save if its timer fired inside b's apply, before the commit; then
  // the process dies (the command never commits).
  let saved: A.Heads | undefined;
  const ctx = b.wb.core;
  const run = ctx.commandOverCatalog.bind(ctx);
  const spy = vi.spyOn(ctx, 'commandOverCatalog').mockImplementation((label, fn) =>
    run(label, (tx) => {
      fn(tx);
      saved = b.replicator.agreed;
      throw new Error('killed before the commit');
    }),
  );
  await expect(b.replicator.pull()).rejects.toThrow('killed');
  spy.mockRestore();
  expect(saved).toBeDefined();
  expect(unwrap(await b.wb.call('notes.list', {})).map((n) => n.id)).not.toContain(note.id);

  // Started again from what was saved.
  b.replicator.stop();
  await b.wb.settled();
  b.replicator = new Replicator(b.wb.core, b.handle, saved!, [], undefined, t.blobs);
  await b.replicator.start();
  await exchange(a, b);
  for (const r of [a, b])
    expect(unwrap(await r.wb.call('notes.list', {})).map((n) => n.id)).toContain(note.id);
});
