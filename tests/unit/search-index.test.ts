// The index never asks FlexSearch to update or remove an entry: each version gets a new
// id and old ids are dropped from results. These cases pin that an edited or removed
// entry is never found by words it no longer has, also across a compaction.
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/core/search/search-index';
import type { DocumentFile, Entity } from '../../src/shared/model';
import { SearchInput } from '../../src/shared/methods/search';
import { documentFromText } from '../fixtures/documents';

const now = '2026-11-24T00:00:00.000Z';
const entity = (id: string, name: string, description = ''): Entity => ({
  id,
  name,
  type: 'place',
  aliases: [],
  description,
  createdAt: now,
  updatedAt: now,
});
const scope = {
  titleOf: () => undefined,
  resolveLink: () => undefined,
  documents: () => Promise.resolve(new Map()),
};
const ids = async (index: SearchIndex, query: string): Promise<string[]> =>
  (await index.search({ query, limit: 50 }, scope)).hits.map((h) => h.id);

describe('updates without FlexSearch update or remove', () => {
  it('finds an edited entry by its new words only, and a removed one not at all', async () => {
    const index = new SearchIndex();
    index.putEntity(entity('ent_evin', 'Evin prison', 'Tehran'));
    index.putEntity(entity('ent_gohar', 'Gohardasht prison'));
    index.putEntity(entity('ent_evin', 'Evin prison', 'Stockholm hearing'));
    expect(await ids(index, 'tehran')).toEqual([]);
    expect(await ids(index, 'stockholm')).toEqual(['ent_evin']);
    expect((await ids(index, 'prison')).sort()).toEqual(['ent_evin', 'ent_gohar']);
    index.removeEntity('ent_evin');
    expect(await ids(index, 'stockholm')).toEqual([]);
    expect(await ids(index, 'prison')).toEqual(['ent_gohar']);
  });

  it('stays right across the rebuild that clears dead entries', async () => {
    const index = new SearchIndex();
    for (let i = 0; i < 50; i++) index.putEntity(entity(`ent_${i}`, `Official ${i}`, 'witness'));
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < 50; i++)
        index.putEntity(entity(`ent_${i}`, `Official ${i}`, i % 2 ? `round${round}` : 'witness'));
    }
    expect(await ids(index, 'witness')).toHaveLength(25);
    expect(await ids(index, 'round39')).toHaveLength(25);
    expect(await ids(index, 'round38')).toEqual([]);
  });
});

describe('intersection, led by the rarest word or by the filter', () => {
  const docs = new Map<string, DocumentFile>();
  const scope = {
    titleOf: () => 'Report',
    resolveLink: () => undefined,
    documents: () => Promise.resolve(docs),
  };
  const index = new SearchIndex();
  // "the" is everywhere, "prison" in half, "evin" in a few paragraphs, not all with "prison".
  const paragraphs = Array.from({ length: 40 }, (_, i) =>
    [
      'the witness spoke',
      i % 2 ? 'of the prison' : 'of the court',
      i % 5 === 3 ? 'near Evin' : '',
    ].join(' '),
  );
  for (const doc of [
    documentFromText(paragraphs.join('\n\n'), 'doc_big', 'Report'),
    documentFromText('A short verdict.\n\nThe end of the verdict.', 'doc_small', 'Small'),
  ]) {
    index.putDocument(doc);
    docs.set(doc.id, { schemaVersion: 3, document: doc, annotations: [] });
  }
  const found = async (query: string, extra: Partial<{ documentId: string }> = {}) =>
    (await index.search(SearchInput.parse({ query, kinds: ['block'], ...extra }), scope)).hits
      .map((h) => h.id)
      .sort();

  it('keeps only entries holding every word, whichever leads', async () => {
    const evinInPrison = ['doc_big:13', 'doc_big:23', 'doc_big:3', 'doc_big:33'];
    expect(await found('evin prison')).toEqual(evinInPrison);
    expect(await found('prison evin')).toEqual(evinInPrison);
    expect(await found('the evin')).toHaveLength(8);
    expect(await found('court evin')).toEqual([
      'doc_big:18',
      'doc_big:28',
      'doc_big:38',
      'doc_big:8',
    ]);
  });

  it('checks every word against the entries a document filter leads with', async () => {
    expect(await found('the', { documentId: 'doc_small' })).toEqual(['doc_small:1']);
    expect(await found('verdict the', { documentId: 'doc_small' })).toEqual(['doc_small:1']);
  });
});

describe('an entity’s snippet', () => {
  it('shows its aliases apart from its name and from each other', async () => {
    const index = new SearchIndex();
    index.putEntity({
      ...entity('ent_raisi', 'Ebrahim Raisi', 'President of **Iran** from 2021.'),
      type: 'person',
      aliases: ['Raisi', 'Ebrahim Raeesi'],
    });
    const [hit] = (await index.search({ query: 'raeesi', limit: 5 }, scope)).hits;
    // A line break between names became a space: "Ebrahim Raisi Raisi Ebrahim Raeesi".
    expect(hit?.snippet).toEqual([
      { text: 'Ebrahim Raisi — Also: Raisi · Ebrahim ', match: false },
      { text: 'Raeesi', match: true },
      { text: ' — President of Iran from 2021.', match: false },
    ]);
  });
});
