// The index never asks FlexSearch to update or remove an entry: each version gets a new
// id and old ids are dropped from results. These cases pin that an edited or removed
// entry is never found by words it no longer has, also across a compaction. A very long
// paragraph is added in steps, filed exactly as FlexSearch's own add would file it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/core/search/search-index';
import { LONG_TEXT, WordIndex } from '../../src/core/search/word-index';
import type { Annotation, DocumentFile, Entity } from '../../src/shared/model';
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

describe('a very long paragraph, indexed in steps', () => {
  // Words that folding and joining treat specially, with white space of several kinds
  // between them: a piece boundary must change none of them.
  const WORDS = [
    'Evin',
    'prison',
    'U.S.',
    '5,000',
    "Nouri's",
    'ΟΔΟΣ',
    'Σ',
    'café',
    'مي\u200cخواهم',
    'كتاب',
    '۱٬۰۰۰',
    'co-operate',
    'e.g.',
    'naïve',
    'İstanbul',
    'x',
  ];
  const SPACES = [' ', '\n', '\u00a0', '\u2009', '\t', '  '];
  const postings = (w: WordIndex) => [...w.postings()].sort(([a], [b]) => (a < b ? -1 : 1));
  /** The same texts added whole (FlexSearch's add) and in steps of `piece` characters. */
  function both(texts: string[], stepped: number, piece: number): [WordIndex, WordIndex] {
    const whole = new WordIndex();
    const steps = new WordIndex();
    texts.forEach((text, i) => {
      whole.add(i + 1, text);
      if (i + 1 === stepped) for (const _ of steps.addInSteps(i + 1, text, piece));
      else steps.add(i + 1, text);
    });
    return [whole, steps];
  }

  it('files every word in the bucket FlexSearch would, for any text and any piece size', () => {
    const word = fc.constantFrom(...WORDS);
    const space = fc.constantFrom(...SPACES);
    const text = fc
      .array(fc.tuple(word, space), { minLength: 1, maxLength: 60 })
      .map((parts) => parts.flat().join(''));
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 1, max: 40 }),
        (texts, piece) => {
          const [whole, steps] = both(texts, 2, piece);
          expect(postings(steps)).toEqual(postings(whole));
          for (const prefix of ['e', 'ev', 'co', 'ي', 'u'])
            expect(steps.prefixTerm(prefix)).toEqual(whole.prefixTerm(prefix));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('an index only built and saved files every word as FlexSearch does, through removals', () => {
    const word = fc.constantFrom(...WORDS, 'evin', 'w1', 'w2');
    const space = fc.constantFrom(...SPACES);
    const text = fc
      .array(fc.tuple(word, space), { minLength: 0, maxLength: 40 })
      .map((parts) => parts.flat().join(''));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, fc.constantFrom('add', 'steps', 'ask')), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 4 }),
        fc.integer({ min: 0, max: 12 }),
        (texts, removed, removeAt) => {
          // FlexSearch's own add (an index that is searched), and the workers' filing: some
          // texts added in steps (straight into FlexSearch's storage), some followed by a
          // search (which moves the pool's lists there), some removals on the way.
          const searched = new WordIndex();
          const built = new WordIndex({ vocabulary: false });
          texts.forEach(([t, how], i) => {
            if (i === removeAt) for (const w of [searched, built]) w.drop(new Set(removed));
            searched.add(i + 1, t);
            if (how === 'steps') for (const _ of built.addInSteps(i + 1, t, 7));
            else built.add(i + 1, t);
            if (how === 'ask') expect(built.term('evin')).toEqual(searched.term('evin'));
          });
          expect(postings(built)).toEqual(postings(searched));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('an index only built and saved holds long lists and many words as FlexSearch does', () => {
    // Lists of hundreds of ids (many chunks each), and 6,000 words (its tables grown).
    const texts = Array.from({ length: 400 }, (_, i) =>
      [
        i % 3 ? 'Evin' : 'prison',
        ...Array.from({ length: 15 }, (_, k) => `u${i}x${k}`),
        `w${i % 37}`,
        'the',
      ].join(' '),
    );
    const searched = new WordIndex();
    const built = new WordIndex({ vocabulary: false });
    texts.forEach((t, i) => {
      searched.add(i + 1, t);
      built.add(i + 1, t);
      if (i === 250) expect(built.term('the')).toEqual(searched.term('the'));
    });
    expect(postings(built)).toEqual(postings(searched));
    // Its lists are appended to: an id below one filed already would leave them unordered.
    expect(() => built.add(7, 'Evin')).toThrow(/ascending order \(7 after 400\)/);
  });

  it('keeps lists ascending when other entries are added between its steps', () => {
    const long = Array.from(
      { length: 400 },
      (_, i) => `${WORDS[i % WORDS.length]} w${i % 37}`,
    ).join(' ');
    const whole = new WordIndex();
    whole.add(1, long);
    whole.add(2, 'Evin prison w3');
    const steps = new WordIndex();
    const adding = steps.addInSteps(1, long, 50);
    adding.next();
    steps.add(2, 'Evin prison w3');
    for (const _ of adding);
    expect(postings(steps)).toEqual(postings(whole));
  });

  it('stops when the document is written again or removed meanwhile; the newer version stands', async () => {
    const paragraph = (word: string) =>
      Array.from({ length: 25_000 }, (_, i) => `${word} line ${i}`).join(' ');
    const older = documentFromText(paragraph('detainee'), 'doc_long');
    const newer = documentFromText(paragraph('witness'), 'doc_long');
    expect(older.text.length).toBeGreaterThan(LONG_TEXT);
    const index = new SearchIndex();
    const docs = new Map([
      [newer.id, { schemaVersion: 3 as const, document: newer, annotations: [] }],
    ]);
    const blocks = async (query: string): Promise<string[]> =>
      (
        await index.search(SearchInput.parse({ query, kinds: ['block'] }), {
          ...scope,
          documents: () => Promise.resolve(docs),
        })
      ).hits.map((h) => h.id);
    const steps = index.putDocumentSteps(older);
    steps.next();
    index.putDocument(newer);
    let left = steps.next();
    while (!left.done) left = steps.next();
    expect(left.value).toBe(false);
    expect(await blocks('detainee')).toEqual([]);
    expect(await blocks('witness')).toEqual(['doc_long:0']);
    const removing = index.putDocumentSteps(older);
    removing.next();
    index.removeDocument('doc_long');
    for (const _ of removing);
    expect(await blocks('detainee')).toEqual([]);
    expect(await blocks('line')).toEqual([]);
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
      { text: 'Ebrahim Raisi (Raisi · Ebrahim ', match: false },
      { text: 'Raeesi', match: true },
      { text: ') — President of Iran from 2021.', match: false },
    ]);
  });
});

