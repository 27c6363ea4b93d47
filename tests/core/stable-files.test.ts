// A record written in one session is written with the same bytes by the next: each record
// is built in its schema's key order, the order loading a file gives it. Were it not, a
// later session's command that rewrites the file would reorder the keys of records it
// never touched, and undoing that command would not give the files back byte for byte.
// Found by the command-queue model test (a text edit undone after a reopen); these are
// the places that built a record in another order.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import { openSample, reopen, tempDir, unwrap } from '../integration/helpers';
import { unstableFiles, workspaceFiles } from '../integration/snapshot-files';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

type Make = (wb: Workbench, docId: string) => Promise<unknown>;

const entity = async (wb: Workbench, name: string, type = 'person', externalId?: string) =>
  unwrap(await wb.call('entities.create', { name, type, ...(externalId ? { externalId } : {}) }))
    .id;

const CASES: [string, Make][] = [
  ['an imported document (its source details)', () => Promise.resolve()],
  [
    'a document whose details were corrected',
    async (wb, id) =>
      unwrap(
        await wb.call('documents.updateMetadata', {
          id,
          patch: { source: { author: 'N. Writer', url: 'https://example.org/article' } },
        }),
      ),
  ],
  [
    'an event given a date, a place, participants and an external id',
    async (wb) => {
      const place = await entity(wb, 'Evin prison', 'place');
      const person = await entity(wb, 'Ali Shamkhani');
      const event = await entity(wb, 'The 1988 massacre', 'event');
      unwrap(
        await wb.call('entities.update', {
          id: event,
          patch: {
            externalId: 'Q5',
            date: { start: '1988', precision: 'year' },
            placeId: place,
            participants: [{ entityId: person, role: 'official' }],
          },
        }),
      );
    },
  ],
  [
    'entities merged, keeping the external id of the one merged in',
    async (wb) => {
      const target = await entity(wb, 'Ejei');
      const source = await entity(wb, 'Gholam Hossein Mohseni Ejei', 'person', 'Q42');
      unwrap(await wb.call('entities.merge', { targetId: target, sourceIds: [source] }));
    },
  ],
  [
    'an event whose participant was deleted, its place kept',
    async (wb) => {
      const place = await entity(wb, 'Evin prison', 'place');
      const person = await entity(wb, 'Ali Shamkhani');
      const event = await entity(wb, 'A hearing', 'event');
      const participants = [{ entityId: person, role: 'witness' }];
      unwrap(
        await wb.call('entities.update', { id: event, patch: { placeId: place, participants } }),
      );
      unwrap(await wb.call('entities.delete', { id: person, confirmUsage: 0 }));
    },
  ],
  [
    'a highlight a text edit left fuzzy (its confidence)',
    async (wb, id) => {
      const { document } = unwrap(await wb.call('documents.get', { id }));
      const quote = 'suggested expanding and empowering the so-called';
      const start = document.text.indexOf(quote);
      unwrap(
        await wb.call('annotations.create', { documentId: id, start, end: start + quote.length }),
      );
      const edited = unwrap(
        await wb.call('documents.editText', {
          id,
          revision: document.revision,
          text: document.text.replace('expanding and empowering', 'growing and empowering'),
        }),
      );
      expect(edited.annotations[0]).toMatchObject({ status: 'fuzzy' });
    },
  ],
];

it.each(CASES)('%s: rewritten after a reopen with the same bytes', async (_name, make) => {
  let wb = await openSample(dir);
  const docId = unwrap(await wb.call('documents.list', {}))[0]!.id;
  await make(wb, docId);
  const before = await workspaceFiles(dir);
  expect(unstableFiles(before)).toEqual([]);

  // The next session rewrites every file with a command, and undoes it.
  wb = await reopen(dir);
  const { document } = unwrap(await wb.call('documents.get', { id: docId }));
  const text = `${document.text}\n\nA closing line.`;
  unwrap(await wb.call('documents.editText', { id: docId, revision: document.revision, text }));
  unwrap(await wb.call('history.undo', {}));
  await entity(wb, 'Someone new');
  unwrap(await wb.call('history.undo', {}));
  expect(await workspaceFiles(dir)).toEqual(before);
});
