// Free-standing notes in search, on a real workspace: found by the words of their title
// and body, kept in step with create, update, delete, undo, redo and reopening, and
// filtered by the entities and documents they name (by id or by a `[[...]]` link).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import { openSample, reopen, tempDir, unwrap } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const notes = async (wb: Workbench, query: string, extra: Record<string, unknown> = {}) =>
  unwrap(await wb.call('search.query', { query, kinds: ['note'], ...extra })).hits;
const ids = async (wb: Workbench, query: string, extra: Record<string, unknown> = {}) =>
  (await notes(wb, query, extra)).map((h) => h.id).sort();

describe('notes in search', () => {
  it('finds a note by its words, as a hit of exactly kind, id, title and snippet', async () => {
    const wb = await openSample(dir);
    await wb.indexed;
    const note = unwrap(
      await wb.call('notes.create', {
        title: '',
        body: 'Questions for the Stockholm hearing\nAsk the witness about the transfer to Gohardasht.',
      }),
    );
    const [hit, ...rest] = await notes(wb, 'gohardasht');
    expect(rest).toEqual([]);
    expect(hit).toEqual({
      kind: 'note',
      id: note.id,
      title: 'Questions for the Stockholm hearing',
      snippet: [
        { text: '…', match: false },
        { text: 'Stockholm hearing Ask the witness about the transfer to ', match: false },
        { text: 'Gohardasht', match: true },
        { text: '.', match: false },
      ],
    });
    // A title wins over the first line, and the title's words are found too.
    unwrap(await wb.call('notes.update', { id: note.id, patch: { title: 'Evin timeline' } }));
    expect((await notes(wb, 'timeline'))[0]?.title).toBe('Evin timeline');
    // Without a kind filter the note is found among the other kinds.
    const all = unwrap(await wb.call('search.query', { query: 'gohardasht' })).hits;
    expect(all.filter((h) => h.kind === 'note').map((h) => h.id)).toEqual([note.id]);
  });

  it('follows create, update, delete, undo, redo and reopening', async () => {
    const wb = await openSample(dir);
    const undo = async () => unwrap(await wb.call('history.undo', {}));
    const redo = async () => unwrap(await wb.call('history.redo', {}));
    const note = unwrap(
      await wb.call('notes.create', { title: 'Sources', body: 'Amnesty report on Ghezel Hesar.' }),
    );
    expect(await ids(wb, 'ghezel')).toEqual([note.id]);

    unwrap(
      await wb.call('notes.update', { id: note.id, patch: { body: 'Rewritten about Karaj.' } }),
    );
    expect(await ids(wb, 'ghezel')).toEqual([]);
    expect(await ids(wb, 'karaj')).toEqual([note.id]);
    await undo();
    expect(await ids(wb, 'ghezel')).toEqual([note.id]);
    expect(await ids(wb, 'karaj')).toEqual([]);
    await redo();
    expect(await ids(wb, 'karaj')).toEqual([note.id]);

    unwrap(await wb.call('notes.delete', { id: note.id }));
    expect(await ids(wb, 'karaj')).toEqual([]);
    await undo();
    expect(await ids(wb, 'karaj')).toEqual([note.id]);

    const reopened = await reopen(dir);
    await reopened.indexed;
    expect(await ids(reopened, 'karaj')).toEqual([note.id]);
    expect(await ids(reopened, 'sources')).toEqual([note.id]);
  });

  it('filters by entity and document, by id or by a [[link]] that folds to a name or title', async () => {
    const wb = await openSample(dir);
    const [sample] = unwrap(await wb.call('documents.list', {}));
    const noury = unwrap(
      await wb.call('entities.create', {
        name: 'Hamid Noury',
        type: 'person',
        aliases: ['حمید نوری'],
      }),
    );
    const evin = unwrap(await wb.call('entities.create', { name: 'Evin', type: 'place' }));
    const byId = unwrap(
      await wb.call('notes.create', {
        title: 'Tagged',
        body: 'Testimony list.',
        entityIds: [noury.id],
        documentIds: [sample!.id],
      }),
    );
    const byName = unwrap(
      await wb.call('notes.create', { title: 'Linked', body: 'Testimony about [[HAMID  NOURY]].' }),
    );
    const byAlias = unwrap(
      await wb.call('notes.create', { title: 'Alias', body: 'Testimony: [[حميد نوري]]' }),
    );
    const byTitle = unwrap(
      await wb.call('notes.create', {
        title: 'Doc',
        body: `Testimony quoted in [[${sample!.title.toUpperCase()}]].`,
      }),
    );
    const other = unwrap(
      await wb.call('notes.create', { title: 'Other', body: 'Testimony about [[Evin]].' }),
    );
    expect(await ids(wb, 'testimony')).toHaveLength(5);
    expect(await ids(wb, 'testimony', { entityId: noury.id })).toEqual(
      [byId.id, byName.id, byAlias.id].sort(),
    );
    expect(await ids(wb, 'testimony', { entityId: evin.id })).toEqual([other.id]);
    expect(await ids(wb, 'testimony', { documentId: sample!.id })).toEqual(
      [byId.id, byTitle.id].sort(),
    );

    // A link follows the entity's name: renamed, the old name no longer names it.
    unwrap(await wb.call('entities.update', { id: evin.id, patch: { name: 'Evin prison' } }));
    expect(await ids(wb, 'testimony', { entityId: evin.id })).toEqual([]);
    unwrap(await wb.call('entities.update', { id: evin.id, patch: { aliases: ['evin'] } }));
    expect(await ids(wb, 'testimony', { entityId: evin.id })).toEqual([other.id]);
  });

  it('filters by a labelled link [[name|label]], as the window resolves it', async () => {
    const wb = await openSample(dir);
    const evin = unwrap(await wb.call('entities.create', { name: 'Evin prison', type: 'place' }));
    const labelled = unwrap(
      await wb.call('notes.create', {
        title: 'Label',
        body: 'Held in [[Evin prison|the prison]].',
      }),
    );
    expect(await ids(wb, 'held', { entityId: evin.id })).toEqual([labelled.id]);
  });

  it('shows a note’s words in its snippet, not its Markdown', async () => {
    const wb = await openSample(dir);
    unwrap(
      await wb.call('notes.create', {
        title: 'Marks',
        body: '## Hearing\nHeld at **[[Evin prison|the prison]]**, see [report](https://example.org).',
      }),
    );
    const [hit] = await notes(wb, 'held');
    expect(hit?.snippet.map((p) => p.text).join('')).toBe(
      'Hearing Held at the prison, see report.',
    );
  });
});
