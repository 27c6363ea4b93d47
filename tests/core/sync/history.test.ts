// A shared record's history, read from the team document: each change that wrote it, with
// its writer and time, and which fields it wrote; a creation and a removal said as such.
import * as A from '@automerge/automerge';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordHistory } from '../../../src/core/sync/record-history';
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

describe("a record's team history", () => {
  it('says who created, changed (which fields) and removed it, and when', async () => {
    const e = unwrap(await a.wb.call('entities.create', { name: 'Ada', type: 'person' }));
    await exchange(a, b);
    unwrap(
      await b.wb.call('entities.update', {
        id: e.id,
        patch: { name: 'Ada King', description: 'x' },
      }),
    );
    await exchange(a, b);
    unwrap(await a.wb.call('entities.delete', { id: e.id, confirmUsage: 0 }));
    await exchange(a, b);
    const actorA = A.getActorId(a.handle.doc());
    const actorB = A.getActorId(b.handle.doc());
    const history = recordHistory(b.handle.doc(), 'entities', e.id);
    expect(history.map(({ at: _at, ...rest }) => rest)).toEqual([
      { actor: actorA, action: 'created', fields: [] },
      { actor: actorB, action: 'changed', fields: ['description', 'name'] },
      { actor: actorA, action: 'removed', fields: [] },
    ]);
    for (const entry of history)
      expect(Math.abs(Date.parse(entry.at!) - Date.now())).toBeLessThan(10 * 60_000);
    // Another record's changes are not in it.
    expect(recordHistory(b.handle.doc(), 'entities', 'no-such-id')).toEqual([]);
  });
});
