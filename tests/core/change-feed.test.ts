// Change events carry the records: a window applies them without asking the core again.
// Run against a real workspace on disk: each command's event is checked for the records,
// counts and ids the renderer's store needs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkbenchEvent } from '../../src/shared/api';
import type { Workbench } from '../../src/core/workbench';
import { openSample, tempDir, unwrap } from '../integration/helpers';

let dir: string;
let cleanup: () => Promise<void>;
let wb: Workbench;
let events: WorkbenchEvent[];

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  wb = await openSample(dir);
  events = [];
  wb.subscribe((e) => events.push(e));
});
afterEach(() => cleanup());

const documentId = async (): Promise<string> => unwrap(await wb.call('documents.list', {}))[0]!.id;

describe('the change feed', () => {
  it('sends a new highlight with its entity’s usage, its tag’s count and its document’s count', async () => {
    const entity = unwrap(await wb.call('entities.create', { name: 'Evin prison', type: 'place' }));
    expect(events.at(-1)?.entities.put.map((e) => [e.name, e.usage])).toEqual([['Evin prison', 0]]);
    const id = await documentId();
    const made = unwrap(
      await wb.call('annotations.create', {
        documentId: id,
        start: 0,
        end: 10,
        entityIds: [entity.id],
        tags: ['trial'],
      }),
    );
    const event = events.at(-1)!;
    expect(event.annotations.put).toEqual([made]);
    expect(event.entities.put.map((e) => [e.id, e.usage])).toEqual([[entity.id, 1]]);
    expect(event.tags).toEqual([{ tag: 'trial', count: 1 }]);
    expect(event.documents.put.map((d) => [d.id, d.annotationCount])).toEqual([[id, 1]]);
    expect(event.touchedEntities).toEqual([entity.id]);
    expect(event.history).toMatchObject({ canUndo: true, undoLabel: 'Create highlight' });
  });

  it('sends an edited note without touching the library’s counts', async () => {
    const id = await documentId();
    const made = unwrap(await wb.call('annotations.create', { documentId: id, start: 0, end: 10 }));
    const edited = unwrap(
      await wb.call('annotations.update', { id: made.id, patch: { note: 'Seen in court.' } }),
    );
    const event = events.at(-1)!;
    expect(event.annotations.put).toEqual([edited]);
    expect(event.documents.put).toEqual([]);
    expect(event.entities.put).toEqual([]);
    expect(event.tags).toEqual([]);
  });

  it('sends a deleted document’s id and its highlights as removed, and their undo as put', async () => {
    const id = await documentId();
    const made = unwrap(
      await wb.call('annotations.create', { documentId: id, start: 0, end: 10, tags: ['x'] }),
    );
    unwrap(await wb.call('documents.delete', { id, confirmHighlights: 1 }));
    let event = events.at(-1)!;
    expect(event.documents.removed).toEqual([id]);
    expect(event.annotations.removed).toEqual([{ id: made.id, documentId: id }]);
    expect(event.tags).toEqual([{ tag: 'x', count: 0 }]);
    unwrap(await wb.call('history.undo', {}));
    event = events.at(-1)!;
    expect(event.documents.put.map((d) => d.id)).toEqual([id]);
    expect(event.annotations.put.map((a) => a.id)).toEqual([made.id]);
    expect(event.history.canRedo).toBe(true);
  });

  it('sends a changed text as the document record, with its re-anchored highlights', async () => {
    const id = await documentId();
    const view = unwrap(await wb.call('documents.get', { id }));
    unwrap(
      await wb.call('documents.editText', {
        id,
        revision: view.document.revision,
        text: `Preface.\n\n${view.document.text}`,
      }),
    );
    const event = events.at(-1)!;
    expect(event.documentRecords.map((d) => [d.id, d.revision])).toEqual([[id, 2]]);
    expect(event.documents.put.map((d) => d.id)).toEqual([id]);
  });

  it('sends a reset after a repair', async () => {
    unwrap(await wb.call('workspace.repair', {}));
    expect(events.at(-1)?.reset).toBe(true);
  });
});
