// A teammate's change is applied while local edits keep coming. An apply may not read the
// store over local commits whose records are not in the team document yet; it used to give
// way until they were written, and with edits made back to back one always was still to be
// written, so the teammate's change waited for the last of them (pending-writes.ts).
import * as A from '@automerge/automerge';
import { afterEach, beforeEach, expect, it } from 'vitest';
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

it('applies a teammate change between local edits made back to back', async () => {
  const note = unwrap(await a.wb.call('notes.create', { title: 'From a' }));
  await a.replicator.sent();
  b.handle.update((d) => A.merge(d, a.handle.doc()));
  let seenAfter = -1;
  for (let i = 0; i < 30; i++) {
    unwrap(await b.wb.call('notes.create', { title: `Local ${i}` }));
    if (seenAfter < 0 && b.wb.core.store.workspace.notes.some((n) => n.id === note.id))
      seenAfter = i;
  }
  expect(seenAfter).toBeGreaterThanOrEqual(0);
  expect(seenAfter).toBeLessThan(5);
});
