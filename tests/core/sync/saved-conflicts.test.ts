// A session opens its saved team document without the handle diffing it whole against the
// genesis (open-doc.ts): the conflict index comes from state.json when the document holds
// the heads it was saved at, plus the changes since; otherwise from the whole diff as before.
// Either way the list is the one the document holds, and later changes still reach it.
import * as A from '@automerge/automerge';
import { Repo, type DocHandle } from '@automerge/automerge-repo';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ConflictIndex, type OpenFields } from '../../../src/core/sync/conflict-index';
import { openSavedDoc } from '../../../src/core/sync/open-doc';
import { readSavedDoc } from '../../../src/core/sync/sync-files';
import { newShareId, SyncSession } from '../../../src/core/sync/sync-session';
import {
  conflictsOf,
  genesis,
  writeRecord,
  type WorkspaceDoc,
} from '../../../src/core/sync/workspace-doc';
import { closeWorkbench, reopen, tempDir, unwrap } from '../../integration/helpers';

const base = A.load<WorkspaceDoc>(genesis());
/** `doc` with a note's title written on two forks and merged: one open conflict. */
function conflicted(doc: A.Doc<WorkspaceDoc>, id: string): A.Doc<WorkspaceDoc> {
  const fork = (title: string): A.Doc<WorkspaceDoc> =>
    A.change(A.clone(doc), (d) => void writeRecord(d.notes, id, { id, title }, undefined));
  return A.merge(A.merge(A.clone(doc), fork('one')), fork('two'));
}

function open(saved: Parameters<typeof openSavedDoc>[1]): {
  handle: DocHandle<WorkspaceDoc>;
  index: ConflictIndex;
} {
  const handle = new Repo({ network: [] }).import<WorkspaceDoc>(genesis(), {
    docId: newShareId() as never,
  });
  const index = new ConflictIndex();
  openSavedDoc(handle, saved, index);
  return { handle, index };
}

const ids = (index: ConflictIndex, handle: DocHandle<WorkspaceDoc>): string[] =>
  index.list(handle.doc()).map((c) => c.id);

it('starts from the saved index at its heads, without the handle emitting the whole document', () => {
  const doc = conflicted(base, 'note_a');
  const open1 = new ConflictIndex();
  open1.follow(A.diff(doc, A.getHeads(base), A.getHeads(doc)));
  const saved = { heads: A.getHeads(doc), open: open1.saved() };
  const handle = new Repo({ network: [] }).import<WorkspaceDoc>(genesis(), {
    docId: newShareId() as never,
  });
  const emitted: A.Patch[][] = [];
  handle.on('change', ({ patches }) => emitted.push(patches));
  const index = new ConflictIndex();
  openSavedDoc(handle, { bytes: A.save(doc), log: undefined, conflicts: saved }, index);
  expect(A.getHeads(handle.doc())).toEqual(A.getHeads(doc));
  expect(emitted).toEqual([]);
  expect(index.list(handle.doc()).map((c) => c.id)).toEqual(['note_a']);
  // The document's own diff works again afterwards (its backend's method put back).
  expect(A.diff(handle.doc(), A.getHeads(base), A.getHeads(doc)).length).toBeGreaterThan(0);
  // And a change made after opening reaches the index through the handle.
  handle.update((d) => A.merge(d, conflicted(doc, 'note_b')));
  expect(ids(index, handle)).toEqual(['note_a', 'note_b']);
});

it('follows the changes logged after the saved index', () => {
  const first = conflicted(base, 'note_a');
  const index1 = new ConflictIndex();
  index1.follow(A.diff(first, A.getHeads(base), A.getHeads(first)));
  const later = conflicted(first, 'note_b');
  const { handle, index } = open({
    bytes: A.save(first),
    log: A.saveSince(later, A.getHeads(first)),
    conflicts: { heads: A.getHeads(first), open: index1.saved() },
  });
  expect(ids(index, handle)).toEqual(['note_a', 'note_b']);
});

it('reads the whole document when the saved index is of a history it lacks', () => {
  // The index was saved after a member settled note_a's conflict (E) beside another change
  // (Y); the document here is an older copy holding Y and not E (a backup put back), so the
  // conflict is open in it, though the saved index lists none.
  const doc = conflicted(base, 'note_a');
  const y = A.change(A.clone(doc, 'aa'.repeat(16)), (d) => void (d.meta.y = 1));
  const e = A.change(A.clone(doc, 'bb'.repeat(16)), (d) => {
    d.notes.note_a!.title = new A.ImmutableString('one and two');
  });
  const settled = A.merge(A.clone(y), e);
  const none: OpenFields[] = [];
  const { handle, index } = open({
    bytes: A.save(y),
    log: undefined,
    conflicts: { heads: A.getHeads(settled), open: none },
  });
  expect(conflictsOf(y).map((c) => c.id)).toEqual(['note_a']);
  expect(ids(index, handle)).toEqual(['note_a']);
});

it('reads the whole document when no index was saved (a state.json from before)', () => {
  const doc = conflicted(base, 'note_a');
  const { handle, index } = open({ bytes: A.save(doc), log: undefined, conflicts: undefined });
  expect(ids(index, handle)).toEqual(['note_a']);
});

it('saves the index with the document, and a session reopened lists the same conflicts', async () => {
  const tmp = await tempDir();
  const folder = join(tmp.dir, 'shared');
  const shareId = newShareId();
  const dirs = [join(tmp.dir, 'a'), join(tmp.dir, 'b')] as const;
  await mkdir(folder);
  try {
    const wbs = await Promise.all(dirs.map((d) => reopen(d)));
    const place = (i: number) => ({ shareId, folder, replica: `replica-${i}0000`, poll: false });
    const sessions = await Promise.all(
      dirs.map((d, i) => SyncSession.open(wbs[i]!.core, d, place(i))),
    );
    const note = unwrap(await wbs[0]!.call('notes.create', { title: 'Minutes' }));
    for (const s of [...sessions, ...sessions]) await s.round();
    for (const [i, wb] of wbs.entries())
      unwrap(await wb.call('notes.update', { id: note.id, patch: { title: `Minutes ${i}` } }));
    for (const s of [...sessions, ...sessions]) await s.round();
    const listed = sessions[1]!.conflicts();
    expect(listed.map((c) => [c.id, c.field])).toEqual([[note.id, 'title']]);
    await sessions[1]!.close();
    const saved = await readSavedDoc(dirs[1]);
    expect(saved.conflicts?.open).toEqual([
      { kind: 'notes', id: note.id, fields: expect.arrayContaining(['title']) as string[] },
    ]);
    const again = await SyncSession.open(wbs[1]!.core, dirs[1], place(1));
    expect(again.conflicts()).toEqual(listed);
    await again.close();
    await sessions[0]!.close();
  } finally {
    for (const d of dirs) await closeWorkbench(d);
    await tmp.cleanup();
  }
});
