// A worker's count of an entity's mentions in record files (src/core/mentions/count-records.ts)
// is countMentions' count of the same texts, and it counts only records that read cleanly
// and are still the files vouched for; any other is left out, to be read (and its damage
// reported) on the serving thread. Run here in-process: the task is the same code.
import fc from 'fast-check';
import { mkdir, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countMentions } from '../../../src/core/mentions/count-mentions';
import { countRecords, type RecordToCount } from '../../../src/core/mentions/count-records';
import { placeIn } from '../../../src/core/entities/dossier-layout';
import { assembleBlocks } from '../../../src/shared/blocks';
import { SCHEMA_VERSION, type Document } from '../../../src/shared/model';
import { tempDir } from '../../integration/helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  await mkdir(join(dir, 'documents'));
});
afterEach(() => cleanup());

const NOW = '2026-11-01T00:00:00.000Z';

function documentOf(id: string, paragraphs: string[]): Document {
  const { text, blocks } = assembleBlocks(paragraphs.map((p) => ({ kind: 'paragraph', text: p })));
  return {
    id,
    title: id,
    text,
    blocks,
    marks: [],
    source: {},
    format: 'text',
    contentHash: `sha256:${'0'.repeat(64)}`,
    revision: 1,
    createdAt: NOW,
    updatedAt: NOW,
  };
}

/** Writes a record file as the store does; gives its [size, time], as the store vouches. */
async function write(document: Document): Promise<readonly [number, number]> {
  const file = join(dir, 'documents', `${document.id}.json`);
  await writeFile(file, JSON.stringify({ schemaVersion: SCHEMA_VERSION, document }, null, 2));
  const { size, mtimeMs } = await stat(file);
  return [size, mtimeMs];
}

const ask = (entity: { name: string; aliases: string[] }, records: RecordToCount[]) =>
  new Map(countRecords({ countRecords: { dir, entity, records } }));

const EVIN = { name: 'Evin prison', aliases: ['Evin'] };

describe('countRecords', () => {
  it('counts as countMentions does, in all of a text or in the blocks named', async () => {
    const word = fc.constantFrom(
      'Evin',
      'evin',
      'Évin',
      'prison',
      'Evin prison',
      'EVIN.',
      'Evinson',
    );
    const paragraph = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(paragraph, { minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.boolean(),
        async (texts, narrowed) => {
          const documents = texts.map((p, i) => documentOf(`doc_${i}`, p));
          const records: RecordToCount[] = [];
          for (const document of documents) {
            const stamp = await write(document);
            // The index's answer: every other block, or the whole text.
            const ranges = document.blocks.filter((_, k) => k % 2 === 0);
            records.push({ id: document.id, stamp, ...(narrowed ? { ranges } : {}) });
          }
          const lookup = () =>
            new Map(
              records.map((r) => [r.id, r.ranges ?? [{ start: 0, end: Number.MAX_SAFE_INTEGER }]]),
            );
          const expected = countMentions(
            documents.map((document) => ({ document })),
            EVIN,
            narrowed ? lookup : undefined,
          );
          const counted = ask(EVIN, records);
          expect([...counted.keys()]).toEqual(documents.map((d) => d.id));
          for (const { id } of documents)
            expect(counted.get(id)?.count).toBe(expected.get(id) ?? 0);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('places the starts its highlights file holds, as the dossier places them', async () => {
    const document = documentOf('doc_a', ['Evin prison.', 'Transfers to Evin.', 'Nothing.']);
    const starts = [0, 3, 14, 20, document.text.length - 1];
    await mkdir(join(dir, 'highlights'));
    await writeFile(
      join(dir, 'highlights', 'doc_a.json'),
      JSON.stringify({
        schemaVersion: SCHEMA_VERSION,
        documentId: 'doc_a',
        annotations: starts.map((start) => ({ target: { position: { start } } })),
      }),
    );
    const counted = ask(EVIN, [{ id: 'doc_a', stamp: await write(document), place: true }]);
    expect(counted.get('doc_a')).toEqual({
      count: 2,
      places: starts.map((at) => [at, placeIn(document, at)]),
    });
  });

  it('leaves out a damaged record, even one vouched for', async () => {
    const sound = documentOf('doc_a', ['Evin and Evin.']);
    const damaged = documentOf('doc_b', ['Evin prison, Evin.']);
    // A paragraph past the end of its text: it parses, but the record's checks refuse it.
    damaged.blocks = [{ kind: 'paragraph', start: 0, end: damaged.text.length + 5 }];
    const counted = ask(EVIN, [
      { id: 'doc_a', stamp: await write(sound) },
      { id: 'doc_b', stamp: await write(damaged) },
    ]);
    expect([...counted]).toEqual([['doc_a', { count: 2 }]]);
  });

  it('leaves out a record changed since it was vouched for, or holding another document', async () => {
    const stamp = await write(documentOf('doc_a', ['Evin.']));
    // Same length, another time: written after the stamp was taken.
    await write(documentOf('doc_a', ['Nive.']));
    await utimes(join(dir, 'documents', 'doc_a.json'), new Date(), new Date(stamp[1] + 5000));
    const other = documentOf('doc_c', ['Evin.']);
    const file = join(dir, 'documents', 'doc_b.json');
    await writeFile(file, JSON.stringify({ schemaVersion: SCHEMA_VERSION, document: other }));
    const { size, mtimeMs } = await stat(file);
    expect(
      ask(EVIN, [
        { id: 'doc_a', stamp },
        { id: 'doc_b', stamp: [size, mtimeMs] },
        { id: 'doc_gone', stamp: [1, 1] },
      ]).size,
    ).toBe(0);
  });
});
