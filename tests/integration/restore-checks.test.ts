// Backups checked as a whole before anything is written. A sound backup of a workspace with
// a document, a highlight tagged to an entity, an event with a place and a participant,
// and a note linking all three is broken twenty ways (notes and highlights naming what is
// not there, ids that are prototype names or used twice, highlights and blocks outside the
// text, unsafe links, events pointing nowhere): each is refused with its reason, nothing
// is written, and the workspace opens again writable with no problem. The same backup
// unbroken restores, and reopens clean.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import type { Backup } from '../../src/core/export/snapshot';
import { closeWorkbench, openSample, reopen, settle, tempDir, unwrap } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
let backup: Backup;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  const wb = await openSample(join(dir, 'source'));
  const [doc] = unwrap(await wb.call('documents.list', {}));
  const person = unwrap(await wb.call('entities.create', { name: 'Ejei', type: 'person' }));
  const place = unwrap(await wb.call('entities.create', { name: 'Evin prison', type: 'place' }));
  const event = unwrap(await wb.call('entities.create', { name: 'Hearing', type: 'event' }));
  unwrap(
    await wb.call('entities.update', {
      id: event.id,
      patch: { placeId: place.id, participants: [{ entityId: person.id, role: 'judge' }] },
    }),
  );
  const highlight = unwrap(
    await wb.call('annotations.create', {
      documentId: doc!.id,
      start: 0,
      end: 20,
      entityIds: [person.id],
    }),
  );
  unwrap(
    await wb.call('notes.create', {
      title: 'Brief',
      entityIds: [person.id],
      documentIds: [doc!.id],
      annotationIds: [highlight.id],
    }),
  );
  backup = JSON.parse(unwrap(await wb.call('export.create', { format: 'json' })).content) as Backup;
  await closeWorkbench(join(dir, 'source'));
});
afterAll(() => cleanup());

type Break = (b: Backup) => void;
const doc = (b: Backup) => b.documents[0]!;
const highlight = (b: Backup) => doc(b).annotations[0]!;
const note = (b: Backup) => b.notes[0]!;
const entity = (b: Backup, type: string) => b.entities.find((e) => e.type === type)!;

const UNSOUND: [string, Break, RegExp][] = [
  [
    'a note naming a missing entity',
    (b) => note(b).entityIds.push('ent_gone'),
    /links entities "ent_gone", which do not exist/,
  ],
  [
    'a note naming a missing highlight',
    (b) => note(b).annotationIds.push('ann_gone'),
    /annotationIds name "ann_gone", which do not exist/,
  ],
  [
    'a note naming a missing document',
    (b) => note(b).documentIds.push('doc_gone'),
    /documentIds name "doc_gone", which do not exist/,
  ],
  [
    'a highlight tagged to a missing entity',
    (b) => highlight(b).entityIds.push('ent_gone'),
    /tagged to "ent_gone", not in workspace\.json/,
  ],
  [
    'an entity id __proto__',
    (b) => void (entity(b, 'person').id = '__proto__'),
    /a name every JavaScript object has/,
  ],
  [
    'an entity id constructor',
    (b) => void (entity(b, 'place').id = 'constructor'),
    /a name every JavaScript object has/,
  ],
  [
    'a note id hasOwnProperty',
    (b) => void (note(b).id = 'hasOwnProperty'),
    /a name every JavaScript object has/,
  ],
  [
    'a highlight id toString',
    (b) => void (highlight(b).id = 'toString'),
    /a name every JavaScript object has/,
  ],
  [
    'two entities with one id',
    (b) => void (entity(b, 'place').id = entity(b, 'person').id),
    /its id is used by another entity/,
  ],
  [
    'two notes with one id',
    (b) => b.notes.push({ ...note(b), title: 'Copy' }),
    /its id is used by another note/,
  ],
  [
    'two highlights with one id',
    (b) => doc(b).annotations.push({ ...highlight(b) }),
    /highlight "[^"]+" is in the backup twice/,
  ],
  [
    'two documents with one id',
    (b) => b.documents.push(structuredClone(doc(b))),
    /document "[^"]+" is in the backup twice/,
  ],
  [
    'a highlight past the end of the text',
    (b) => void (highlight(b).target.position.end = 10_000_000),
    /past the end of the text/,
  ],
  [
    'a highlight anchored to another revision',
    (b) => void (highlight(b).anchoredRevision = 7),
    /anchored against revision 7, but the text is at revision 1/,
  ],
  [
    'a highlight whose text is not its quote',
    (b) => void (highlight(b).target.quote.exact = 'Not what the text says'),
    /marked anchored, but the text at 0–20 is not its quote/,
  ],
  [
    'a highlight naming another document',
    (b) => void (highlight(b).documentId = 'doc_other'),
    /it names document "doc_other"/,
  ],
  [
    'a block past the end of the text',
    (b) => doc(b).document.blocks.push({ kind: 'paragraph', start: 5, end: 10_000_000 }),
    /blocks\[\d+\]: it ends at 10000000, past the end of the text/,
  ],
  [
    'a javascript: link',
    (b) =>
      doc(b).document.marks.push({ kind: 'link', start: 0, end: 5, href: 'javascript:alert(1)' }),
    /its link address "javascript:alert\(1\)" is not http\(s\) or mailto/,
  ],
  [
    'an event whose place is gone',
    (b) => void (entity(b, 'event').placeId = 'ent_gone'),
    /its place "ent_gone" is not another entity/,
  ],
  [
    'an event that takes part in itself',
    (b) => entity(b, 'event').participants!.push({ entityId: entity(b, 'event').id, role: 'self' }),
    /its participants "[^"]+" are not other entities/,
  ],
];

