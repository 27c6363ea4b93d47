// Direction controls in names: "Evin \u202Enosirp" displays as "Evin prison" but is another
// entity. Every way a name, alias, tag, title or author enters (the API, an imported
// file, a backup) stores it without embedding, override or isolate controls and without
// control characters, and keeps what Persian needs (ZWNJ, ZWJ, LRM, RLM); exports that
// list names in one cell isolate each right-to-left one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import type { ImportOutcome } from '../../src/shared/api';
import { cleanLabel, isolate } from '../../src/shared/bidi';
import { readCsv } from '../fixtures/read-csv';
import { openSample, tempDir, unwrap } from './helpers';

const SPOOF = 'Evin \u202Enosirp';
const EVERY_CONTROL =
  'a\u202Ab\u202Bc\u202Cd\u202De\u202Ef\u2066g\u2067h\u2068i\u2069j\u0000k\u0007l';
/** Persian with a zero-width non-joiner, and a right-to-left mark: both kept. */
const PERSIAN = 'می\u200Cخواهم\u200F';

const documentOf = (outcome: ImportOutcome): string => {
  if (outcome.kind !== 'document') throw new Error(`expected a document, got ${outcome.kind}`);
  return outcome.documentId;
};

let wb: Workbench;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  let dir: string;
  ({ dir, cleanup } = await tempDir());
  wb = await openSample(dir);
});
afterEach(() => cleanup());

describe('a name as it is stored', () => {
  it('has no direction controls or control characters, and keeps Persian joiners and marks', () => {
    expect(cleanLabel(SPOOF)).toBe('Evin nosirp');
    expect(cleanLabel(EVERY_CONTROL)).toBe('abcdefghijkl');
    expect(cleanLabel(PERSIAN)).toBe(PERSIAN);
    expect(cleanLabel('ZWJ \u200D ALM \u061C LRM \u200E')).toBe('ZWJ \u200D ALM \u061C LRM \u200E');
  });

  it('is clean whichever way it came in: entity, alias, tag, note title, document title, author', async () => {
    const entity = unwrap(
      await wb.call('entities.create', {
        name: SPOOF,
        type: 'place',
        aliases: [`${PERSIAN}\u202E`, EVERY_CONTROL],
      }),
    );
    expect(entity.name).toBe('Evin nosirp');
    expect(entity.aliases).toEqual([PERSIAN, 'abcdefghijkl']);
    const [doc] = unwrap(await wb.call('documents.list', {}));
    const annotation = unwrap(
      await wb.call('annotations.create', {
        documentId: doc!.id,
        start: 0,
        end: 10,
        tags: [`prison\u2066 \u2069`],
      }),
    );
    expect(annotation.tags).toEqual(['prison']);
    const note = unwrap(await wb.call('notes.create', { title: `Brief \u202Eon Evin` }));
    expect(note.title).toBe('Brief on Evin');
    const pasted = unwrap(
      await wb.call('documents.paste', {
        title: `Report\u202E fdp.exe`,
        text: 'Witnesses described Evin prison.',
        source: { author: `Rights\u202D Monitor`, publisher: 'A\u0000B' },
      }),
    );
    const stored = unwrap(await wb.call('documents.get', { id: documentOf(pasted) })).document;
    expect(stored.title).toBe('Report fdp.exe');
    expect(stored.source).toMatchObject({ author: 'Rights Monitor', publisher: 'AB' });
  });

  it('is clean when it comes from an imported file', async () => {
    const html = `<!doctype html><html><head><title>Evin \u202Enosirp report</title>
      <meta name="author" content="Staff\u2067 writer"></head>
      <body><article><p>Three former detainees described the ward in detail to the court.</p>
      <p>Their accounts were consistent with each other.</p></article></body></html>`;
    const outcome = unwrap(
      await wb.call('documents.import', {
        fileName: 'spoof.html',
        dataBase64: Buffer.from(html).toString('base64'),
      }),
    );
    const doc = unwrap(await wb.call('documents.get', { id: documentOf(outcome) })).document;
    expect(doc.title).toBe('Evin nosirp report');
    expect(doc.title).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('is clean when it comes from a backup', async () => {
    const backup = JSON.parse(
      unwrap(await wb.call('export.create', { format: 'json' })).content,
    ) as {
      entities: unknown[];
      documents: unknown[];
    };
    const T = '2026-01-01T00:00:00.000Z';
    const restored = {
      ...backup,
      documents: [],
      entities: [
        {
          id: 'ent_spoof',
          name: SPOOF,
          type: 'place',
          aliases: ['\u2066x'],
          description: '',
          createdAt: T,
          updatedAt: T,
        },
      ],
    };
    unwrap(
      await wb.call('documents.import', {
        fileName: 'colleague.json',
        dataBase64: Buffer.from(JSON.stringify(restored)).toString('base64'),
      }),
    );
    const entities = unwrap(await wb.call('entities.list', {}));
    expect(entities.map((e) => [e.name, e.aliases])).toContainEqual(['Evin nosirp', ['x']]);
  });
});

describe('names inside other text of an export', () => {
  it('are isolated when they hold right-to-left letters', () => {
    expect(isolate('Evin prison')).toBe('Evin prison');
    expect(isolate('زندان اوین')).toBe('\u2068زندان اوین\u2069');
    // An isolate the name carries cannot leak out of the wrapping.
    expect(isolate('اوین\u2067')).toBe('\u2068اوین\u2069');
  });

  it('the highlights CSV isolates each tag of a cell', async () => {
    const [doc] = unwrap(await wb.call('documents.list', {}));
    unwrap(
      await wb.call('annotations.create', {
        documentId: doc!.id,
        start: 0,
        end: 10,
        tags: ['زندان', 'Evin'],
      }),
    );
    const rows = readCsv(unwrap(await wb.call('export.create', { format: 'csv' })).content);
    const tags = rows[0]!.indexOf('tags');
    expect(rows[1]![tags]).toBe('\u2068زندان\u2069; Evin');
  });
});
