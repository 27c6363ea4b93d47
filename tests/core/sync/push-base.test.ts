// A write made when sync starts compares every record of the store with the team document
// as it was at the last agreement, read record by record where it changed since (not from a
// view of the whole document): what a teammate added, changed or removed after the agreement
// must not read as something done here while sync was off.
import * as A from '@automerge/automerge';
import { expect, it } from 'vitest';
import { noRecords, type Outgoing } from '../../../src/core/sync/local-records';
import { baseAt, writeAt } from '../../../src/core/sync/push-base';
import {
  conflictAt,
  genesis,
  toPlain,
  writeRecord,
  type WorkspaceDoc,
} from '../../../src/core/sync/workspace-doc';

const note = (id: string, title: string) => ({ id, title, createdAt: '2026-12-07T00:00:00.000Z' });
const never = (): boolean => false;

/**
 * Agreed: two notes. Since then a teammate renamed the first, removed the second and added
 * a third; none of it applied here yet, so the store still holds the two notes as agreed.
 */
function setting(): { doc: A.Doc<WorkspaceDoc>; agreed: A.Heads } {
  const first = A.change(A.load<WorkspaceDoc>(genesis()), (d) => {
    writeRecord(d.notes, 'note_1', note('note_1', 'Minutes'), undefined);
    writeRecord(d.notes, 'note_2', note('note_2', 'Letter'), undefined);
  });
  const agreed = A.getHeads(first);
  const theirs = A.change(A.clone(first), (d) => {
    writeRecord(d.notes, 'note_1', note('note_1', 'Hearing minutes'), note('note_1', 'Minutes'));
    writeRecord(d.notes, 'note_2', undefined, note('note_2', 'Letter'));
    writeRecord(d.notes, 'note_3', note('note_3', 'Witness list'), undefined);
  });
  return { doc: A.merge(first, theirs), agreed };
}

/** Every record of a store that holds the notes as agreed. */
function asAgreed(): Outgoing {
  const records = noRecords();
  records.notes.set('note_1', note('note_1', 'Minutes') as never);
  records.notes.set('note_2', note('note_2', 'Letter') as never);
  return { records, blobs: [], merges: new Map(), unread: new Set(), stamps: new Map() };
}

it('reads the records as they were agreed, and which ones were there', () => {
  const { doc, agreed } = setting();
  const base = baseAt(doc, agreed);
  expect(base.ids('notes').sort()).toEqual(['note_1', 'note_2']);
  expect(toPlain(base.record('notes', 'note_1'))).toEqual(note('note_1', 'Minutes'));
  expect(toPlain(base.record('notes', 'note_2'))).toEqual(note('note_2', 'Letter'));
  expect(base.record('notes', 'note_3')).toBeUndefined();
});

it('leaves a teammate’s rename, removal and new record alone when nothing changed here', () => {
  const { doc, agreed } = setting();
  const sent = writeAt(doc, agreed, asAgreed(), true, never);
  expect(sent.written).toBe(0);
  const after = A.merge(A.clone(doc), sent.newDoc);
  expect(toPlain(after.notes.note_1?.title)).toBe('Hearing minutes');
  expect(conflictAt(after, 'notes', 'note_1', 'title')).toBeUndefined();
  expect(after.notes.note_2).toBeUndefined();
  expect(toPlain(after.notes.note_3?.title)).toBe('Witness list');
});

it('still writes what did change here, at the agreement; a removal made on both sides is not', () => {
  const { doc, agreed } = setting();
  const out = asAgreed();
  out.records.notes.set('note_1', note('note_1', 'Draft minutes') as never);
  out.records.notes.delete('note_2');
  const sent = writeAt(doc, agreed, out, true, never);
  expect(sent.written).toBe(1);
  const values = conflictAt(sent.newDoc, 'notes', 'note_1', 'title')?.values.map((v) => v.value);
  expect(values?.sort()).toEqual(['Draft minutes', 'Hearing minutes']);
  expect(sent.newDoc.notes.note_2).toBeUndefined();
  expect(toPlain(sent.newDoc.notes.note_3?.title)).toBe('Witness list');
});

it('does not write again what the store holds as the document shows it, behind a saved agreement', () => {
  // A teammate's rename was applied here, but the agreement saved before it (a session
  // closed mid-apply); then, while this replica was closed, they renamed it again.
  const first = A.change(A.load<WorkspaceDoc>(genesis()), (d) => {
    writeRecord(d.notes, 'note_1', note('note_1', 'Minutes'), undefined);
  });
  const agreed = A.getHeads(first);
  const renamed = A.change(A.clone(first), (d) => {
    writeRecord(d.notes, 'note_1', note('note_1', 'Hearing'), note('note_1', 'Minutes'));
  });
  const here = A.merge(A.clone(first), renamed);
  const later = A.change(A.clone(renamed), (d) => {
    writeRecord(d.notes, 'note_1', note('note_1', 'Hearing minutes'), note('note_1', 'Hearing'));
  });
  const out = asAgreed();
  out.records.notes.set('note_1', note('note_1', 'Hearing') as never);
  out.records.notes.delete('note_2');
  const sent = writeAt(here, agreed, out, true, never);
  expect(sent.written).toBe(0);
  const merged = A.merge(A.clone(later), sent.newDoc);
  expect(toPlain(merged.notes.note_1?.title)).toBe('Hearing minutes');
  expect(conflictAt(merged, 'notes', 'note_1', 'title')).toBeUndefined();
});
