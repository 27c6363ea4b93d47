// Every member sees one list of conflicts: the index learns them in the order patches
// arrive, which differs per replica (the property test's replay -670344523:2 had two notes
// in conflict, listed in opposite orders on two replicas).
import * as A from '@automerge/automerge';
import { expect, it } from 'vitest';
import { ConflictIndex } from '../../../src/core/sync/conflict-index';
import { genesis, writeRecord, type WorkspaceDoc } from '../../../src/core/sync/workspace-doc';

const base = A.load<WorkspaceDoc>(genesis());
/** A fork of the genesis writing one note's title. */
const fork = (id: string, title: string): A.Doc<WorkspaceDoc> =>
  A.change(A.clone(base), (d) => void writeRecord(d.notes, id, { id, title }, undefined));

it('lists the open conflicts in one order, whatever order they arrived in', () => {
  const b = [fork('note_b', 'one'), fork('note_b', 'two')];
  const a = [fork('note_a', 'one'), fork('note_a', 'two')];
  const listed = [
    [...b, ...a],
    [...a, ...b],
  ].map((forks) => {
    const index = new ConflictIndex();
    let doc = A.clone(base);
    for (const f of forks) {
      // As the document handle does: the patches of each change, from A.diff.
      const before = A.getHeads(doc);
      doc = A.merge(doc, f);
      index.follow(A.diff(doc, before, A.getHeads(doc)));
    }
    return index.list(doc).map((c) => c.id);
  });
  expect(listed[0]).toHaveLength(2);
  expect(listed[1]).toEqual(listed[0]);
});
