// Choosing a value of an open conflict works for every kind that can conflict, not only
// entities and notes: a highlight's note and tags, a link's note, the codebook, a document's
// title. Each choice is one step Undo takes back, reaches the other replica, and closes the
// conflict on both; a value that breaks the record's rules is refused and nothing written.
// An undo of a change that a remote change has since touched is refused (issue 18, item 5).
// The session's conflict index, kept from the document's patches, lists what a full read does.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseValue } from '../../../src/core/sync/choose-value';
import { ConflictIndex } from '../../../src/core/sync/conflict-index';
import { valueText } from '../../../src/core/sync/live-sync';
import { conflictsOf, type FieldConflict } from '../../../src/core/sync/workspace-doc';
import { unwrap } from '../../integration/helpers';
import { exchange, type Replica, openPair, type Pair } from './replicas';

let pair: Pair;
let a: Replica;
let b: Replica;
let docId: string;

/** What a refused call said, as `CODE: message` (unwrap's words for an error envelope). */
const refusal = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'no refusal',
    (e: Error & { code?: string }) => (e.code ? `${e.code}: ${e.message}` : e.message),
  );

beforeEach(async () => {
  pair = await openPair({ sample: true });
  ({ a, b } = pair);
  docId = unwrap(await a.wb.call('documents.list', {}))[0]!.id;
  await exchange(a, b);
});
afterEach(() => pair.close());

const keyOf = (c: FieldConflict): string => `${c.kind}/${c.id}/${c.field}`;

/** The open conflict of `kind` on `r`, if one. */
const conflictOn = (r: Replica, kind: string, field: string): FieldConflict | undefined =>
  conflictsOf(r.handle.doc()).find((c) => c.kind === kind && c.field === field);

async function choose(r: Replica, c: FieldConflict, index: number): Promise<void> {
  const value = c.values[index]!.value;
  await chooseValue(
    r.wb.core,
    r.handle.doc(),
    { kind: c.kind, id: c.id, field: c.field, value },
    valueText(value),
  );
  await r.wb.settled();
}