describe('a highlight’s snippet', () => {
  it('sets its quote, its note’s words and its tags apart', async () => {
    const doc = documentFromText('He chaired the meeting in 1988.', 'doc_h', 'Report');
    const highlight: Annotation = {
      id: 'ann_h',
      documentId: 'doc_h',
      target: {
        quote: {
          type: 'TextQuoteSelector',
          exact: 'He chaired the meeting',
          prefix: '',
          suffix: '',
        },
        position: { type: 'TextPositionSelector', start: 0, end: 22 },
      },
      entityIds: [],
      tags: ['commission', 'Tehran'],
      kind: 'highlight',
      note: 'He **chaired** it: see the minutes.',
      status: 'anchored',
      anchoredRevision: 1,
      createdAt: now,
      updatedAt: now,
    };
    const index = new SearchIndex();
    index.putAnnotation(highlight);
    const docs = new Map<string, DocumentFile>([
      ['doc_h', { schemaVersion: 3, document: doc, annotations: [highlight] }],
    ]);
    const [hit] = (
      await index.search(
        { query: 'minutes', limit: 5 },
        { ...scope, documents: () => Promise.resolve(docs) },
      )
    ).hits;
    // The quote ran into the note: "…the meeting He **chaired** it: see the minutes. commission".
    expect(hit?.snippet.map((part) => part.text).join('')).toBe(
      'He chaired the meeting — He chaired it: see the minutes. — Tags: commission · Tehran',
    );
  });
});
