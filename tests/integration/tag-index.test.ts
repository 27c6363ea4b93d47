// The tag index (which documents tag each entity) against the workspace itself: after
// tagging, retagging, deleting a highlight and a document, undo and redo, and a reopen,
// usage counts and entity deletes must see every tagged highlight, and only those.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import { openSample, reopen, tempDir, unwrap } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

/** Usage by entity id, counted the slow way from every highlight of every document. */
async function scanned(wb: Workbench): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { id } of unwrap(await wb.call('documents.list', {}))) {
    for (const a of unwrap(await wb.call('documents.get', { id })).annotations)
      for (const e of new Set(a.entityIds)) counts[e] = (counts[e] ?? 0) + 1;
  }
  return counts;
}

async function listed(wb: Workbench): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const e of unwrap(await wb.call('entities.list', {}))) if (e.usage) counts[e.id] = e.usage;
  return counts;
}

describe('tag index', () => {
  it('keeps usage counts and deletes exact through edits, document deletes, undo and reopen', async () => {
    let wb = await openSample(dir);
    const first = unwrap(await wb.call('documents.list', {}))[0]!.id;
    const pasted = unwrap(
      await wb.call('documents.paste', {
        title: 'Second source',
        text: 'Evin prison held the prisoners.\n\nThe commission met at Evin in 1988.',
      }),
    );
    if (pasted.kind !== 'document') throw new Error('expected a document');
    const second = pasted.documentId;
    const evin = unwrap(await wb.call('entities.create', { name: 'Evin', type: 'place' })).id;
    const panel = unwrap(await wb.call('entities.create', { name: 'Panel', type: 'org' })).id;
    const tag = async (documentId: string, start: number, entityIds: string[]) => {
      const a = unwrap(await wb.call('annotations.create', { documentId, start, end: start + 10 }));
      return unwrap(await wb.call('annotations.update', { id: a.id, patch: { entityIds } })).id;
    };
    await tag(first, 0, [evin]);
    const both = await tag(first, 20, [evin, panel]);
    await tag(second, 0, [evin]);
    const inSecond = await tag(second, 35, [panel]);
    expect(await listed(wb)).toEqual({ [evin]: 3, [panel]: 2 });

    // Retagging and deleting a highlight.
    unwrap(await wb.call('annotations.update', { id: both, patch: { entityIds: [panel] } }));
    unwrap(await wb.call('annotations.delete', { id: inSecond }));
    expect(await listed(wb)).toEqual(await scanned(wb));
    expect(await listed(wb)).toEqual({ [evin]: 2, [panel]: 1 });

    // A whole document going and coming back with its tags.
    unwrap(await wb.call('documents.delete', { id: second, confirmHighlights: 1 }));
    expect(await listed(wb)).toEqual({ [evin]: 1, [panel]: 1 });
    unwrap(await wb.call('history.undo', {}));
    expect(await listed(wb)).toEqual({ [evin]: 2, [panel]: 1 });

    // A delete finds the tags in both documents, and undo brings them all back.
    unwrap(await wb.call('entities.delete', { id: evin, confirmUsage: 2 }));
    expect(await scanned(wb)).toEqual({ [panel]: 1 });
    unwrap(await wb.call('history.undo', {}));
    expect(await scanned(wb)).toEqual({ [evin]: 2, [panel]: 1 });

    // After a reopen the index is built from the files.
    wb = await reopen(dir);
    expect(await listed(wb)).toEqual(await scanned(wb));
    unwrap(await wb.call('entities.delete', { id: evin, confirmUsage: 2 }));
    expect(await scanned(wb)).toEqual({ [panel]: 1 });
  });
});