describe('choosing a value, for every kind that can conflict', () => {
  it('settles a highlight’s note, a link’s note, the codebook and a document’s title, each one undoable step', async () => {
    const text = unwrap(await a.wb.call('documents.get', { id: docId })).document.text;
    const made = async (start: number) =>
      unwrap(
        await a.wb.call('annotations.create', {
          documentId: docId,
          start,
          end: text.indexOf(' ', start + 5),
        }),
      );
    const first = await made(0);
    const second = await made(40);
    const link = unwrap(
      await a.wb.call('links.create', { from: first.id, to: second.id, relation: 'corroborates' }),
    );
    // The codebook is one record: made here first, so that both sides then edit its codes.
    unwrap(await a.wb.call('codebook.createCode', { name: 'shared', colour: '#336699' }));
    await exchange(a, b);
    // The session's index of open conflicts, following A's document from here on.
    const index = new ConflictIndex();
    a.handle.on('change', ({ patches }) => index.follow(patches));
    const indexed = (): string[] => index.list(a.handle.doc()).map(keyOf).sort();
    const scanned = (): string[] => conflictsOf(a.handle.doc()).map(keyOf).sort();
    // Both sides edit the same fields before seeing each other's edit.
    for (const [r, side] of [
      [a, 'A'],
      [b, 'B'],
    ] as const) {
      unwrap(
        await r.wb.call('annotations.update', { id: first.id, patch: { note: `On ${side}` } }),
      );
      unwrap(await r.wb.call('links.update', { id: link.id, note: `Link on ${side}` }));
      unwrap(await r.wb.call('codebook.createCode', { name: `code-${side}`, colour: '#336699' }));
      unwrap(
        await r.wb.call('documents.updateMetadata', {
          id: docId,
          patch: { title: `Title on ${side}` },
        }),
      );
    }
    await exchange(a, b);
    const cases = [
      ['highlights', 'note'],
      ['links', 'note'],
      ['codebook', 'codes'],
      ['documents', 'title'],
    ] as const;
    expect(indexed()).toEqual(scanned());
    expect(indexed()).toHaveLength(4);
    for (const [kind, field] of cases) {
      const open = conflictOn(a, kind, field);
      expect(open, `${kind}.${field} in conflict`).toBeDefined();
      const other = open!.values[1]!.value;
      await choose(a, open!, 1);
      await a.replicator.sent();
      expect(conflictOn(a, kind, field), `${kind}.${field} settled`).toBeUndefined();
      expect(indexed()).toEqual(scanned());
      const info = unwrap(await a.wb.call('history.info', {}));
      expect(info.undoLabel).toMatch(/^Choose “.*” for .*’s /);
      await exchange(a, b);
      expect(conflictOn(b, kind, field)).toBeUndefined();
      expect(await fieldOf(b, kind, field)).toEqual(other);
    }
    // The last choice (the title) undone: back to the value shown before, on both sides.
    const shown = await fieldOf(b, 'documents', 'title');
    unwrap(await a.wb.call('history.undo', {}));
    await exchange(a, b);
    expect(await fieldOf(b, 'documents', 'title')).not.toBe(shown);
    expect(await fieldOf(b, 'documents', 'title')).toBe(await fieldOf(a, 'documents', 'title'));
  });

  it('refuses a value that breaks the record’s rules, and writes nothing', async () => {
    const text = unwrap(await a.wb.call('documents.get', { id: docId })).document.text;
    const h = unwrap(
      await a.wb.call('annotations.create', {
        documentId: docId,
        start: 0,
        end: text.indexOf(' ', 5),
      }),
    );
    await exchange(a, b);
    const undo = unwrap(await a.wb.call('history.info', {})).undoLabel;
    const broken = chooseValue(
      a.wb.core,
      a.handle.doc(),
      { kind: 'highlights', id: h.id, field: 'kind', value: 'not a kind' },
      'not a kind',
    );
    expect(await refusal(broken)).toMatch(
      /^INVALID_INPUT: That value cannot be used for a highlight in “.*”: kind/,
    );
    expect(unwrap(await a.wb.call('history.info', {})).undoLabel).toBe(undo);
    const after = unwrap(await a.wb.call('documents.get', { id: docId })).annotations;
    expect(after.find((x) => x.id === h.id)?.kind).toBe(h.kind);
  });
});

describe('an undo after a remote change', () => {
  it('is refused when a remote change has since touched what it changed, and loses nothing', async () => {
    const e = unwrap(await a.wb.call('entities.create', { name: 'Ada', type: 'person' }));
    await exchange(a, b);
    unwrap(await a.wb.call('entities.update', { id: e.id, patch: { description: 'from A' } }));
    await exchange(a, b);
    unwrap(await b.wb.call('entities.update', { id: e.id, patch: { description: 'from B' } }));
    await exchange(a, b);
    const refused = await refusal(a.wb.call('history.undo', {}).then(unwrap));
    expect(refused).toMatch(
      /^CONFLICT: .* cannot be undone: the records it changed have changed since/,
    );
    const here = unwrap(await a.wb.call('entities.list', {})).find((x) => x.id === e.id);
    expect(here?.description).toBe('from B');
  });
});

async function fieldOf(r: Replica, kind: string, field: string): Promise<unknown> {
  switch (kind) {
    case 'highlights':
      return unwrap(await r.wb.call('documents.get', { id: docId })).annotations.find((h) =>
        h.note.startsWith('On '),
      )?.[field as 'note'];
    case 'links':
      return unwrap(await r.wb.call('links.list', {}))[0]?.[field as 'note'];
    case 'codebook':
      return unwrap(await r.wb.call('codebook.get', {}))[field as 'codes'];
    default:
      return unwrap(await r.wb.call('documents.get', { id: docId })).document[field as 'title'];
  }
}
