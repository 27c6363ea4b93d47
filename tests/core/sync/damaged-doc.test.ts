// A member holding the key writes a kind's map again (`d.entities = {}`): merged as it is,
// every entity would read as removed and each replica would delete them from its store.
// The replicator refuses to apply such a document, says why, and the store keeps them.
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
});
afterEach(() => pair.close());

it('keeps every entity when a member replaces the entities map, and says why', async () => {
  unwrap(await a.wb.call('entities.create', { name: 'Ada Lovelace', type: 'person' }));
  unwrap(await a.wb.call('entities.create', { name: 'Evin', type: 'place' }));
  await exchange(a, b);
  expect(unwrap(await b.wb.call('entities.list', {}))).toHaveLength(2);

  // The hostile member's change, as the relay would hand it over.
  const hostile = A.change(A.clone(a.handle.doc(), 'ab'.repeat(16)), (d) => {
    d.entities = {};
  });
  b.handle.update((d) => A.merge(d, hostile));
  await expect(b.replicator.pull()).rejects.toThrow(
    /^A member's change was not applied: it replaces the workspace's "entities" map/,
  );
  expect(
    unwrap(await b.wb.call('entities.list', {}))
      .map((e) => e.name)
      .sort(),
  ).toEqual(['Ada Lovelace', 'Evin']);
});