async function restore(into: string, data: Backup) {
  const wb = await reopen(into);
  const reply = await wb.call('documents.import', {
    fileName: 'colleague.json',
    dataBase64: Buffer.from(JSON.stringify(data)).toString('base64'),
  });
  await settle(into);
  return { wb, reply };
}

async function reopenedClean(into: string): Promise<Workbench> {
  const wb = await reopen(into);
  expect(wb.readOnly).toBe(false);
  expect(unwrap(await wb.call('workspace.info', {})).problems).toEqual([]);
  return wb;
}

describe('restoring a backup', () => {
  it('refuses twenty unsound backups with their reasons; none leaves the workspace damaged', async () => {
    const refusedWith: string[] = [];
    for (const [i, [label, breakIt, reason]] of UNSOUND.entries()) {
      const data = structuredClone(backup);
      breakIt(data);
      const into = join(dir, `unsound-${i}`);
      const { reply } = await restore(into, data);
      expect(reply.ok, label).toBe(false);
      const message = reply.ok ? '' : reply.error.message;
      expect(message, label).toMatch(/^colleague\.json could not be imported: /);
      expect(message, label).toMatch(reason);
      refusedWith.push(message);
      const after = await reopenedClean(into);
      expect(unwrap(await after.call('documents.list', {})), label).toEqual([]);
      expect(unwrap(await after.call('entities.list', {})), label).toEqual([]);
      await closeWorkbench(into);
    }
    expect(refusedWith).toHaveLength(20);
  });

  it('restores a sound backup, which reopens with no problem', async () => {
    const into = join(dir, 'sound');
    const { reply } = await restore(into, structuredClone(backup));
    expect(reply).toMatchObject({
      ok: true,
      value: { kind: 'backup', documents: 1, highlights: 1 },
    });
    const after = await reopenedClean(into);
    expect(unwrap(await after.call('notes.list', {}))).toHaveLength(1);
    await closeWorkbench(into);
  });

  it('judges a backup with what is already here: highlights may be tagged to entities here', async () => {
    const into = join(dir, 'builds-on');
    const entitiesOnly = { ...structuredClone(backup), documents: [], notes: [] };
    expect((await restore(into, entitiesOnly)).reply.ok).toBe(true);
    const rest = { ...structuredClone(backup), entities: [] };
    const { reply } = await restore(into, rest);
    expect(reply).toMatchObject({ ok: true, value: { kind: 'backup', highlights: 1 } });
    await reopenedClean(into);
    await closeWorkbench(into);
  });
});
