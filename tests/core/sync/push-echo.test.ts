// A local write is skipped when the team document already holds every record it would write
// (the echo of a remote apply, with more remote changes arrived since the agreement), and is
// still made at the agreement, concurrent with those changes, as soon as one record differs.
import * as A from '@automerge/automerge';
import { expect, it } from 'vitest';
import { noRecords, type Outgoing } from '../../../src/core/sync/local-records';
import { writeAt } from '../../../src/core/sync/push-base';
import {
  conflictAt,
  genesis,
  writeRecord,
  type WorkspaceDoc,
} from '../../../src/core/sync/workspace-doc';

const note = (title: string) => ({ id: 'note_1', title, createdAt: '2026-12-07T00:00:00.000Z' });
const never = (): boolean => false;

/** The note agreed on, then a teammate's rename of it and a second note, not agreed yet. */
function setting(): { doc: A.Doc<WorkspaceDoc>; agreed: A.Heads } {
  const first = A.change(A.load<WorkspaceDoc>(genesis()), (d) => {
    writeRecord(d.notes, 'note_1', note('Minutes'), undefined);
  });
  const agreed = A.getHeads(first);
  const theirs = A.change(A.clone(first), (d) => {
    writeRecord(d.notes, 'note_1', note('Hearing minutes'), note('Minutes'));
    writeRecord(d.notes, 'note_2', { ...note('Letter'), id: 'note_2' }, undefined);
  });
  return { doc: A.merge(first, theirs), agreed };
}

function out(records: [string, object | undefined][]): Outgoing {
  const all = noRecords();
  for (const [id, r] of records) all.notes.set(id, r as never);
  return { records: all, blobs: [], merges: new Map(), unread: new Set(), stamps: new Map() };
}

it('writes nothing when the document already holds the records, the agreement behind it', () => {
  const { doc, agreed } = setting();
  const echo = writeAt(doc, agreed, out([['note_1', note('Hearing minutes')]]), false, never);
  expect(echo).toEqual({ newDoc: doc, newHeads: null, written: 0 });
});

it('still writes at the agreement when a record differs: a clash is kept as a conflict', () => {
  const { doc, agreed } = setting();
  const mine = writeAt(doc, agreed, out([['note_1', note('Draft minutes')]]), false, never);
  expect(mine.written).toBe(1);
  const values = conflictAt(mine.newDoc, 'notes', 'note_1', 'title')?.values.map((v) => v.value);
  expect(values?.sort()).toEqual(['Draft minutes', 'Hearing minutes']);
});

it('still writes a removal of a record the document holds', () => {
  const { doc, agreed } = setting();
  const gone = writeAt(doc, agreed, out([['note_1', undefined]]), false, never);
  expect(gone.written).toBe(1);
  expect(gone.newHeads).not.toBeNull();
});
